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
