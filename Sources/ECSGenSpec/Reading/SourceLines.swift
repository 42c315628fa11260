import ECSGenDiagnostics

/// The one place that decides what a line end is, for every check that runs before the YAML parser
/// and for every line and column ecsgen reports.
///
/// A line ends at LF, and CRLF counts as one line end, so that line numbers are the ones editors
/// and `grep -n` show. Every other character that YAML 1.1 (libyaml) takes for a line break, a
/// lone CR, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), is refused
/// with `unsupported-line-end`: YAML 1.2 readers do not break lines there, so the same file would
/// mean different things to different tools, and the lines ecsgen reports would not be the lines
/// a person sees. A file saved with CR-only line ends (classic Mac OS) is refused the same way, at
/// its first CR.
///
/// The work is done on Unicode scalars, never on `Character`s: Swift reads "\r\n" as a single
/// `Character`, which is how CRLF files once slipped past the line-based checks.
struct SourceLines {
  /// The text with every CRLF turned into LF.
  let text: String
  /// All scalars of `text`.
  let scalars: [Unicode.Scalar]
  /// The scalar range of each line, without its LF; line `n` (1-based) is `ranges[n - 1]`.
  let ranges: [Range<Int>]

  /// Normalizes CRLF to LF, or refuses the first other line break at its line and column.
  static func read(_ text: String, file: String) -> Result<SourceLines, Diagnostic> {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    var ranges: [Range<Int>] = []
    var lineStart = 0
    var sawCR = false
    var input = text.unicodeScalars.makeIterator()
    var pending = input.next()
    while let scalar = pending {
      pending = input.next()
      switch scalar.value {
      case 0x0D where pending == "\n":
        sawCR = true
        continue
      case 0x0D, 0x85, 0x2028, 0x2029:
        let column = scalars.count - lineStart + 1
        return .failure(
          .error(
            "unsupported-line-end",
            at: SourceLocation(file: file, line: ranges.count + 1, column: column),
            "the file contains \(describe(scalar)), which some YAML readers take for a line break and others do not; save the file with LF (or CRLF) line ends, and inside a string write it as the escape `\(escape(scalar))` in double quotes"
          ))
      case 0x0A:
        ranges.append(lineStart..<scalars.count)
        scalars.append(scalar)
        lineStart = scalars.count
      default:
        scalars.append(scalar)
      }
    }
    ranges.append(lineStart..<scalars.count)
    var normalized = String.UnicodeScalarView()
    if sawCR {
      normalized.append(contentsOf: scalars)
    }
    return .success(
      SourceLines(text: sawCR ? String(normalized) : text, scalars: scalars, ranges: ranges))
  }

  /// The scalars of line `number` (1-based), or nil when there is no such line.
  func line(_ number: Int) -> ArraySlice<Unicode.Scalar>? {
    guard number >= 1, number <= ranges.count else { return nil }
    return scalars[ranges[number - 1]]
  }

  /// `line` and `column` moved inside the text: libyaml reports the end of the input on the line
  /// after the last one when the file does not end with a line break.
  func clamped(line: Int, column: Int) -> (line: Int, column: Int) {
    let lastLine = ranges.count
    if line > lastLine { return (lastLine, ranges[lastLine - 1].count + 1) }
    let safeLine = max(line, 1)
    return (safeLine, min(max(column, 1), ranges[safeLine - 1].count + 1))
  }

  /// Line and column (counting scalars) of a byte offset into the UTF-8 of `text`.
  func position(ofByteOffset offset: Int) -> (line: Int, column: Int) {
    var bytes = 0
    var index = 0
    while index < scalars.count, bytes < offset {
      bytes += UTF8.width(scalars[index])
      index += 1
    }
    return position(ofScalarIndex: index)
  }

  /// Line and column of the scalar at `index`.
  func position(ofScalarIndex index: Int) -> (line: Int, column: Int) {
    // Binary search for the last line that starts at or before `index`.
    var low = 0
    var high = ranges.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if ranges[middle].lowerBound <= index { low = middle } else { high = middle - 1 }
    }
    return (low + 1, index - ranges[low].lowerBound + 1)
  }

  private static func describe(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x0D: "a carriage return (CR) that is not followed by a line feed"
    case 0x85: "a NEXT LINE character (U+0085)"
    case 0x2028: "a LINE SEPARATOR (U+2028)"
    default: "a PARAGRAPH SEPARATOR (U+2029)"
    }
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x0D: "\\r"
    case 0x85: "\\N"
    case 0x2028: "\\L"
    default: "\\P"
    }
  }
}
