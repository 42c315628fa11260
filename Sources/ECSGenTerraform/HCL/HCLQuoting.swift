/// Quoting and escaping of HCL string literals and object keys.
enum HCLQuoting {
  /// A quoted literal string: quotes, backslashes and control characters escaped, and `${` / `%{`
  /// doubled so that text from a spec is never read as a template.
  static func quote(_ text: String) -> String {
    "\"" + escape(text) + "\""
  }

  /// A quoted template: literal parts escaped, interpolations printed by `expression`.
  static func quote(_ parts: [HCLTemplatePart], expression: (HCLExpression) -> String) -> String {
    var output = "\""
    for part in parts {
      switch part {
      case .literal(let text): output += escape(text)
      case .interpolation(let value): output += "${" + expression(value) + "}"
      }
    }
    return output + "\""
  }

  /// Object keys: bare when they are identifiers, quoted otherwise (`"awslogs-group"`).
  static func objectKey(_ key: String) -> String {
    // A bare `for` opens a for-expression and a bare `null` is a null key: words HCL reads as
    // keywords are quoted (a user's event pattern or filter policy may use any key).
    if hclKeywords.contains(key) { return quote(key) }
    // ASCII keys, nearly all of them, are decided over their bytes: the Unicode property lookups
    // below cost 1% of a render (issue 11's profile) and say the same for ASCII.
    if key.utf8.allSatisfy({ $0 < 0x80 }) {
      guard let first = key.utf8.first, isASCIILetter(first) || first == UInt8(ascii: "_"),
        key.utf8.allSatisfy({
          isASCIILetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
            || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        })
      else { return quote(key) }
      return key
    }
    guard let first = key.unicodeScalars.first,
      first.properties.isAlphabetic || first == "_",
      key.unicodeScalars.allSatisfy({
        ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil))
          || $0 == "_" || $0 == "-"
      })
    else { return quote(key) }
    return key
  }

  private static let hclKeywords: Set<String> = ["for", "if", "in", "null", "true", "false"]

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  private static func escape(_ text: String) -> String {
    // Most strings need no escaping; checking the bytes first avoids rebuilding them.
    // Bytes of 0x80 and above are checked scalar by scalar below (C1 controls, U+2028, ...).
    if !text.utf8.contains(where: {
      $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
        || $0 == UInt8(ascii: "{")
    }) {
      return text
    }
    var output = ""
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": output += "\\\\"
      case "\"": output += "\\\""
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "{" where previous == "$" || previous == "%":
        // `${` and `%{` start template sequences; HCL escapes them by doubling the sigil.
        output.unicodeScalars.append(previous == "$" ? "$" : "%")
        output += "{"
      case _ where isInvisible(scalar):
        let hex = String(scalar.value, radix: 16, uppercase: true)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        output.unicodeScalars.append(scalar)
      }
      previous = scalar
    }
    return output
  }

  /// Characters written as `\uNNNN`: C0 and C1 controls, DEL, the Unicode line and paragraph
  /// separators, the byte order mark and the non-characters U+FFFE/U+FFFF. None is printable, so
  /// a reviewer of the generated file could not see them, and some tools break lines at them.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
    default: false
    }
  }
}
