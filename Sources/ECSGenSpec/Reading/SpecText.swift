import ECSGenDiagnostics

/// Turns the raw bytes of a spec file into text, refusing what is not UTF-8.
enum SpecText {
  /// The decoded text, or a diagnostic at the line and column of the first byte that is not UTF-8.
  static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
    // The fast path validates in one pass; the slow one below only runs to locate the bad byte.
    if var text = String(validating: bytes, as: UTF8.self) {
      // A byte order mark is allowed in UTF-8 files but means nothing; libyaml would trip on it.
      if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
      return .success(text)
    }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var text = String.UnicodeScalarView()
    var line = 1
    var column = 1
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        text.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return .success(String(text))
      case .error:
        return .failure(
          .error(
            "invalid-utf8", at: SourceLocation(file: file, line: line, column: column),
            "the file is not valid UTF-8 text; save it as UTF-8 (spec files are YAML, which ecsgen reads as UTF-8 only)"
          ))
      }
    }
  }
}
