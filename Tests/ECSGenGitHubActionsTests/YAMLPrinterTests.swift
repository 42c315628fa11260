import ECSGenRendering
import Testing

@Suite struct YAMLPrinterTests {
  @Test(arguments: [
    ("main", "main"), ("6.1", "'6.1'"), ("on", "'on'"), ("yes", "'yes'"), ("", "''"),
    ("a: b", "'a: b'"), ("it's", "it's"), ("'quoted'", "'''quoted'''"), ("-x", "'-x'"),
    ("${{ vars.X }}", "${{ vars.X }}"), ("x #y", "'x #y'"), ("443", "'443'"), ("*", "'*'"),
    ("services/**", "services/**"),
  ])
  func scalarsArePlainOnlyWhenUnambiguous(text: String, printed: String) {
    #expect(YAMLQuoting.scalar(text) == printed)
  }

  /// Characters YAML cannot carry as they are (a NUL made the workflow unreadable) are written
  /// double-quoted with escapes; line separators never start a new line.
  @Test(arguments: [
    ("a\u{0}b", #""a\0b""#), ("a\nci: x", #""a\nci: x""#), ("x\r\ny", #""x\r\ny""#),
    ("a\u{85}b", #""a\x85b""#), ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#),
    ("\u{1B}[2J", #""\x1B[2J""#), ("\u{FEFF}x", #""\uFEFFx""#), ("t\tb", #""t\tb""#),
    ("q\"\\\u{7F}", #""q\"\\\x7F""#),
  ])
  func controlCharactersAreEscapedInDoubleQuotes(text: String, printed: String) {
    #expect(YAMLQuoting.scalar(text) == printed)
  }

  /// Scalars, not Characters: `#` or `: ` followed by a combining mark is still a comment or a
  /// mapping value to a YAML reader.
  @Test func combiningMarksDoNotHideIndicators() {
    #expect(YAMLQuoting.scalar("#\u{301}x") == "'#\u{301}x'")
    #expect(YAMLQuoting.scalar("a: \u{301}b") == "'a: \u{301}b'")
  }

  @Test func commentsAndLiteralsNeverGainALine() {
    let node = YAMLNode.mapping([
      YAMLEntry("a", .literal("x\u{0}\n"), comments: ["one\nci: x", "two\u{2028}three\rfour"]),
      YAMLEntry("b", .commented("v", comment: "c\nd: e")),
    ])
    #expect(
      YAMLPrinter().print(node, header: ["h\u{85}i"]) == """
        # h\\x85i

        # one\\nci: x
        # two\\u2028three\\rfour
        a: "x\\0\\n"
        b: v # c\\nd: e

        """)
  }

  @Test func mappingsSequencesAndLiteralsNest() {
    let node = YAMLNode.mapping([
      YAMLEntry("on", .mapping([YAMLEntry("push", .mapping([]))])),
      YAMLEntry(
        "steps",
        .sequence([
          .map([("name", .string("Build")), ("run", .literal("a\nb\n"))]),
          .string("x"),
        ]), spacedBefore: true, comments: ["Steps.", ""]),
    ])
    #expect(
      YAMLPrinter().print(node, header: ["Generated."]) == """
        # Generated.

        on:
          push: {}

        # Steps.
        #
        steps:
          - name: Build
            run: |
              a
              b
          - x

        """)
  }
}
