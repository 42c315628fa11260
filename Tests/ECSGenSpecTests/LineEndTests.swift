import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Line ends: CRLF reads like LF everywhere (the pre-parse checks, positions), and the other
/// characters YAML 1.1 breaks lines at are refused where they are (see `SourceLines`).
@Suite struct LineEndTests {
  private func crlf(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: "\r\n")
  }

  @Test func deepNestingWithCRLFIsRefused() {
    let text = "a: " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
    let loaded = load(crlf(baseSpec(text)))
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"], "\(loaded.summary)")
    #expect(loaded.diagnostics.first?.location.line == 4)
  }

  @Test func nestedBlockSequencesWithCRLF() {
    let text = (0..<150).map { String(repeating: " ", count: 2 * $0) + "-" }
    let loaded = load(crlf(text.joined(separator: "\n")))
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"], "\(loaded.summary)")
  }

  @Test func duplicateKeyWithCRLFAtSecondOccurrence() throws {
    let loaded = load(crlf("name: a-b\nimage: x:1\nport: 80\nport: 81\n"))
    let finding = try #require(loaded.findings("duplicate-key").first, "\(loaded.summary)")
    #expect((finding.location.line, finding.location.column) == (4, 1))
  }

  @Test func tabWithCRLFIsTabIndentation() throws {
    let loaded = load(crlf("name: a-b\nimage: x:1\n\tport: 80\n"))
    let finding = try #require(loaded.diagnostics.first, "\(loaded.summary)")
    #expect(finding.rule == "tab-indentation")
    #expect(finding.location.line == 3)
  }

  /// Positions count LF only: an error after CRLF lines is on the line `grep -n` shows.
  @Test func positionsAfterCRLFLines() throws {
    let loaded = load(crlf(baseSpec("count: lots")))
    let finding = try #require(loaded.findings("wrong-type").first, "\(loaded.summary)")
    #expect((finding.location.line, finding.location.column) == (4, 8))
  }

  @Test(arguments: [
    ("\r", "carriage return"), ("\u{85}", "U+0085"), ("\u{2028}", "U+2028"),
    ("\u{2029}", "U+2029"),
  ])
  func otherLineBreaksAreRefusedWhereTheyAre(separator: String, named: String) throws {
    // One line for `grep -n`: the refusal is on line 1, at the first separator.
    let text = ["name: a-b", "image: x:1", "port: 80", "count: 2"].joined(separator: separator)
    let loaded = load(text)
    let finding = try #require(loaded.diagnostics.first, "\(loaded.summary)")
    #expect(loaded.diagnostics.count == 1)
    #expect(finding.rule == "unsupported-line-end")
    #expect((finding.location.line, finding.location.column) == (1, 10))
    #expect(finding.message.contains(named))
  }

  @Test func separatorInsideAStringIsRefusedAtItsLine() throws {
    let loaded = load(baseSpec("description: \"a\u{2028}b\""))
    let finding = try #require(loaded.findings("unsupported-line-end").first, "\(loaded.summary)")
    #expect((finding.location.line, finding.location.column) == (4, 16))
  }

  /// CRLF inside a block scalar is one line end, like LF.
  @Test func blockScalarWithCRLF() {
    let loaded = load(crlf(baseSpec("description: |\n  one\n  two")))
    #expect(!loaded.hasErrors, "\(loaded.summary)")
    #expect(loaded.spec?.description?.value == "one\ntwo\n")
  }

  @Test func aliasKeyWithCRLFIsRefusedBeforeParsing() {
    let bomb = HostileInputTests.aliasBomb(levels: 9) { "L\($0): " } + "\n*a9 : x\n"
    let loaded = load(crlf(bomb))
    #expect(loaded.diagnostics.map(\.rule) == ["unsupported-yaml"], "\(loaded.summary)")
    #expect(loaded.diagnostics.first?.location.line == 11)
  }

  /// After `- k: |`, a line indented to `k` is a key again, not text of the block scalar.
  @Test func aliasKeyAfterABlockScalarInASequence() {
    let bomb = HostileInputTests.aliasBomb(levels: 9) { "  L\($0): " }
    let text = "- k: |\n    text\n" + bomb + "\n  *a9 : x\n"
    let loaded = load(text)
    #expect(loaded.diagnostics.map(\.rule) == ["unsupported-yaml"], "\(loaded.summary)")
    #expect(loaded.diagnostics.first?.location.line == 13)
  }

  @Test func blockScalarTextStillIgnored() {
    // Text that looks like an alias key inside a block scalar is text.
    let loaded = load(baseSpec("description: |\n  *not : a key\n  [[[[\n"))
    #expect(loaded.findings("unsupported-yaml").isEmpty, "\(loaded.summary)")
    #expect(!loaded.hasErrors, "\(loaded.summary)")
  }

  /// The position of a control character libyaml refuses counts lines by LF.
  @Test func controlCharacterPositionAfterCRLF() throws {
    let loaded = load(crlf("name: a-b\nimage: x\u{1}\n"))
    let finding = try #require(loaded.diagnostics.first, "\(loaded.summary)")
    #expect(finding.rule == "yaml-syntax")
    #expect((finding.location.line, finding.location.column) == (2, 9))
  }

  /// libyaml reports the end of input on the line after the last one when the file does not end
  /// with a line break; positions stay inside the file.
  @Test func errorAtTheEndOfAFileWithoutAFinalLineBreak() throws {
    let text = "name: a-b\nport: [1, 2"
    let loaded = load(text)
    let finding = try #require(loaded.diagnostics.first, "\(loaded.summary)")
    #expect(finding.rule == "yaml-syntax")
    #expect((finding.location.line, finding.location.column) == (2, 12), "\(loaded.summary)")
  }
}
