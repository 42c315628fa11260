import Foundation
import Testing
import Yams

@testable import ECSGenImport

/// A manifest is input from whoever can edit the repository: the audit must finish quickly on
/// any YAML Yams accepts, never crash, and keep what it quotes short and on one line.
@Suite struct CopilotAuditHostileTests {
  func audit(_ text: String, _ type: CopilotWorkloadType = .loadBalancedWebService) throws
    -> [CopilotImportFinding]
  {
    CopilotManifestAudit.findings(
      in: try CopilotAuditSupport.root(text), workloadType: type, consumedKeys: [])
  }

  @Test func billionLaughsStopsAtTheVisitBudget() throws {
    // Nine levels of merge keys, each merging the level below ten times: a billion keys once
    // expanded, a few lines of text. Merged mappings are walked each time (their keys belong to
    // the mapping that merges them), so only the visit budget stops this.
    var lines = ["a0: &a0 {cpu: 1, memroy: 2}"]
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      lines.append("a\(level): &a\(level) {<<: [\(refs)]}")
    }
    lines.append("environments: {e: *a9, f: {sidecars: {s: {<<: *a9}}}}")
    let start = Date()
    let findings = try audit(lines.joined(separator: "\n"))
    #expect(Date().timeIntervalSince(start) < 5)
    let stop = findings.filter { $0.message.contains("more than 100000 keys and list items") }
    #expect(stop.count == 1)
    #expect(findings.count < 100, "\(findings.count)")
  }

  /// Thousands of unknown keys: the first `maxFindings` are reported, then one finding says the
  /// audit stopped; the hint index is built once, so the cost stays linear.
  @Test func thousandsOfUnknownKeysStopAtTheFindingCap() throws {
    let text =
      (0..<5_000).map { "unknown\($0): 1" }.joined(separator: "\n") + "\nhttp:\n"
      + (0..<5_000).map { "  zz\($0): 1" }.joined(separator: "\n")
    let root = try CopilotAuditSupport.root(text)
    let start = Date()
    let findings = CopilotManifestAudit.findings(
      in: root, workloadType: .loadBalancedWebService, consumedKeys: [])
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(findings.count == CopilotManifestAudit.maxFindings + 1)
    #expect(
      findings.last?.message.contains("has more than 200 keys that did not carry over") == true)
  }

  @Test func aliasedMappingsAreReportedOnce() throws {
    let text = """
      environments:
        test: &common
          memroy: 1024
        prod: *common
        staging: *common
      """
    let findings = try audit(text)
    #expect(findings.map(\.keyPath) == ["environments.test.memroy"])
  }

  @Test func mergeKeysAreCheckedAsKeysOfTheMapping() throws {
    let text = """
      x-defaults: &defaults
        memroy: 1024
        cpu: 256
      environments:
        prod:
          <<: *defaults
          count: 2
      """
    let findings = try audit(text).filter { $0.message.hasPrefix("Copilot ignored") }
    // `x-defaults` is an unknown top-level key (Copilot ignored it too); through the merge its
    // `memroy` is a typo of an environment's `memory`, reported at the anchor's line.
    #expect(findings.map(\.keyPath) == ["x-defaults", "environments.prod.memroy"], "\(findings)")
    #expect(findings.map(\.line) == [1, 2])
  }

  @Test func deepNestingStopsAtTheDepthCap() throws {
    var text = "sidecars:\n  s:\n    image:\n      build:\n        args:\n"
    text += "          " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    _ = try audit(text)
    // Through keys the schema knows: `environments.<env>` repeats without end.
    var nested = ""
    for depth in 0..<200 {
      nested += String(repeating: "  ", count: 2 * depth) + "environments:\n"
      nested += String(repeating: "  ", count: 2 * depth + 1) + "e:\n"
    }
    // An environment cannot hold `environments`: the first nested one is reported, and nothing
    // below it is walked.
    let findings = try audit(nested)
    #expect(findings.map(\.keyPath) == ["environments.e.environments"])
    // Merge keys nest without a schema's help: `{<<: {<<: ...}}` stops at the depth cap.
    let merges =
      "environments: {e: " + String(repeating: "{<<: ", count: 300) + "{cpu: 1}"
      + String(repeating: "}", count: 301) + "\n"
    let capped = try audit(merges)
    #expect(capped.count == 1)
    #expect(capped.first?.message.contains("nests deeper than 32 levels") == true)
  }

  @Test func nonStringKeysAreReportedNotTrusted() throws {
    let text = """
      ? [a, b]
      : 1
      ? {x: 1}
      : 2
      1: number
      ~: null
      true: yes
      """
    let findings = try audit(text)
    #expect(findings.count == 5, "\(findings)")
    #expect(findings[0].message.contains("a key that is a list"))
    #expect(findings[1].message.contains("a key that is a mapping"))
  }

  /// Keys that hold line breaks, control characters or a megabyte of text; the argument is a
  /// label, so that a failure does not print the key.
  @Test(arguments: ["separator", "crlf", "controls", "long"])
  func keysAreQuotedShortAndOnOneLine(label: String) throws {
    let key =
      switch label {
      case "separator": "x\u{2028}ci: y\u{85}z"
      case "crlf": "x\r\nci: y"
      case "controls": "x\u{0}\u{1B}[2J\u{7F}"
      default: String(repeating: "k", count: 200_000)
      }
    // YAML's double-quoted escapes, so that the key reaches the audit as written.
    let escaped = key.unicodeScalars.map { scalar in
      scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\"
        ? String(scalar) : "\\U" + String(format: "%08x", scalar.value)
    }.joined()
    // Explicit keys (`? KEY`), since YAML limits implicit keys to 1024 characters.
    let text = "? \"\(escaped)\"\n: 1\nhttp:\n  ? \"\(escaped)\"\n  : 2\n"
    let findings = try audit(text)
    #expect(findings.count == 2)
    for finding in findings {
      #expect(finding.keyPath.count <= 90)
      #expect(finding.message.count < 2_000)
      let breaks: [UInt32] = [0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0]
      #expect(!finding.message.unicodeScalars.contains { breaks.contains($0.value) })
      #expect(!finding.keyPath.unicodeScalars.contains { breaks.contains($0.value) })
    }
  }

  @Test func scalarsAndWrongShapesAreNotCrashes() throws {
    for text in [
      "a", "[1, 2]", "http: [1, 2]", "sidecars: [a, b]", "sidecars: {s: [1]}",
      "environments: [prod]", "count: {range: [1, 2]}", "variables: {A: [1]}",
      "http: {alias: {name: x}}", "<<: 1", "<<: [1, [2]]",
    ] {
      _ = try audit(text)
    }
  }
}
