import ECSGenDiagnostics
import ECSGenRendering
import ECSGenSpec

/// The last line of defence for "the imported spec lints": the mapper keeps every value in the
/// ranges ecsgen accepts, but a manifest is input from anyone, and a combination the mapper did
/// not foresee (a sidecar `depends_on` that waits in a circle, say) would make the whole import
/// fail. The guard lints the spec and leaves out each entry with an error, naming it and the
/// error in a WARNING, so the user gets a spec and a list of what to write by hand.
enum CopilotLintGuard {
  /// At most this many rounds: each removes at least one entry.
  static let maxRounds = 8

  static func dropEntriesWithErrors(_ entries: [YAMLEntry]) -> (
    entries: [YAMLEntry], dropped: [String]
  ) {
    var entries = entries
    var dropped: [String] = []
    for _ in 0..<maxRounds {
      let text = YAMLPrinter().print(.mapping(entries))
      let loaded = ServiceSpecLoader.load(text: text, file: "imported.yaml")
      let errors = loaded.diagnostics.filter { $0.severity == .error }
      guard !errors.isEmpty else { break }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      var removed = false
      for error in errors {
        guard let full = entryPath(atLine: error.location.line, in: lines),
          full.first != "name", let path = removeNarrowest(full, from: &entries)
        else { continue }
        removed = true
        dropped.append(
          "the imported `\(path.joined(separator: "."))` did not pass lint and was \(path.count == 1 && placeholders[path[0]] != nil ? "replaced by a placeholder" : "left out") (\(error.message)); write it by hand."
        )
      }
      if !removed { break }
    }
    return (entries, dropped)
  }

  /// Removes the innermost entry on `path` that can be removed, so that one bad secret or one
  /// bad `load_balancer.domain` costs that entry, not the whole mapping around it. Within
  /// `environments` the narrowest fallback is the environment's key, never the environment.
  /// Returns the path removed.
  static func removeNarrowest(_ path: [String], from entries: inout [YAMLEntry]) -> [String]? {
    let shortest = path.first == "environments" ? min(3, path.count) : 1
    for length in stride(from: path.count, through: shortest, by: -1) {
      let candidate = Array(path.prefix(length))
      if remove(candidate, from: &entries) { return candidate }
    }
    return nil
  }

  /// The path of mapping keys to the entry that holds `line` (1-based), as deep as the printed
  /// spec's mappings go (entries inside list items end at the list's key).
  static func entryPath(atLine line: Int, in lines: [String]) -> [String]? {
    guard line >= 1, line <= lines.count else { return nil }
    var path: [String] = []
    var depth = Int.max
    for index in stride(from: line - 1, through: 0, by: -1) {
      let text = lines[index]
      let indent = text.prefix { $0 == " " }.count
      let rest = text.dropFirst(indent)
      guard indent < depth, indent % 2 == 0, let first = rest.first, first != "#"
      else { continue }
      // A list item: whatever was collected below it belongs to one item, which the guard
      // cannot name, so the path ends at the list's own key.
      if first == "-" {
        path.removeAll()
        depth = indent
        continue
      }
      guard let colon = rest.firstIndex(of: ":") else { continue }
      path.insert(String(rest[..<colon]), at: 0)
      depth = indent
      if indent == 0 { break }
    }
    return path.isEmpty ? nil : path
  }

  /// Keys a spec cannot do without: replaced by a placeholder (with a TODO) instead of removed.
  static let placeholders: [String: YAMLNode] = [
    "image": .string("todo-write-the-image:tag"), "port": .int(8080),
    "schedule": .string("rate(1 day)"),
  ]

  static func remove(_ path: [String], from entries: inout [YAMLEntry]) -> Bool {
    guard let key = path.first, let index = entries.firstIndex(where: { $0.key == key }) else {
      return false
    }
    if path.count == 1 {
      if let placeholder = placeholders[key], entries[index].value != placeholder {
        entries[index].value = placeholder
        entries[index].comments = ["TODO: a placeholder for the value that did not pass lint."]
        return true
      }
      if placeholders[key] != nil { return false }
      entries.remove(at: index)
      return true
    }
    guard case .mapping(var inner) = entries[index].value,
      remove(Array(path.dropFirst()), from: &inner)
    else { return false }
    // A mapping left empty goes too (`secrets:` whose only entry was the bad one).
    if inner.isEmpty, placeholders[key] == nil {
      entries.remove(at: index)
    } else {
      entries[index].value = .mapping(inner)
    }
    return true
  }
}
