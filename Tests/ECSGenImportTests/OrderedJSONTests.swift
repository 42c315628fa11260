import ECSGenSpec
import Testing

@testable import ECSGenImport

/// The parser of an EventBridge rule's `EventPattern`: key order and number text kept, anything
/// that is not exactly one JSON value refused.
@Suite struct OrderedJSONTests {
  @Test func keysKeepTheirOrderAndNumbersTheirText() {
    let value = OrderedJSON.parse(#" {"z": [1, -2.50, 1e3], "a": {"b": true, "c": null}} "#)
    #expect(
      value
        == .object([
          ("z", .array([.number("1"), .number("-2.50"), .number("1e3")])),
          ("a", .object([("b", .bool(true)), ("c", .null)])),
        ]))
  }

  @Test func escapesAndSurrogatePairsDecode() {
    #expect(
      OrderedJSON.parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "é"]"#)
        == .array([.string("a\"b\\c/d\n"), .string("é😀"), .string("é")]))
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "[1] 2", "tru", "+1", "01x", "\"\\x\"",
    "\"\\ud83d\"", "\"\\u12g4\"", "\"a\nb\"", "{a: 1}", "[1 2]",
  ])
  func malformedTextIsRefused(text: String) {
    #expect(OrderedJSON.parse(text) == nil)
  }
}
