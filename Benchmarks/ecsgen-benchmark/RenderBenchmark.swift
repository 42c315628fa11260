import Foundation

/// `ecsgen render --target terraform --target cloudformation` over all the generated specs (the
/// two targets the speed target names), each run into a fresh output directory so that every run
/// writes every file (a re-render of unchanged files writes nothing).
struct RenderBenchmark {
  static let targetSeconds = 1.0
  static let targetSpecs = 1000

  var workspace: BenchmarkWorkspace
  var runs: Int

  func run() throws(BenchmarkFailure) {
    var runIndex = 0
    let durations = try measure(runs: runs) { () throws(BenchmarkFailure) in
      runIndex += 1
      let out = workspace.directory.appendingPathComponent("rendered-\(runIndex)").path
      try workspace.runExpectingSuccess([
        "render", workspace.directory.path, "--out", out, "--target", "terraform", "--target",
        "cloudformation",
      ])
    }
    guard let summary = TimingSummary(durations) else {
      throw BenchmarkFailure(message: "no timed render runs")
    }
    let count = workspace.specFiles.count
    let median = summary.median.seconds
    let rate = median > 0 ? String(Int((Double(count) / median).rounded())) : "n/a"
    var target = "target < \(format(Self.targetSeconds, 1)) s"
    if count != Self.targetSpecs {
      target += " for \(Self.targetSpecs) specs"
    } else if median >= Self.targetSeconds {
      target += ", MISSED"
    }
    print(
      "render \(count) specs to Terraform and CloudFormation (\(count * 5) files): median \(format(median, 3)) s (min \(format(summary.minimum.seconds, 3)) s), \(rate) specs/s (\(target))"
    )
  }
}
