/// Decides how a string is written so that YAML (1.1 or 1.2) reads it back as the same string. It
/// is the one escaping function of every YAML ecsgen writes (workflows, imported specs): values
/// from a spec or a Lambda configuration reach the output only through it.
public enum YAMLQuoting {
  public static func key(_ key: String) -> String {
    // `on` is YAML 1.1's boolean true, but it is the key every workflow uses and GitHub reads it
    // as the string; quoting it would only surprise readers.
    key == "on" ? key : scalar(key)
  }

  /// Plain when that is unambiguous, single-quoted when only quoting is needed, double-quoted
  /// with escapes when the text holds a character that cannot appear as it is (a control
  /// character, a line break of any kind, a byte order mark).
  public static func scalar(_ text: String) -> String {
    if let plain = isPlainSafeASCII(text) {
      // Printable ASCII: no escapes needed.
      return plain ? text : "'" + text.replacingAll("'", with: "''") + "'"
    }
    if text.unicodeScalars.contains(where: needsEscape) { return doubleQuoted(text) }
    return isPlainSafe(text) ? text : "'" + text.replacingAll("'", with: "''") + "'"
  }

  /// `isPlainSafe` for text of printable ASCII only, over its bytes (most values of a workflow
  /// are; the general check costs a fifth of the workflow's rendering, issue 11's profile); nil
  /// for any other text. Decides exactly as `isPlainSafe` does.
  static func isPlainSafeASCII(_ text: String) -> Bool? {
    let decision = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard !bytes.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return nil }
      guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else {
        return false
      }
      if bytes.count <= 5 && reserved.contains(text.lowercased()) { return false }
      if plainIndicators.contains(first) || last == UInt8(ascii: ":") { return false }
      var hasDigit = false
      var numberLike = true
      for index in bytes.indices {
        let byte = bytes[index]
        if index + 1 < bytes.count {
          let next = bytes[index + 1]
          if (byte == UInt8(ascii: ":") && next == 0x20)
            || (byte == 0x20 && next == UInt8(ascii: "#"))
          {
            return false
          }
        }
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        hasDigit = hasDigit || isDigit
        numberLike = numberLike && (isDigit || numberPunctuation.contains(byte))
      }
      if numberLike && hasDigit { return false }
      if text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
      return true
    }
    // Nil also when the text is not stored as contiguous UTF-8 (a bridged string).
    return decision ?? nil
  }

  /// First characters that make a plain scalar mean something else, as bytes.
  private static let plainIndicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
  /// Characters besides digits that a YAML 1.1 number or date may hold, as bytes.
  private static let numberPunctuation = Set("._+-:eE".utf8)

  /// Text for a `#` comment: a comment ends at the line end, so every character that a YAML
  /// reader could take for one (and every other control character) is written as a visible
  /// escape instead, and the comment can never start a line of YAML.
  public static func comment(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        output.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        output.append(scalar)
      }
    }
    return String(output)
  }

  /// True when `text` can be written as a `|` block scalar whose lines read back as the text.
  public static func isLiteralSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first != " " else { return false }
    return !text.unicodeScalars.contains { needsEscape($0) && $0 != "\n" }
  }

  /// Characters that YAML cannot carry as they are in a quoted or plain scalar: C0 and C1
  /// controls and DEL (only the tab is printable, and it is escaped too, for readability), the
  /// line breaks of YAML 1.1 (CR, LF, NEL, U+2028, U+2029), the byte order mark, and the
  /// non-characters U+FFFE and U+FFFF.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  private static let reserved: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
  ]

  static func isPlainSafe(_ text: String) -> Bool {
    // Scalars, not Characters: a combining mark after `#` or `: ` must not hide them.
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last, first != " ", last != " " else {
      return false
    }
    if reserved.contains(text.lowercased()) { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if last == ":" { return false }
    for index in scalars.indices.dropLast()
    where (scalars[index] == ":" && scalars[index + 1] == " ")
      || (scalars[index] == " " && scalars[index + 1] == "#")
    {
      return false
    }
    // Anything a YAML 1.1 reader might take for a number or a date stays quoted.
    let numberLike = text.allSatisfy { $0.isNumber || "._+-:eE".contains($0) }
    if numberLike && text.contains(where: \.isNumber) { return false }
    if text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
    return true
  }

  private static func doubleQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case _ where needsEscape(scalar): output += escape(scalar)
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  /// A YAML double-quoted escape, which is also readable in a comment.
  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\0": return "\\0"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      if scalar.value <= 0xFF {
        return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
      }
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
