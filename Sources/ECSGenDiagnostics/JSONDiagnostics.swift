/// Writes diagnostics as a JSON array by hand rather than through `JSONEncoder`, so that key order
/// and spacing are fixed: the output is diffable and the same on every platform.
enum JSONDiagnostics {
  static func render(_ diagnostics: [Diagnostic]) -> String {
    if diagnostics.isEmpty { return "[]\n" }
    let objects = diagnostics.map { diagnostic in
      let notes = diagnostic.notes.map(JSONString.quote).joined(separator: ", ")
      return """
          {"file": \(JSONString.quote(diagnostic.location.file)), "line": \(diagnostic.location.line), \
        "column": \(diagnostic.location.column), "severity": \(JSONString.quote(diagnostic.severity.rawValue)), \
        "rule": \(JSONString.quote(diagnostic.rule)), "message": \(JSONString.quote(diagnostic.message)), \
        "notes": [\(notes)]}
        """
    }
    return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }

}
