import ECSGenSpec

/// A small JSON parser that keeps the key order and the numbers' text, for an EventBridge rule's
/// `EventPattern`: `JSONSerialization` returns dictionaries, which would reorder the pattern
/// (`detail` before `source`) and make it read unlike the rule the user knows.
enum OrderedJSON {
  /// Deeper documents are refused rather than parsed recursively: a pattern is at most 4096
  /// characters (EventBridge `PutRule` limit) and real ones nest a few levels.
  static let maxDepth = 32

  /// The document, or nil when `text` is not one complete JSON value.
  static func parse(_ text: String) -> JSONValue? {
    var parser = Parser(bytes: Array(text.utf8))
    guard let value = parser.value(depth: 0) else { return nil }
    parser.skipSpace()
    return parser.index == parser.bytes.count ? value : nil
  }

  private struct Parser {
    let bytes: [UInt8]
    var index = 0

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) -> JSONValue? {
      guard depth < OrderedJSON.maxDepth else { return nil }
      skipSpace()
      guard index < bytes.count else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "{"): return object(depth: depth)
      case UInt8(ascii: "["): return array(depth: depth)
      case UInt8(ascii: "\""): return string().map(JSONValue.string)
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return number()
      }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
      let expected = Array(word.utf8)
      guard bytes.count - index >= expected.count,
        Array(bytes[index..<index + expected.count]) == expected
      else { return nil }
      index += expected.count
      return value
    }

    private mutating func object(depth: Int) -> JSONValue? {
      index += 1
      var members: [(key: String, value: JSONValue)] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else {
          return nil
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let member = value(depth: depth + 1) else { return nil }
        members.append((key, member))
        skipSpace()
        guard index < bytes.count else { return nil }
        index += 1
        if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
        guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
      }
    }

    private mutating func array(depth: Int) -> JSONValue? {
      index += 1
      var items: [JSONValue] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        guard let item = value(depth: depth + 1) else { return nil }
        items.append(item)
        skipSpace()
        guard index < bytes.count else { return nil }
        index += 1
        if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
        guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
      }
    }

    /// A string starting at the opening quote; escapes decoded, control characters refused.
    private mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var raw: [UInt8] = []
      func flush() -> Bool {
        guard !raw.isEmpty else { return true }
        guard let text = String(validating: raw, as: UTF8.self) else { return false }
        scalars.append(contentsOf: text.unicodeScalars)
        raw.removeAll()
        return true
      }
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""):
          return flush() ? String(scalars) : nil
        case UInt8(ascii: "\\"):
          guard flush(), index < bytes.count else { return nil }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{8}")
          case UInt8(ascii: "f"): scalars.append("\u{C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return nil }
            scalars.append(scalar)
          default: return nil
          }
        case 0..<0x20:
          return nil
        default:
          raw.append(byte)
        }
      }
      return nil
    }

    /// `\uXXXX`, with a surrogate pair when the first half needs one.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      if (0xD800..<0xDC00).contains(high) {
        guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { return nil }
        index += 2
        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
      guard bytes.count - index >= 4,
        bytes[index..<index + 4].allSatisfy({ "0123456789abcdefABCDEF".utf8.contains($0) }),
        let text = String(validating: bytes[index..<index + 4], as: UTF8.self),
        let number = UInt32(text, radix: 16)
      else { return nil }
      index += 4
      return number
    }

    /// A number, kept as written (`-1`, `2.5`, `1e3`).
    private mutating func number() -> JSONValue? {
      let start = index
      while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
      guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self),
        Double(text) != nil, text.first != "+"
      else { return nil }
      return .number(text)
    }
  }
}
