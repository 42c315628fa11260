/// Writes diagnostics as a JSON array by hand rather than through `JSONEncoder`, so that key order
/// and spacing are fixed: the output is diffable and the same on every platform.
enum JSONDiagnostics {
  static func render(_ diagnostics: [Diagnostic]) -> String {
    if diagnostics.isEmpty { return "[]\n" }
    let objects = diagnostics.map { diagnostic in
      let notes = diagnostic.notes.map(quote).joined(separator: ", ")
      return """
          {"file": \(quote(diagnostic.location.file)), "line": \(diagnostic.location.line), \
        "column": \(diagnostic.location.column), "severity": \(quote(diagnostic.severity.rawValue)), \
        "rule": \(quote(diagnostic.rule)), "message": \(quote(diagnostic.message)), \
        "notes": [\(notes)]}
        """
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259).
  static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
