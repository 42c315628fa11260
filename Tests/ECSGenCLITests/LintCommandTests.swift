import ECSGenCLI
import ECSGenDiagnostics
import ECSGenTestSupport
import Foundation
import Testing

/// `ecsgen lint` end to end, in-process: exit statuses, formats and the inputs that must not crash.
@Suite struct LintCommandTests {
  let runner = LintRunner(baseDirectory: GoldenFile.packageRoot)

  @Test func exampleSpecsAreClean() {
    let output = runner.run(paths: ["specs"])
    #expect(output.status == .clean)
    #expect(!output.standardOutput.contains("error:"))
    #expect(output.standardError.hasPrefix("linted \(ExampleSpecs.files.count) specs: 0 errors"))
  }

  @Test func warningsPassUnlessStrict() {
    let path = ["specs/invalid/warnings-only.yaml"]
    // warnings-only.yaml is in specs/invalid/ for its golden output, but has no errors.
    #expect(runner.run(paths: path).status == .clean)
    var strict = runner
    strict.strict = true
    let output = strict.run(paths: path)
    #expect(output.status == .findings)
    #expect(output.standardError.contains("(failing: --strict)"))
  }

  @Test func errorsExitWithOne() {
    #expect(runner.run(paths: ["specs/invalid/fargate-size.yaml"]).status == .findings)
  }

  @Test func aMissingPathIsAToolFailure() {
    let output = runner.run(paths: ["specs/does-not-exist.yaml"])
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("specs/does-not-exist.yaml: no such file or directory"))
  }

  @Test func aDirectoryWithoutSpecsIsAToolFailure() throws {
    let directory = try TemporaryDirectory()
    let output = LintRunner().run(paths: [directory.path])
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("no *.yaml or *.yml spec files"))
  }

  @Test func directoriesAreNotRecursive() {
    // specs/ holds specs/invalid/, whose broken specs must not be linted with the examples.
    let output = runner.run(paths: ["specs"])
    #expect(!output.standardOutput.contains("specs/invalid/"))
  }

  @Test func badArgumentsExitWithTwo() {
    #expect(ECSGenCommand.main(arguments: ["lint", "--format", "xml"]) == 2)
    #expect(ECSGenCommand.main(arguments: ["lint", "--no-such-flag"]) == 2)
    #expect(ECSGenCommand.main(arguments: ["no-such-command"]) == 2)
  }

  @Test func jsonFormatIsAParsableArray() throws {
    var json = runner
    json.format = .json
    let output = json.run(paths: ["specs/invalid/fargate-size.yaml"])
    let parsed = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
    let objects = try #require(parsed as? [[String: Any]])
    let error = try #require(objects.first { $0["severity"] as? String == "error" })
    #expect(error["file"] as? String == "specs/invalid/fargate-size.yaml")
    #expect(error["line"] as? Int == 6)
    #expect(error["column"] as? Int == 9)
    #expect(error["rule"] as? String == "fargate-size")
    #expect((error["message"] as? String)?.contains("512, 1024 or 2048 MiB") == true)
    #expect(output.standardError.isEmpty, "no summary line that would break JSON consumers")
  }

  @Test func jsonFormatOfACleanSpecIsAnEmptyArray() {
    var json = runner
    json.format = .json
    let output = json.run(paths: ["specs/production.yaml"])
    #expect(output.standardOutput == "[]\n")
  }

  @Test func githubFormatPrintsWorkflowCommands() {
    var github = runner
    github.format = .github
    let output = github.run(paths: ["specs/invalid/fargate-size.yaml"])
    let lines = output.standardOutput.split(separator: "\n")
    #expect(
      lines.contains {
        $0.hasPrefix(
          "::error file=specs/invalid/fargate-size.yaml,line=6,col=9,title=fargate-size::memory 3072 MiB"
        )
      })
    #expect(lines.contains { $0.hasPrefix("::warning file=") })
    #expect(lines.contains { $0.hasPrefix("::notice file=") })
  }

  @Test func aFileAboveTheSizeLimitIsRefusedWithoutReadingIt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/huge.yaml"
    // 50 MB of a valid-looking YAML line, the size the issue names.
    let line = Data("# padding padding padding padding padding padding padding padding\n".utf8)
    var data = Data(capacity: 50_000_000)
    while data.count < 50_000_000 { data.append(line) }
    try data.write(to: URL(fileURLWithPath: path))
    let output = LintRunner().run(paths: [path])
    #expect(output.status == .findings)
    #expect(output.standardOutput.contains("\(path):1:1: error: the file has"))
    #expect(output.standardOutput.contains("[file-too-large]"))
  }

  @Test func colourIsOnlyAddedWhenAskedFor() {
    var coloured = runner
    coloured.useColor = true
    let withColor = coloured.run(paths: ["specs/invalid/fargate-size.yaml"]).standardOutput
    let plain = runner.run(paths: ["specs/invalid/fargate-size.yaml"]).standardOutput
    #expect(withColor.contains("\u{1B}["))
    #expect(!plain.contains("\u{1B}["))
  }
}

/// A directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "ecsgen-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
