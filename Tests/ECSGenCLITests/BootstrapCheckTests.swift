import ECSGenCLI
import ECSGenRendering
import ECSGenTestSupport
import Foundation
import Testing

/// The bootstrap is optional: `render` writes it only with `--target bootstrap`, and `check`
/// expects it only where it was rendered, but then keeps it current.
@Suite struct BootstrapCheckTests {
  func directory() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: directory.path + "/specs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: GoldenFile.packageRoot + "/specs/minimal.yaml",
      toPath: directory.path + "/specs/minimal.yaml")
    return directory
  }

  @Test func defaultRenderHasNoBootstrapAndCheckDoesNotAskForIt() throws {
    let directory = try directory()
    #expect(RenderRunner(baseDirectory: directory.path).run(paths: ["specs"]).status == .clean)
    #expect(
      !FileManager.default.fileExists(atPath: directory.path + "/infra/hello-web/bootstrap"))
    #expect(CheckRunner(baseDirectory: directory.path).run(paths: ["specs"]).status == .clean)
  }

  @Test func renderedBootstrapIsCheckedAndAStaleOneFails() throws {
    let directory = try directory()
    let render = RenderRunner(
      targets: RenderTarget.defaultTargets + [.bootstrap], baseDirectory: directory.path
    ).run(paths: ["specs"])
    #expect(render.status == .clean)
    let main = directory.path + "/infra/hello-web/bootstrap/main.tf"
    #expect(FileManager.default.fileExists(atPath: main))
    let current = CheckRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(current.status == .clean)
    #expect(current.standardError.hasPrefix("checked 10 generated files: 10 up to date"))

    let text = try String(contentsOfFile: main, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "pull_request", with: "ref:refs/heads/main").utf8)
      .write(to: URL(fileURLWithPath: main))
    let stale = CheckRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(stale.status == .findings)
    #expect(stale.standardOutput.contains("infra/hello-web/bootstrap/main.tf: stale"))
  }
}
