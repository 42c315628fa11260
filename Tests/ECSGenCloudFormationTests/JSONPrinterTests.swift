import ECSGenCloudFormation
import Testing

@Suite struct JSONPrinterTests {
  @Test func prettyPrintsWithTwoSpacesAndKeepsMemberOrder() {
    let value = JSONValue.object([
      JSONMember("b", .int(1)), JSONMember("a", .array([.bool(true), .string("x\"y")])),
      JSONMember("e", .array([])), JSONMember("o", .object([])),
    ])
    #expect(
      JSONPrinter().print(value) == """
        {
          "b": 1,
          "a": [
            true,
            "x\\"y"
          ],
          "e": [],
          "o": {}
        }

        """)
  }

  @Test func controlsAndSeparatorsAreEscaped() {
    let value = JSONValue.string("a\u{0}\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}é")
    #expect(
      JSONPrinter(compact: true).print(value) == #""a\u0000\u007f\u0085\u2028\u2029\ufeffé""#)
  }

  @Test func compactHasNoWhitespace() {
    let value = JSONValue.object([JSONMember("k", .array([.int(1), .int(2)]))])
    #expect(JSONPrinter(compact: true).print(value) == #"{"k":[1,2]}"#)
  }

  @Test func sortedObjectsSortTheirKeys() {
    #expect(
      JSONPrinter(compact: true).print(.sorted(["b": .int(2), "a": .int(1)]))
        == #"{"a":1,"b":2}"#)
  }
}
