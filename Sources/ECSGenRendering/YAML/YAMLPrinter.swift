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

  /// Indentation strings by depth, built once.
  private static let pads = (0..<32).map { String(repeating: "  ", count: $0) }

  private static func pad(_ depth: Int) -> String {
    depth < pads.count ? pads[depth] : String(repeating: "  ", count: depth)
  }

  private func writeEntries(_ entries: [YAMLEntry], indent: Int, into output: inout String) {
    let pad = Self.pad(indent)
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
      let pad = Self.pad(indent + 1)
      // Line by line over the UTF-8 bytes: `\n` is one byte, and a Character-wise split costs
      // a quarter of the workflow's rendering (issue 11's profile).
      let utf8 = text.utf8
      var lineStart = utf8.startIndex
      while lineStart < utf8.endIndex {
        let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        if lineStart == lineEnd {
          output += "\n"
        } else {
          output += pad
          output += text[lineStart..<lineEnd]
          output += "\n"
        }
        lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
      }
    default:
      output += " " + inline(value) + "\n"
    }
  }

  private func writeItems(_ items: [YAMLNode], indent: Int, into output: inout String) {
    let pad = Self.pad(indent)
    for item in items {
      switch item {
      case .mapping(let entries) where !entries.isEmpty:
        // The first entry shares the line with `- `; the others align under it, which is where
        // entries one level deeper go, since `- ` is as wide as one level.
        let first = entries[0]
        if first.spacedBefore || !first.comments.isEmpty {
          writeCommentedFirstEntry(first, indent: indent, into: &output)
        } else {
          output += pad + "- " + YAMLQuoting.key(first.key) + ":"
          writeValue(first.value, indent: indent + 1, into: &output)
        }
        writeEntries(Array(entries.dropFirst()), indent: indent + 1, into: &output)
      default:
        output += pad + "-"
        writeValue(item, indent: indent, into: &output)
      }
    }
  }

  /// A first entry with comments (or a blank line) before it: its first line, the comment,
  /// goes after `- `, and the rest aligns under it.
  private func writeCommentedFirstEntry(_ entry: YAMLEntry, indent: Int, into output: inout String)
  {
    let pad = Self.pad(indent)
    var first = ""
    writeEntries([entry], indent: 0, into: &first)
    let firstLines = first.split(separator: "\n", omittingEmptySubsequences: false)
    output += pad + "- " + firstLines[0] + "\n"
    for line in firstLines.dropFirst() where !line.isEmpty {
      output += pad + "  " + line + "\n"
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
    case .null: "~"
    }
  }
}
