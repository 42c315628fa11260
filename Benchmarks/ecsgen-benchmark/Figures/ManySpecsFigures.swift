/// `lint`, `render` and `check` over a directory of N specs: a repository of services in CI.
struct ManySpecsFigures {
  /// The batch size the targets are set for.
  static let targetSpecs = 1000
  static let lintTargetSeconds = 0.3
  static let renderTargetSeconds = 1.0
  static let checkTargetSeconds = 1.0

  var workspace: Workspace
  var specDirectory: String
  var specCount: Int
  var runs: Int

  /// Prints the three lines.
  func run() throws(BenchmarkFailure) {
    let lint = RunSet(
      runs: try (1...runs).map { _ throws(BenchmarkFailure) in
        try workspace.ecsgen(["lint", specDirectory])
      })

    // Every run renders into a directory that does not exist yet, so that every file is
    // written (a render over unchanged files writes nothing). The last output stays for check.
    var renderRuns: [ChildRun] = []
    var rendered = ""
    for index in 1...runs {
      if !rendered.isEmpty { workspace.discard(rendered) }
      rendered = workspace.freshPath("rendered-\(index)")
      renderRuns.append(try workspace.ecsgen(["render", specDirectory, "--out", rendered]))
    }
    let render = RunSet(runs: renderRuns)

    // check must find the output up to date (exit 0), or it timed a failure report.
    let check = RunSet(
      runs: try (1...runs).map { _ throws(BenchmarkFailure) in
        try workspace.ecsgen(["check", specDirectory, "--out", rendered])
      })
    workspace.discard(rendered)

    guard let lintWall = lint.wall, let renderWall = render.wall, let renderCPU = render.cpu,
      let checkWall = check.wall
    else { throw BenchmarkFailure(message: "no timed runs") }
    let rate = lintWall.median > 0 ? Int((Double(specCount) / lintWall.median).rounded()) : 0
    print(
      "lint \(specs(specCount)): median \(seconds(lintWall)), \(rate) specs/s, peak RSS \(PeakMemory.describe(lint.peakMiB)) \(target(Self.lintTargetSeconds).note(lintWall.median))"
    )
    print(
      "render \(specs(specCount)), all targets, into an empty directory: median \(seconds(renderWall)), CPU \(format(renderCPU.median, 3)) s, peak RSS \(PeakMemory.describe(render.peakMiB)) \(target(Self.renderTargetSeconds).note(renderWall.median))"
    )
    print(
      "check \(specs(specCount)) against the rendered output: median \(seconds(checkWall)), peak RSS \(PeakMemory.describe(check.peakMiB)) \(target(Self.checkTargetSeconds).note(checkWall.median))"
    )
  }

  /// The target in seconds, judged only at the batch size it is set for.
  private func target(_ limit: Double) -> Target {
    Target(
      limit: limit, text: "\(format(limit, 1)) s",
      scaleNote: specCount == Self.targetSpecs ? nil : "for \(Self.targetSpecs) specs")
  }

  private func seconds(_ summary: Summary) -> String {
    "\(format(summary.median, 3)) s (min \(format(summary.minimum, 3)) s)"
  }
}
