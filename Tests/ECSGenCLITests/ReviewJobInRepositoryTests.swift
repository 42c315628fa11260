import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// The test of defect 2: the generated review job's ecsgen steps (exactly the `run:`
/// text of the rendered workflow, with its environment), run with the built ecsgen in a git
/// repository of three services, in both layouts.
@Suite struct ReviewJobInRepositoryTests {
  static let specs = [
    ("minimal.yaml", "hello-web"), ("lambda-agent.yaml", "smart-agent"),
    ("internal-cloudformation.yaml", "inventory-internal"),
  ]

  /// The `ecsgen` that `swift build` / `swift test` built beside the tests.
  static func builtBinary() throws -> String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      beside.appendingPathComponent("ecsgen").path,
      beside.deletingLastPathComponent().appendingPathComponent("ecsgen").path,
      GoldenFile.packageRoot + "/.build/debug/ecsgen",
    ]
    return try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
      "no built ecsgen binary near \(beside.path); run `swift build` first")
  }

  func git(_ arguments: String, in directory: String) throws {
    let result = try Shell.run(
      "git -c user.name=t -c user.email=t@example.invalid \(arguments)", environment: [:],
      directory: directory)
    #expect(result.status == 0, "git \(arguments): \(result.standardError)")
  }

  /// Runs the review job's lint and check steps of `service` and returns their exit statuses
  /// and the check's output.
  func review(
    service: String, workflowFile: String, repository: String, runnerTemp: String
  ) throws -> (lint: Int32, check: Int32, output: String) {
    let text = try String(contentsOfFile: repository + "/" + workflowFile, encoding: .utf8)
    var statuses: [Int32] = []
    var output = ""
    for name in ["Lint the spec", "Check the committed output is up to date"] {
      let step = try RenderedWorkflow.step(name, job: "review", in: text)
      let result = try Shell.run(
        step.run, environment: step.evaluated(["runner.temp": runnerTemp]),
        directory: repository)
      statuses.append(result.status)
      output = result.standardOutput + result.standardError
    }
    return (statuses[0], statuses[1], output)
  }

  @Test(arguments: [nil, ".github/workflows"])
  func theReviewPassesWhenCurrentAndFailsOnlyForTheStaleService(workflowsDir: String?) throws {
    let binary = try Self.builtBinary()
    let repository = try Shell.temporaryDirectory()
    let runnerTemp = try Shell.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(atPath: repository)
      try? FileManager.default.removeItem(atPath: runnerTemp)
    }
    try FileManager.default.createDirectory(
      atPath: runnerTemp + "/ecsgen-bin", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: runnerTemp + "/ecsgen-bin/ecsgen", withDestinationPath: binary)
    try FileManager.default.createDirectory(
      atPath: repository + "/specs", withIntermediateDirectories: true)
    for (spec, _) in Self.specs {
      try FileManager.default.copyItem(
        atPath: GoldenFile.packageRoot + "/specs/" + spec, toPath: repository + "/specs/" + spec)
    }
    let layout = workflowsDir.map { " --workflows-dir \($0)" } ?? ""
    let render = try Shell.run(
      "\"$ECSGEN\" render specs --out infra\(layout)", environment: ["ECSGEN": binary],
      directory: repository)
    #expect(render.status == 0, "\(render.standardError)")
    // `swift test` does not rebuild the executable: make sure the binary renders what this code
    // renders, so that a stale build fails here with the reason instead of somewhere below.
    let current = CheckRunner(workflowsDirectory: workflowsDir, baseDirectory: repository)
      .run(paths: ["specs"])
    #expect(
      current.status == .clean,
      "\(binary) renders differently from the code under test; run `swift build` first")
    try git("init --quiet", in: repository)
    try git("add -A", in: repository)
    try git("commit --quiet -m render", in: repository)

    func workflowFile(_ service: String) -> String {
      (workflowsDir ?? "infra/\(service)/github-actions") + "/deploy-\(service).yml"
    }
    for (_, service) in Self.specs {
      let result = try review(
        service: service, workflowFile: workflowFile(service), repository: repository,
        runnerTemp: runnerTemp)
      #expect(result.lint == 0 && result.check == 0, "\(service): \(result.output)")
    }

    // One spec changes without a render: its review fails, the others still pass.
    let spec = repository + "/specs/minimal.yaml"
    let text = try String(contentsOfFile: spec, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "port: 80\n", with: "port: 8080\n").utf8).write(
      to: URL(fileURLWithPath: spec))
    try git("commit --quiet -am 'change the port'", in: repository)
    for (_, service) in Self.specs {
      let result = try review(
        service: service, workflowFile: workflowFile(service), repository: repository,
        runnerTemp: runnerTemp)
      #expect(result.lint == 0)
      if service == "hello-web" {
        #expect(result.check == 1, "\(result.output)")
        #expect(result.output.contains("title=stale output::infra/hello-web/terraform/main.tf"))
      } else {
        #expect(result.check == 0, "\(service): \(result.output)")
      }
    }
  }
}
