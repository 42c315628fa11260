import ECSGenDiagnostics
import Yams

/// Reads one YAML mapping of the spec: looks values up by key and reports every key it does not
/// know, with a "did you mean" suggestion when one of the known keys is close.
struct MappingReader {
  /// The dotted path of this mapping in the spec (`load_balancer`), empty at the top level.
  let path: String
  let location: SourceLocation
  private let entries: [String: (key: Node, value: Node)]
  private let context: DecodingContext

  /// Nil (after reporting a `wrong-type` error) when `node` is not a mapping. `listedKeys`, when
  /// given, is what the "allowed keys" note lists instead of `knownKeys` (the top level lists the
  /// keys of the spec's kind, while still knowing every kind's keys).
  init?(
    _ node: Node, path: String, knownKeys: [String], listedKeys: [String]? = nil,
    context: DecodingContext
  ) {
    let listedKeys = listedKeys ?? knownKeys
    guard case .mapping(let mapping) = node else {
      context.markUndecodable(path)
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`\(path)` must be a mapping of keys to values, but this is \(node.kindDescription)",
          notes: ["allowed keys: " + listedKeys.map { "`\($0)`" }.joined(separator: ", ")]))
      return nil
    }
    self.path = path
    self.location = context.location(of: node)
    self.context = context
    var entries: [String: (key: Node, value: Node)] = [:]
    var unknownKeys = 0
    var spelling: Spelling.Candidates?
    var listedAllowedKeys = false
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        context.report(
          .error(
            "wrong-type", at: context.location(of: key),
            "keys in a spec are plain names, but this key is \(key.kindDescription)"))
        continue
      }
      let name = scalar.string
      if knownKeys.contains(name) {
        entries[name] = (key, value)
      } else {
        unknownKeys += 1
        if spelling == nil { spelling = Spelling.Candidates(knownKeys) }
        // Suggestions for the first `maxSuggestedKeys` unknown keys only: no one makes more typos
        // than that in one mapping, and the cost of a hostile file stays bounded.
        let suggestion =
          unknownKeys <= Self.maxSuggestedKeys
          ? spelling.flatMap { Spelling.closest(to: name, among: $0) } : nil
        let listAllowed = suggestion == nil && !listedAllowedKeys
        listedAllowedKeys = listedAllowedKeys || listAllowed
        context.report(
          Self.unknownKey(
            name, at: context.location(of: key), path: path, listedKeys, suggestion: suggestion,
            listAllowed: listAllowed))
      }
    }
    self.entries = entries
  }

  /// The value node of `key`, or nil when the key is absent or set to null.
  func value(_ key: String) -> Node? {
    guard let entry = entries[key], !entry.value.isNull else { return nil }
    return entry.value
  }

  /// The position of `key` itself (not its value), when present.
  func keyLocation(_ key: String) -> SourceLocation? {
    entries[key].map { context.location(of: $0.key) }
  }

  /// `path.key`, the name diagnostics use for a field.
  func field(_ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  /// The list of allowed keys goes with the first unknown key of a mapping that has no suggestion
  /// only: thousands of unknown keys must not each carry it (output and memory would grow with
  /// their product).
  static let maxSuggestedKeys = 100

  private static func unknownKey(
    _ name: String, at location: SourceLocation, path: String, _ knownKeys: [String],
    suggestion: String?, listAllowed: Bool
  ) -> Diagnostic {
    let place = path.isEmpty ? "at the top level of a spec" : "in `\(path)`"
    let shown = name.unicodeScalars.count > 80 ? String(name.prefix(80)) + "..." : name
    if let suggestion {
      return .error(
        "unknown-key", at: location,
        "unknown key `\(shown)` \(place); did you mean `\(suggestion)`?")
    }
    return .error(
      "unknown-key", at: location, "unknown key `\(shown)` \(place)",
      notes: listAllowed
        ? ["allowed keys: " + knownKeys.map { "`\($0)`" }.joined(separator: ", ")] : [])
  }
}
