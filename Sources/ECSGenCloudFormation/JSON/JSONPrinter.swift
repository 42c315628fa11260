import ECSGenDiagnostics

/// Prints JSON with two-space indentation, `"key": value` members, one element per line, empty
/// collections as `[]` and `{}`, and a trailing newline; or, `compact`, on one line with no
/// spaces (for JSON embedded in a string, such as an ECR lifecycle policy).
public struct JSONPrinter: Sendable {
  public var compact: Bool

  public init(compact: Bool = false) {
    self.compact = compact
  }

  public func print(_ value: JSONValue) -> String {
    var output = ""
    if compact {
      writeCompact(value, into: &output)
      return output
    }
    write(value, indent: 0, into: &output)
    return output + "\n"
  }

  private func writeCompact(_ value: JSONValue, into output: inout String) {
    switch value {
    case .string, .int, .bool: write(value, indent: 0, into: &output)
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        writeCompact(item, into: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { output += "," }
        output += JSONString.quote(member.key) + ":"
        writeCompact(member.value, into: &output)
      }
      output += "}"
    }
  }

  /// Indentation strings by depth, built once.
  private static let indents = (0..<64).map { String(repeating: "  ", count: $0) }

  private func pad(_ depth: Int) -> String {
    depth < Self.indents.count ? Self.indents[depth] : String(repeating: "  ", count: depth)
  }

  private func write(_ value: JSONValue, indent: Int, into output: inout String) {
    switch value {
    case .string(let text): JSONString.append(text, to: &output)
    case .int(let number): output += String(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += pad(indent + 1)
        write(item, indent: indent + 1, into: &output)
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += pad(indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, member) in members.enumerated() {
        output += pad(indent + 1)
        JSONString.append(member.key, to: &output)
        output += ": "
        write(member.value, indent: indent + 1, into: &output)
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += pad(indent) + "}"
    }
  }
}
