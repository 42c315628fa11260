import Foundation

/// AWS CDK synthesizing the same service as the one-spec figure (Benchmarks/cdk/app.py), for the
/// ratio ecsgen is meant to beat by 1,000×. Optional: without a CDK virtual environment the line
/// says why it was skipped, and CI never needs one.
struct CDKFigure {
  static let runs = 3
  static let goal = Target(limit: 1000, text: "1000×", atLeast: true, word: "goal")

  var workspace: Workspace
  var service: OneServiceSpec
  /// `--cdk-venv`, if given.
  var venvOption: String?
  /// ecsgen's median one-spec render time, in seconds.
  var ecsgenRenderSeconds: Double

  /// Prints the CDK line, or why it was skipped; returns whether CDK ran.
  @discardableResult
  func run() throws(BenchmarkFailure) -> Bool {
    let setup = CDKSetup.locate(venvOption: venvOption, workspace: workspace)
    guard case .available(let python, let app) = setup else {
      if case .unavailable(let reason) = setup {
        print("CDK: skipped (\(reason); \(CDKSetup.howToSetUp))")
      }
      return false
    }
    var environment = ProcessInfo.processInfo.environment
    // Keep the timed runs free of network calls and notices that have nothing to do with
    // synthesis.
    environment["CDK_DISABLE_VERSION_CHECK"] = "1"
    environment["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1"
    environment["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1"

    var durations: [Double] = []
    for index in 1...Self.runs {
      let out = workspace.freshPath("cdk-out-\(index)")
      let result = try workspace.run(
        python, [app, "--outdir", out] + service.cdkArguments, environment: environment)
      guard result.succeeded else {
        throw BenchmarkFailure(
          message: "`\(python) \(app)` failed (\(result.statusDescription)):\n" + result.output)
      }
      try Self.requireTemplate(in: out)
      workspace.discard(out)
      durations.append(result.wall.seconds)
    }
    guard let cdk = Summary(durations) else { return false }
    let ratio = ecsgenRenderSeconds > 0 ? cdk.median / ecsgenRenderSeconds : 0
    print(
      "CDK synth \(format(cdk.median, 2)) s; ecsgen render 1 spec \(format(ecsgenRenderSeconds * 1000, 1)) ms: ecsgen is \(format(ratio, 0))× faster \(Self.goal.note(ratio))"
    )
    return true
  }

  /// Fails unless the synthesis wrote a CloudFormation template: an app that exits 0 without
  /// one timed nothing worth comparing.
  private static func requireTemplate(in directory: String) throws(BenchmarkFailure) {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    guard files.contains(where: { $0.hasSuffix(".template.json") }) else {
      throw BenchmarkFailure(message: "CDK wrote no *.template.json into \(directory)")
    }
  }
}
