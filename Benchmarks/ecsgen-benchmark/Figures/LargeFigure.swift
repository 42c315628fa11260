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
  /// The N-spec batch's median render time per spec, in seconds, and its size.
  var baselinePerSpec: Double
  var baselineCount: Int

  func run() throws(BenchmarkFailure) {
    let directory = try workspace.directory("large-specs")
    do {
      _ = try SpecGenerator(count: specCount).write(to: directory)
    } catch {
      throw BenchmarkFailure(message: "cannot write the specs into \(directory.path): \(error)")
    }
    var renderRuns: [ChildRun] = []
    for index in 1...runs {
      let out = workspace.freshPath("large-rendered-\(index)")
      renderRuns.append(try workspace.ecsgen(["render", directory.path, "--out", out]))
      workspace.discard(out)
    }
    workspace.discard(directory.path)

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
      "  cost per spec: \(format(perSpec * 1e6, 0)) µs at \(specCount), \(format(baselinePerSpec * 1e6, 0)) µs at \(baselineCount): ratio \(format(ratio, 2)) \(Self.ratioTarget.note(ratio))"
    )
    print(
      "  peak RSS: \(PeakMemory.describe(render.peakMiB)) \(Self.memoryTarget.note(render.peakMiB))"
    )
  }
}
