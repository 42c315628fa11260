import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// `render`, `check` and `lint` over more specs than one chunk of `SpecStream` holds: the result
/// must be what one pass over all files gives, duplicates across chunks included.
@Suite struct ManySpecsTests {
  /// More than one chunk (256), so that a duplicate can sit in a later chunk than its original.
  static let count = 300
  static let duplicateOf = 3
  static let duplicateAt = 290

  /// A directory of `count` specs from the minimal example, each its own service except
  /// `duplicateAt`, which claims `duplicateOf`'s name.
  private func writeSpecs(into directory: String) throws {
    let minimal = try String(
      contentsOfFile: GoldenFile.packageRoot + "/specs/minimal.yaml", encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    for index in 1...Self.count {
      let service = index == Self.duplicateAt ? Self.duplicateOf : index
      let text = minimal.replacingOccurrences(
        of: "name: hello-web", with: "name: svc-\(String(format: "%04d", service))")
      try text.write(
        toFile: directory + "/" + String(format: "s%04d.yaml", index), atomically: false,
        encoding: .utf8)
    }
  }

  @Test func aDuplicateInALaterChunkIsRejectedAndEverythingElseRenders() throws {
    let work = try TemporaryDirectory()
    let specs = work.path + "/specs"
    try writeSpecs(into: specs)
    let out = work.path + "/infra"

    let render = RenderRunner(outputDirectory: out).run(paths: [specs])
    #expect(render.status == .findings)
    #expect(render.standardError.contains("rendered \(Self.count - 1) of \(Self.count) specs"))
    #expect(
      render.standardError.contains(
        "s0290.yaml:3:7: error: service `svc-0003` is also defined in \(specs)/s0003.yaml"))
    let services = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(services.count == Self.count - 1)
    // The first spec that claims the name wins, wherever the chunks split.
    let workflow = try String(
      contentsOfFile: out + "/svc-0003/github-actions/deploy-svc-0003.yml", encoding: .utf8)
    #expect(workflow.contains("s0003.yaml"))
    #expect(!workflow.contains("s0290.yaml"))

    let check = CheckRunner(outputDirectory: out).run(paths: [specs])
    #expect(check.standardError.contains("\((Self.count - 1) * 6) up to date, 0 stale, 0 missing"))

    let lint = LintRunner().run(paths: [specs])
    #expect(lint.standardError.contains("linted \(Self.count) specs: 0 errors"))
  }
}
