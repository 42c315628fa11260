import Testing

@testable import ECSGenTerraform

/// The printer owns formatting, quoting and escaping; these pin the rules `terraform fmt` checks.
@Suite struct HCLPrinterTests {
  let printer = HCLPrinter()

  func attribute(_ value: HCLExpression) -> String {
    printer.print(HCLDocument(blocks: [HCLBlock("locals", [], [.set("x", value)])]))
  }

  @Test func stringsEscapeTemplatesQuotesBackslashesAndControls() {
    #expect(
      attribute(.string("a ${b} %{c} \"d\" \\e\nf\u{1}é"))
        == "locals {\n  x = \"a $${b} %%{c} \\\"d\\\" \\\\e\\nf\\u0001é\"\n}\n")
  }

  /// C1 controls, DEL, Unicode separators and the byte order mark are invisible in a review.
  @Test func invisibleCharactersAreEscaped() {
    #expect(
      attribute(.string("a\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}b"))
        == "locals {\n  x = \"a\\u007F\\u0085\\u2028\\u2029\\uFEFFb\"\n}\n")
  }

  @Test func templatesKeepInterpolationsAndEscapeLiterals() {
    let value = HCLExpression.template([
      .literal("${x}:"), .interpolation(.reference("var.tag")),
    ])
    #expect(attribute(value) == "locals {\n  x = \"$${x}:${var.tag}\"\n}\n")
  }

  @Test func runsOfSingleLineAttributesAreAligned() {
    let text = printer.print(
      HCLDocument(blocks: [
        HCLBlock(
          "resource", ["a", "b"],
          [
            .set("name", .string("n")), .set("retention_in_days", .number(30)),
            .set("object", .object([HCLObjectItem("k", .number(1))])),
            .set("z", .bool(true)),
          ])
      ]))
    #expect(
      text == """
        resource "a" "b" {
          name              = "n"
          retention_in_days = 30
          object = {
            k = 1
          }
          z = true
        }

        """)
  }

  @Test func objectKeysThatAreNotIdentifiersAreQuoted() {
    let text = attribute(
      .object([HCLObjectItem("Cost Center", .string("1")), HCLObjectItem("awslogs-group", .null)]))
    #expect(text.contains("\"Cost Center\" = \"1\""))
    #expect(text.contains("awslogs-group = null"))
  }

  /// A user's event pattern may use any key; `for` bare would open a for-expression.
  @Test(arguments: ["for", "if", "in", "null", "true", "false"])
  func objectKeysThatAreKeywordsAreQuoted(key: String) {
    let text = attribute(.object([HCLObjectItem(key, .string("x"))]))
    #expect(text.contains("\"\(key)\" = \"x\""))
  }

  @Test func documentsStartWithTheHeaderAndSeparateBlocks() {
    let text = printer.print(
      HCLDocument(
        headerComment: ["Generated."],
        blocks: [HCLBlock("data", ["x", "y"], []), HCLBlock("data", ["x", "z"], [])]))
    #expect(text == "# Generated.\n\ndata \"x\" \"y\" {}\n\ndata \"x\" \"z\" {}\n")
  }
}
