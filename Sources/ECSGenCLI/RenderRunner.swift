import ECSGenDiagnostics
import ECSGenPlan
import ECSGenRendering
import ECSGenSpec

/// `ecsgen render`: lints the specs, and renders every valid one into `DIR/NAME/TARGET/`.
public struct RenderRunner: Sendable {
  public var outputDirectory: String
  public var workflowsDirectory: String?
  public var targets: [RenderTarget]
  public var useColor: Bool
  public var baseDirectory: String?
  /// Only this environment of specs with `environments:` (`--env`); nil renders all.
  public var environment: String?

  public init(
    outputDirectory: String = "infra", workflowsDirectory: String? = nil,
    targets: [RenderTarget] = RenderTarget.defaultTargets, useColor: Bool = false,
    baseDirectory: String? = nil, environment: String? = nil
  ) {
    self.environment = environment
    self.outputDirectory = outputDirectory
    self.workflowsDirectory = workflowsDirectory
    self.targets = targets
    self.useColor = useColor
    self.baseDirectory = baseDirectory
  }

  var layout: OutputLayout {
    OutputLayout(
      outputDirectory: outputDirectory, workflowsDirectory: workflowsDirectory, targets: targets,
      baseDirectory: baseDirectory)
  }

  public func run(paths: [String]) -> CommandOutput {
    let loaded: [LoadedSpec]
    do {
      loaded = try SpecBatch.load(paths: paths, baseDirectory: baseDirectory)
    } catch {
      return .toolFailure(error)
    }
    let planned = PlannedSpecs(loaded, environment: environment)
    let layout = self.layout
    let baseDirectory = self.baseDirectory
    // Each service writes only inside its own folders, so services render in parallel.
    let results = Parallel.map(planned.plans.count) { index in
      Result { () throws(ToolFailure) -> [String] in
        var lines: [String] = []
        for set in layout.sets(for: planned.plans[index]) {
          let root = resolve(set.root, against: baseDirectory)
          let summary = try OutputWriter().sync(set.files, root: root, folder: set.folder)
          lines += summary.written.map { "wrote \(set.root)/\($0)" }
          lines += summary.removed.map { "removed \(set.root)/\($0)" }
          if summary.written.isEmpty && summary.removed.isEmpty && !set.clearsOnly {
            let place = set.folder.map { "\(set.root)/\($0)/" } ?? set.root + "/"
            let count = summary.unchanged.count
            lines.append("unchanged \(place) (\(count) file\(count == 1 ? "" : "s"))")
          }
        }
        return lines
      }
    }
    var lines: [String] = []
    for result in results {
      switch result {
      case .success(let written): lines += written
      case .failure(let error):
        var output = CommandOutput.toolFailure(error)
        output.standardOutput = lines.map { $0 + "\n" }.joined()
        return output
      }
    }
    let sorted = planned.diagnostics.sortedForOutput()
    var summary =
      "rendered \(planned.specCount) of \(loaded.count) spec\(loaded.count == 1 ? "" : "s")"
    let skipped = loaded.count - planned.specCount
    if skipped > 0 { summary += "; \(skipped) with errors rendered nothing" }
    return CommandOutput(
      standardOutput: lines.map { $0 + "\n" }.joined(),
      standardError: DiagnosticRenderer(format: .text, useColor: useColor).render(sorted)
        + summary + "\n",
      status: sorted.containsErrors ? .findings : .clean)
  }
}
