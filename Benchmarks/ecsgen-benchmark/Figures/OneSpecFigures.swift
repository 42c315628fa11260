/// `ecsgen lint FILE` and `ecsgen render FILE --out FRESH_DIR` on one small spec: the cost of a
/// run in an editor on save or a pre-commit hook, dominated by process start.
///
/// Lint and render runs alternate, so both figures see the same machine load (paired runs): on a
/// shared machine, load that comes and goes would otherwise land on one figure only.
struct OneSpecFigures {
  static let runs = 30
  static let lintTarget = Target(limit: 8, text: "8 ms")
  static let renderTarget = Target(limit: 10, text: "10 ms")

  var workspace: Workspace
  /// The spec file.
  var spec: String

  /// Prints both lines and returns the median render time in seconds (the CDK line compares
  /// with it).
  func run() throws(BenchmarkFailure) -> Double {
    // One untimed pair first: the first start after building pays for reading the binary from
    // disk, which a user who runs ecsgen repeatedly does not.
    _ = try workspace.ecsgen(["lint", spec])
    try render(into: "one-warmup")

    var lintRuns: [ChildRun] = []
    var renderRuns: [ChildRun] = []
    for index in 1...Self.runs {
      lintRuns.append(try workspace.ecsgen(["lint", spec]))
      renderRuns.append(try render(into: "one-\(index)"))
    }
    guard let lint = RunSet(runs: lintRuns).wall, let render = RunSet(runs: renderRuns).wall
    else { throw BenchmarkFailure(message: "no timed one-spec runs") }
    print(line("lint 1 spec", lint, Self.lintTarget))
    print(line("render 1 spec, all targets", render, Self.renderTarget))
    return render.median
  }

  /// Renders the spec into a directory that does not exist yet, then removes it (untimed).
  @discardableResult
  private func render(into name: String) throws(BenchmarkFailure) -> ChildRun {
    let out = workspace.freshPath(name)
    let result = try workspace.ecsgen(["render", spec, "--out", out])
    workspace.discard(out)
    return result
  }

  private func line(_ label: String, _ summary: Summary, _ target: Target) -> String {
    let median = summary.median * 1000
    return
      "\(label): median \(format(median, 1)) ms (min \(format(summary.minimum * 1000, 1)) ms) \(target.note(median))"
  }
}
