import Foundation
import Yams

/// What the mapper learned while reading a manifest: the position of every key it read (for
/// `CopilotManifestAudit`, which reports all the others) and the `${VAR}`s it could not resolve.
final class CopilotReadLog {
  var consumed: Set<CopilotKeyPosition> = []
  /// `(key path, line, variable names)` of values that kept a `${VAR}`, each once.
  var unresolved: [(path: String, line: Int, names: [String])] = []
  private var unresolvedSeen: Set<String> = []

  func noteUnresolved(path: String, line: Int, names: [String]) {
    guard unresolvedSeen.insert("\(path)@\(line)").inserted else { return }
    unresolved.append((path, line, names))
  }
}

/// A node of the manifest with its key path, read through accessors that record each key read
/// and apply Copilot's `${...}` substitutions to scalar values.
struct CopilotValue {
  let node: Node
  /// The dot-joined key path (`http.healthcheck.path`), for comments.
  let path: String
  let log: CopilotReadLog
  let substitution: CopilotSubstitution
  /// The line of the key this value was reached through, when there is one: comments name the
  /// key's line, which for a block mapping or list is the line above its first entry.
  var keyLine: Int? = nil

  /// The manifest line a comment names: the key's, else the value's own.
  var line: Int { keyLine ?? node.mark?.line ?? 0 }

  /// The value of `key` when this is a mapping that has it with a non-null value; records the
  /// key as read either way.
  func child(_ key: String) -> CopilotValue? {
    guard case .mapping(let mapping) = node else { return nil }
    for (keyNode, value) in mapping where keyNode.scalar?.string == key {
      record(keyNode)
      if Self.isNull(value) { return nil }
      return CopilotValue(
        node: value, path: path.isEmpty ? key : path + "." + key, log: log,
        substitution: substitution, keyLine: keyNode.mark?.line)
    }
    return nil
  }

  /// Nested keys: `child("http")?.child("healthcheck")`.
  func child(_ first: String, _ rest: String...) -> CopilotValue? {
    rest.reduce(child(first)) { $0?.child($1) }
  }

  /// Whether this mapping has `key` (read or not).
  func has(_ key: String) -> Bool {
    guard case .mapping(let mapping) = node else { return false }
    return mapping.contains { $0.key.scalar?.string == key }
  }

  /// The entries of a mapping whose keys are the user's own names (variables, secrets,
  /// sidecars), in manifest order; each key is recorded as read.
  var entries: [(key: String, value: CopilotValue)] {
    guard case .mapping(let mapping) = node else { return [] }
    return mapping.compactMap { keyNode, value in
      guard let key = keyNode.scalar?.string else { return nil }
      record(keyNode)
      return (
        key,
        CopilotValue(
          node: value, path: path.isEmpty ? key : path + "." + key, log: log,
          substitution: substitution, keyLine: keyNode.mark?.line)
      )
    }
  }

  /// The items of a sequence; a single scalar counts as a list of one (Copilot accepts both in
  /// many places, such as `alias`).
  var items: [CopilotValue] {
    switch node {
    case .sequence(let sequence):
      return sequence.map {
        CopilotValue(node: $0, path: path + "[]", log: log, substitution: substitution)
      }
    case .scalar: return Self.isNull(node) ? [] : [self]
    default: return []
    }
  }

  var isMapping: Bool { if case .mapping = node { true } else { false } }
  var isSequence: Bool { if case .sequence = node { true } else { false } }

  /// A scalar's text after substitution; nil for mappings and sequences.
  var string: String? {
    guard let text = node.scalar?.string else { return nil }
    let result = substitution.resolve(text)
    if !result.unresolved.isEmpty {
      log.noteUnresolved(path: path, line: line, names: result.unresolved)
    }
    return result.value
  }

  /// A scalar for a field that lint checks (an ARN, an id, a domain): nil, with the variables
  /// noted for a TODO, while a `${VAR}` is left in it, because the spec could not pass lint.
  var concrete: String? {
    guard let text = string else { return nil }
    let names = Self.variables(in: text)
    guard names.isEmpty else {
      log.noteUnresolved(path: path, line: line, names: names)
      return nil
    }
    return text
  }

  /// The names of the `${NAME}` left in `text`, each once.
  static func variables(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "}") else { break }
      let name = String(rest[..<end])
      if !names.contains(name) { names.append(String(name.prefix(100))) }
      rest = rest[rest.index(after: end)...]
    }
    return names
  }

  /// A whole number; nil for anything else (`"abc"`, `1.5`, a number past `Int`).
  var int: Int? { string.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

  /// `true` or `false` as YAML 1.1 wrote them (Copilot's reader accepts `yes`/`no` too).
  var bool: Bool? {
    switch string?.lowercased() {
    case "true", "yes", "on", "y": true
    case "false", "no", "off", "n": false
    default: nil
    }
  }

  /// A list of strings, or one string as a list of one.
  var strings: [String] { items.compactMap(\.string) }

  /// `strings` for a field that lint checks: the items that still hold a `${VAR}` are left
  /// out and noted.
  var concreteStrings: [String] { items.compactMap(\.concrete) }

  private func record(_ keyNode: Node) {
    if let mark = keyNode.mark {
      log.consumed.insert(CopilotKeyPosition(line: mark.line, column: mark.column))
    }
  }

  static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }
}
