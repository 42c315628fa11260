import ECSGenDiagnostics
import Testing

/// Output formats of diagnostics, independent of any spec.
@Suite struct DiagnosticRendererTests {
  let diagnostic = Diagnostic.error(
    "fargate-size", at: SourceLocation(file: "specs/a,b.yaml", line: 12, column: 8),
    "memory 3072 MiB does not fit cpu 256: 100%\nsecond line", notes: ["allowed: 512"])

  @Test func textIsFileLineColumnSeverityMessageRuleThenNotes() {
    let text = DiagnosticRenderer(format: .text).render([diagnostic])
    #expect(
      text == """
        specs/a,b.yaml:12:8: error: memory 3072 MiB does not fit cpu 256: 100%\\u{A}second line [fargate-size]
          note: allowed: 512

        """)
  }

  @Test func githubEscapesPropertiesAndData() {
    let line = DiagnosticRenderer(format: .github).render([diagnostic])
    #expect(
      line
        == "::error file=specs/a%2Cb.yaml,line=12,col=8,title=fargate-size::memory 3072 MiB does not fit cpu 256: 100%25%0Asecond line%0Anote: allowed: 512\n"
    )
  }

  /// "\r\n" is one Swift Character: escaping by Character let it through, and a spec value
  /// became a workflow command of its own.
  @Test func githubEscapesCRLFInDataAndProperties() {
    let forged = Diagnostic.error(
      "unknown-key", at: SourceLocation(file: "specs/x\r\n::warning::y:1.yaml", line: 1, column: 1),
      "unknown key `x\r\n::error file=main.tf,line=1::injected`", notes: ["a\rb"])
    let output = DiagnosticRenderer(format: .github).render([forged])
    #expect(output.utf8.filter { $0 == 0x0A || $0 == 0x0D }.count == 1)
    #expect(output.hasSuffix("\n"))
    #expect(
      output
        == "::error file=specs/x%0D%0A%3A%3Awarning%3A%3Ay%3A1.yaml,line=1,col=1,title=unknown-key::unknown key `x%0D%0A::error file=main.tf,line=1::injected`%0Anote: a%0Db\n"
    )
  }

  /// The text format prints one line per message: line breaks, ESC and Unicode separators from
  /// a spec are shown escaped.
  @Test func textEscapesControlCharacters() {
    let forged = Diagnostic.error(
      "unknown-key", at: SourceLocation(file: "a.yaml", line: 1, column: 1),
      "key `a\r\nb\u{1B}[2J\u{2028}`", notes: ["n\nx"])
    let text = DiagnosticRenderer(format: .text).render([forged])
    #expect(
      text
        == "a.yaml:1:1: error: key `a\\u{D}\\u{A}b\\u{1B}[2J\\u{2028}` [unknown-key]\n  note: n\\u{A}x\n"
    )
  }

  @Test func jsonEscapesControlCharactersAndQuotes() {
    let tricky = Diagnostic.warning(
      "r", at: SourceLocation(file: "a\"b.yaml", line: 1, column: 2), "tab\there\u{1}")
    let json = DiagnosticRenderer(format: .json).render([tricky])
    #expect(json.contains(#""file": "a\"b.yaml""#))
    #expect(json.contains(#""message": "tab\there\u0001""#))
  }

  @Test func sortingIsByFileLineColumnThenSeverity() {
    func at(_ file: String, _ line: Int, _ column: Int, _ severity: Severity) -> Diagnostic {
      Diagnostic(severity, "r", at: SourceLocation(file: file, line: line, column: column), "m")
    }
    let sorted = [
      at("b.yaml", 1, 1, .error), at("a.yaml", 2, 1, .note), at("a.yaml", 2, 1, .error),
      at("a.yaml", 1, 5, .warning),
    ].sortedForOutput()
    #expect(
      sorted.map { "\($0.location) \($0.severity)" } == [
        "a.yaml:1:5 warning", "a.yaml:2:1 error", "a.yaml:2:1 note", "b.yaml:1:1 error",
      ])
  }
}
