import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Input built to exhaust the parser (deep nesting, alias bombs) is refused with an error.
@Suite struct HostileInputTests {
  /// `levels` anchors, each a list of ten aliases to the one before: 10^levels nodes once
  /// expanded, in a few hundred bytes. `prefix(level)` starts each anchor's line.
  static func aliasBomb(levels: Int, prefix: (Int) -> String) -> String {
    var lines = ["\(prefix(0))&a0 lol"]
    for level in 1...levels {
      let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      lines.append("\(prefix(level))&a\(level) [\(aliases)]")
    }
    return lines.joined(separator: "\n")
  }

  @Test func billionLaughsUnderEnvironment() {
    let bomb = Self.aliasBomb(levels: 9) { "  L\($0): " }
    let loaded = load(baseSpec("environment:\n" + bomb))
    #expect(loaded.hasErrors)
    #expect(loaded.spec == nil)
    let finding = loaded.findings("document-too-large").first
    #expect(finding?.severity == .error, "\(loaded.summary)")
    // It points at the first alias: `  L1: &a1 [*a0, ...` on line 6.
    #expect(finding.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (6, 12))
  }

  @Test func billionLaughsUnderCommand() {
    let loaded = load(baseSpec("command:\n" + Self.aliasBomb(levels: 9) { _ in "  - " }))
    #expect(loaded.hasErrors)
    #expect(loaded.spec == nil)
    #expect(loaded.findings("document-too-large").count == 1, "\(loaded.summary)")
  }

  /// A bomb that stays small once expanded is ordinary YAML.
  @Test func smallAliasTree() {
    let loaded = load(baseSpec("command:\n" + Self.aliasBomb(levels: 2) { _ in "  - " }))
    #expect(loaded.findings("document-too-large").isEmpty)
    #expect(loaded.spec != nil)
  }

  /// Many nodes without any alias are refused too, at the start of the file.
  @Test func tooManyNodes() throws {
    let items = Array(repeating: "x", count: SpecLimits.maxExpandedNodes).joined(separator: ",")
    let loaded = load(baseSpec("command: [\(items)]"))
    let finding = try #require(loaded.findings("document-too-large").first)
    #expect((finding.location.line, finding.location.column) == (1, 1))
    #expect(!finding.message.contains("aliases"))
  }

  @Test func manyNodesBelowTheLimit() {
    let items = Array(repeating: "x", count: 1_000).joined(separator: ",")
    expectNoFinding("document-too-large", in: baseSpec("command: [\(items)]"))
  }

  @Test func tenThousandBrackets() {
    let loaded = load(String(repeating: "[", count: 10_000))
    #expect(loaded.spec == nil)
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"])
    let location = loaded.diagnostics.first?.location
    #expect(location?.line == 1)
    #expect(location?.column == SpecLimits.maxNestingDepth)
  }

  @Test func tenThousandBracketsAsAValue() {
    let loaded = load(baseSpec("command: " + String(repeating: "[", count: 10_000)))
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"])
    #expect(loaded.diagnostics.first?.location.line == 4)
  }

  @Test func tenThousandDashesOnOneLine() {
    let loaded = load(String(repeating: "- ", count: 10_000) + "x\n")
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"])
  }

  /// Nested block sequences, each indented two more: level 51 is at column 101.
  @Test func nestedBlockSequences() {
    let text = (0..<150).map { String(repeating: " ", count: 2 * $0) + "-" }
    let loaded = load(text.joined(separator: "\n"))
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"])
    #expect(loaded.diagnostics.first?.location.line == 51)
  }

  @Test func nestedMappings() {
    let text = (0..<150).map { String(repeating: " ", count: $0) + "k\($0):" }
    let loaded = load(text.joined(separator: "\n"))
    #expect(loaded.diagnostics.map(\.rule) == ["nesting-too-deep"])
    #expect(loaded.diagnostics.first?.location.line == 101)
  }

  /// Real specs nest a few levels; twenty is still read (and then reported as the wrong type).
  @Test func moderateNesting() {
    let loaded = load(
      baseSpec("command: " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20)))
    #expect(loaded.findings("nesting-too-deep").isEmpty)
    #expect(loaded.spec != nil)
  }
}

/// Validation reports every problem, not only the first.
@Suite struct CollectsAllProblemsTests {
  @Test func fiveDistinctErrors() {
    let text = baseSpec(
      "cpu: lots\nhealthcheck: {path: /}\nlogs:\n  retention_days: 2", name: "Orders_API",
      port: "0")
    let loaded = load(text)
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    #expect(
      errors.map(\.rule) == [
        "invalid-name", "out-of-range", "wrong-type", "unknown-key", "log-retention",
      ], "\(loaded.summary)")
    #expect(
      errors.map(\.location.line) == [1, 3, 4, 5, 7], "sorted by position, as users read them")
    #expect(loaded.hasErrors)
    #expect(loaded.spec != nil)
  }
}
