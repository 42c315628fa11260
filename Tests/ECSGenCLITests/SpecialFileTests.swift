import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// Files that are not regular files, where specs or output files are expected: each is refused
/// at once (a FIFO must never block a command), before anything is written.
@Suite struct SpecialFileTests {
  private func minimalSpec() throws -> String {
    try String(contentsOfFile: GoldenFile.packageRoot + "/specs/minimal.yaml", encoding: .utf8)
  }

  @Test func aFIFOSpecIsRefusedWithoutBlocking() throws {
    let work = try TemporaryDirectory()
    let fifo = work.path + "/spec.yaml"
    #expect(mkfifo(fifo, 0o644) == 0)
    let output = LintRunner().run(paths: [fifo])
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("cannot read \(fifo): permission denied or unreadable"))
  }

  /// A FIFO among more specs than one chunk: refused before the first chunk writes anything.
  @Test func aFIFOInALaterChunkFailsRenderBeforeAnythingIsWritten() throws {
    let work = try TemporaryDirectory()
    let specs = work.path + "/specs"
    try FileManager.default.createDirectory(atPath: specs, withIntermediateDirectories: true)
    let minimal = try minimalSpec()
    for index in 1...300 {
      let path = specs + "/" + String(format: "s%04d.yaml", index)
      if index == 290 {
        #expect(mkfifo(path, 0o644) == 0)
        continue
      }
      try minimal.replacingOccurrences(of: "name: hello-web", with: "name: svc-\(index)")
        .write(toFile: path, atomically: false, encoding: .utf8)
    }
    let out = work.path + "/infra"
    let output = RenderRunner(outputDirectory: out).run(paths: [specs])
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("s0290.yaml: permission denied or unreadable"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// A FIFO where an output file goes: check calls it missing, render replaces it.
  @Test func aFIFOInTheOutputIsReplacedNotRead() throws {
    let work = try TemporaryDirectory()
    let spec = work.path + "/minimal.yaml"
    try minimalSpec().write(toFile: spec, atomically: false, encoding: .utf8)
    let out = work.path + "/infra"
    #expect(RenderRunner(outputDirectory: out).run(paths: [spec]).status != .toolFailure)
    let mainFile = out + "/hello-web/terraform/main.tf"
    try FileManager.default.removeItem(atPath: mainFile)
    #expect(mkfifo(mainFile, 0o644) == 0)
    let check = CheckRunner(outputDirectory: out).run(paths: [spec])
    #expect(check.status == .findings)
    #expect(check.standardOutput.contains("main.tf: missing"))
    let render = RenderRunner(outputDirectory: out).run(paths: [spec])
    #expect(render.standardOutput.contains("wrote \(mainFile)"))
    #expect(CheckRunner(outputDirectory: out).run(paths: [spec]).status == .clean)
  }

  @Test func anEmptyOutputDirectoryIsRefused() throws {
    let spec = GoldenFile.packageRoot + "/specs/minimal.yaml"
    let render = RenderRunner(outputDirectory: "").run(paths: [spec])
    #expect(render.status == .toolFailure)
    #expect(render.standardError.contains("--out is empty"))
    let check = CheckRunner(outputDirectory: "infra", workflowsDirectory: "").run(paths: [spec])
    #expect(check.status == .toolFailure)
    #expect(check.standardError.contains("--workflows-dir is empty"))
  }
}
