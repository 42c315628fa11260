import ECSGenCLI
import ECSGenTestSupport
import Testing

/// Every broken spec under `specs/invalid/` has its expected `ecsgen lint` output under
/// `golden/invalid/NAME.txt`.
@Suite struct InvalidSpecGoldenTests {
  static let specs = GoldenFile.files(in: "specs/invalid", suffix: ".yaml")

  @Test(arguments: specs)
  func lintOutputMatchesGolden(spec: String) {
    let output = LintRunner(baseDirectory: GoldenFile.packageRoot)
      .run(paths: ["specs/invalid/\(spec)"])
    // Specs named warnings-*.yaml hold findings that are not errors; all others must fail.
    let expected: CommandStatus = spec.hasPrefix("warnings-") ? .clean : .findings
    #expect(output.status == expected)
    #expect(!output.standardOutput.isEmpty, "a spec in specs/invalid/ must have findings")
    GoldenFile.check(
      output.standardOutput, against: "golden/invalid/\(spec.dropLast(".yaml".count)).txt")
  }

  @Test func everyGoldenFileHasASpec() {
    let specNames = Set(Self.specs.map { $0.dropLast(".yaml".count) })
    for golden in GoldenFile.files(in: "golden/invalid", suffix: ".txt") {
      #expect(
        specNames.contains(golden.dropLast(".txt".count)),
        "golden/invalid/\(golden) has no spec in specs/invalid/; delete it")
    }
  }

  @Test func theCorpusCoversTheRequiredBadInputs() {
    for required in [
      "not-yaml", "empty", "top-level-list", "top-level-scalar", "unknown-keys", "wrong-types",
      "duplicate-key", "tab-indented", "invalid-utf8", "alias-bomb", "deep-nesting",
    ] {
      #expect(Self.specs.contains("\(required).yaml"), "specs/invalid/\(required).yaml is missing")
    }
  }
}
