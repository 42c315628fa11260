/// JSON string literals, shared by every JSON ecsgen writes (diagnostics, CloudFormation).
public enum JSONString {
  /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259); DEL,
  /// the C1 controls, U+2028 and U+2029 (line breaks to JavaScript and to YAML 1.1 readers of the
  /// same file) and the byte order mark are escaped as `\uNNNN` too; all other characters,
  /// including non-ASCII ones, are written as they are.
  public static func quote(_ text: String) -> String {
    var result = ""
    append(text, to: &result)
    return result
  }

  /// Appends the literal `quote(text)` to `output`, without building it on its own first (the
  /// printers call this for every string of a template).
  public static func append(_ text: String, to output: inout String) {
    // Most strings need no escaping; checking the bytes first avoids rebuilding them.
    if !text.utf8.contains(where: {
      $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
    }) {
      output += "\""
      output += text
      output += "\""
      return
    }
    output += escaped(text)
  }

  private static func escaped(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _
      where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || [0x2028, 0x2029, 0xFEFF].contains(scalar.value):
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
