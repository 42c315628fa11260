/// Prints a `YAMLNode` as block-style YAML with two-space indentation, sequences indented under
/// their key (the layout of GitHub's own examples), and a trailing newline.
public struct YAMLPrinter: Sendable {
  public init() {}

  /// `header` lines become `#` comments at the top, followed by a blank line.
  public func print(_ root: YAMLNode, header: [String] = []) -> String {
    var output = header.map { $0.isEmpty ? "#\n" : "# \(YAMLQuoting.comment($0))\n" }.joined()
    if !header.isEmpty { output += "\n" }
    switch root {
    case .mapping(let entries): writeEntries(entries, indent: 0, into: &output)
    default: output += inline(root) + "\n"
    }
    return output
  }

  private func writeEntries(_ entries: [YAMLEntry], indent: Int, into output: inout String) {
    let pad = String(repeating: "  ", count: indent)
    for entry in entries {
      if entry.spacedBefore { output += "\n" }
      for comment in entry.comments {
        output += comment.isEmpty ? pad + "#\n" : pad + "# " + YAMLQuoting.comment(comment) + "\n"
      }
      output += pad + YAMLQuoting.key(entry.key) + ":"
      writeValue(entry.value, indent: indent, into: &output)
    }
  }

  /// Writes what follows `key:` (or `- `), including the newline.
  private func writeValue(_ value: YAMLNode, indent: Int, into output: inout String) {
    switch value {
    case .mapping(let entries) where !entries.isEmpty:
      output += "\n"
      writeEntries(entries, indent: indent + 1, into: &output)
    case .sequence(let items) where !items.isEmpty:
      output += "\n"
      writeItems(items, indent: indent + 1, into: &output)
    case .literal(let text) where YAMLQuoting.isLiteralSafe(text):
      output += " |\n"
      let pad = String(repeating: "  ", count: indent + 1)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
        text.hasSuffix("\n") ? 1 : 0)
      {
        output += line.isEmpty ? "\n" : pad + line + "\n"
      }
    default:
      output += " " + inline(value) + "\n"
    }
  }

  private func writeItems(_ items: [YAMLNode], indent: Int, into output: inout String) {
    let pad = String(repeating: "  ", count: indent)
    for item in items {
      switch item {
      case .mapping(let entries) where !entries.isEmpty:
        // The first entry shares the line with `- `; the others align under it.
        var first = ""
        writeEntries([entries[0]], indent: 0, into: &first)
        var rest = ""
        writeEntries(Array(entries.dropFirst()), indent: indent + 1, into: &rest)
        let firstLines = first.split(separator: "\n", omittingEmptySubsequences: false)
        output += pad + "- " + firstLines[0] + "\n"
        for line in firstLines.dropFirst() where !line.isEmpty {
          output += pad + "  " + line + "\n"
        }
        output += rest
      default:
        output += pad + "-"
        writeValue(item, indent: indent, into: &output)
      }
    }
  }

  /// A scalar, or an empty collection, on one line.
  private func inline(_ value: YAMLNode) -> String {
    switch value {
    case .string(let text): YAMLQuoting.scalar(text)
    case .commented(let text, let comment):
      YAMLQuoting.scalar(text) + " # " + YAMLQuoting.comment(comment)
    case .int(let number): String(number)
    case .bool(let flag): flag ? "true" : "false"
    case .literal(let text): YAMLQuoting.scalar(text)
    case .sequence: "[]"
    case .mapping: "{}"
    }
  }
}
