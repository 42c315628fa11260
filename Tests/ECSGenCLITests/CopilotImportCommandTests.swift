import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// `ecsgen import copilot` as a command: exit statuses, where the spec goes, and that a bad
/// input leaves nothing behind.
@Suite struct CopilotImportCommandTests {
  let fixture = GoldenFile.packageRoot + "/examples/copilot/copilot/frontend/manifest.yml"

  @Test func printsTheSpecAndASummaryWithTheApplicationFromTheWorkspace() {
    let output = CopilotImportRunner().run(file: fixture)
    #expect(output.status == .clean)
    #expect(output.standardOutput.contains("name: frontend\n"))
    // `.workspace` names the application, so there is no TODO asking for it.
    #expect(!output.standardOutput.contains("no copilot/.workspace"))
    #expect(
      output.standardError.contains(
        "imported the Copilot Load Balanced Web Service frontend as the service frontend: review"))
  }

  @Test func writesTheSpecWithOut() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/specs/frontend.yaml"
    let output = CopilotImportRunner(outputPath: path).run(file: fixture)
    #expect(output.status == .clean)
    #expect(output.standardOutput.isEmpty)
    #expect(output.standardError.contains("; wrote \(path)"))
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test(arguments: [
    ("name: x\ntype: Environment\n", "pass it with --env-manifest"),
    ("name: x\ntype: Static Site\n", "no equivalent"),
    ("name: x\ntype: Web Service\n", "not a Copilot workload type"),
    ("name: x\n", "no `type:`"),
    ("- a\n- b\n", "not a YAML mapping"),
    ("name: [x\n", "not valid YAML"),
    ("", "the file is empty"), ("# only a comment\n", "the file is empty"),
  ])
  func badInputExitsWithOneAndWritesNothing(manifest: String, reason: String) throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/manifest.yml"
    try Data(manifest.utf8).write(to: URL(fileURLWithPath: path))
    let out = directory.path + "/spec.yaml"
    let output = CopilotImportRunner(outputPath: out).run(file: path)
    #expect(output.status == .findings)
    #expect(output.standardError.contains(reason), "\(output.standardError)")
    #expect(output.standardError.contains(path))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func anUnusableEnvironmentManifestWritesNothing() throws {
    let directory = try TemporaryDirectory()
    let environment = directory.path + "/env.yml"
    try Data("- not an environment\n".utf8).write(to: URL(fileURLWithPath: environment))
    let out = directory.path + "/spec.yaml"
    let output = CopilotImportRunner(outputPath: out, environmentManifests: [environment])
      .run(file: fixture)
    #expect(output.status == .findings)
    #expect(output.standardError.contains(environment))
    // The file is named once, by the command, not again by the reader.
    #expect(output.standardError.components(separatedBy: environment).count == 2)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func anInvalidNameIsReportedAndAMissingFileCannotRun() throws {
    let badName = CopilotImportRunner(serviceName: "Bad_Name").run(file: fixture)
    #expect(badName.status == .findings)
    #expect(badName.standardError.contains("[invalid-name]"))
    let directory = try TemporaryDirectory()
    #expect(
      CopilotImportRunner().run(file: directory.path + "/missing.yml").status == .toolFailure)
  }

  @Test func aFileOverOneMebibyteIsRefusedUnread() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/manifest.yml"
    let padding = String(repeating: "#", count: 1 << 20)
    try Data(("name: x\ntype: Backend Service\n" + padding).utf8).write(
      to: URL(fileURLWithPath: path))
    let output = CopilotImportRunner().run(file: path)
    #expect(output.status == .findings)
    #expect(output.standardError.contains("at most 1048576 bytes"))
  }

  @Test func theCommandLineReachesTheImporter() {
    // `ecsgen import copilot --help` parses: the subcommand is wired.
    #expect(ECSGenCommand.main(arguments: ["import", "copilot", "--help"]) == 0)
  }
}
