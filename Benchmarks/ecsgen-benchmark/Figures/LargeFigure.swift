import Foundation

/// `ecsgen render` of M specs (`--large M`, such as 10,000): whether the cost per spec stays
/// flat as the batch grows and whether memory stays bounded rather than growing with every spec
/// kept until exit.
struct LargeFigure {
  static let ratioTarget = Target(limit: 1.10, text: "1.10")
  static let memoryTarget = Target(limit: 100, text: "100 MiB")

  var workspace: Workspace
  var specCount: Int
  var runs: Int
  /// The N-spec directory: its renders alternate with the large ones (see `run`).
  var baselineDirectory: String
  var baselineCount: Int

  func run() throws(BenchmarkFailure) {
    let directory = try workspace.directory("large-specs")
    do {
      _ = try SpecGenerator(count: specCount).write(to: directory)
    } catch {
      throw BenchmarkFailure(message: "cannot write the specs into \(directory.path): \(error)")
    }
    // The large renders alternate with renders of the N specs, and the cost per spec compares
    // the two sets: on a shared machine the speed drifts by more than the 10% this figure judges,
    // and alternating puts the same drift on both sides.
    var renderRuns: [ChildRun] = []
    var baselineRuns: [ChildRun] = []
    for index in 1...runs {
      let baselineOut = workspace.freshPath("large-baseline-\(index)")
      baselineRuns.append(
        try workspace.ecsgen(["render", baselineDirectory, "--out", baselineOut]))
      workspace.discard(baselineOut)
      let out = workspace.freshPath("large-rendered-\(index)")
      renderRuns.append(try workspace.ecsgen(["render", directory.path, "--out", out]))
      workspace.discard(out)
    }
    workspace.discard(directory.path)
    guard let baselineWall = RunSet(runs: baselineRuns).wall else {
      throw BenchmarkFailure(message: "no timed baseline runs")
    }
    let baselinePerSpec = baselineWall.median / Double(baselineCount)

    let render = RunSet(runs: renderRuns)
    guard let wall = render.wall, let cpu = render.cpu else {
      throw BenchmarkFailure(message: "no timed --large runs")
    }
    let perSpec = wall.median / Double(specCount)
    let ratio = baselinePerSpec > 0 ? perSpec / baselinePerSpec : 0
    print(
      "render \(specs(specCount)), all targets, into an empty directory: median \(format(wall.median, 3)) s (min \(format(wall.minimum, 3)) s), CPU \(format(cpu.median, 3)) s"
    )
    print(
      "  cost per spec: \(format(perSpec * 1e6, 0)) µs at \(specCount), \(format(baselinePerSpec * 1e6, 0)) µs at \(baselineCount) (renders alternating with these): ratio \(format(ratio, 2)) \(Self.ratioTarget.note(ratio))"
    )
    print(
      "  peak RSS: \(PeakMemory.describe(render.peakMiB)) \(Self.memoryTarget.note(render.peakMiB))"
    )
  }
}
