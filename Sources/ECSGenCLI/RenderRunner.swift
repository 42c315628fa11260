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
    if let failure = OutputLayout.emptyDirectoryFailure(
      outputDirectory: outputDirectory, workflowsDirectory: workflowsDirectory)
    {
      return .toolFailure(failure)
    }
    let files: [SpecFile]
    do {
      files = try SpecPaths.expand(paths, baseDirectory: baseDirectory)
    } catch {
      return .toolFailure(error)
    }
    var stream = SpecStream()
    stream.environment = environment
    var written = ""
    do {
      try stream.run(files) { (plans) throws(ToolFailure) in
        let chunk = write(plans)
        written += chunk.lines
        if let failure = chunk.failure { throw failure }
      }
    } catch {
      switch error {
      case .unreadable(let failure):
        // A file that became unreadable after the check before the first chunk: say what the
        // chunks before it wrote.
        var output = CommandOutput.toolFailure(failure)
        output.standardOutput = written
        return output
      case .consumer(let failure):
        var output = CommandOutput.toolFailure(failure)
        output.standardOutput = written
        return output
      }
    }
    let sorted = stream.diagnostics.sortedForOutput()
    var summary =
      "rendered \(stream.planCount) of \(stream.specCount) spec\(stream.specCount == 1 ? "" : "s")"
    let skipped = stream.specCount - stream.planCount - stream.withoutSelectedEnvironment
    if skipped > 0 { summary += "; \(skipped) with errors rendered nothing" }
    if stream.withoutSelectedEnvironment > 0 {
      summary += "; \(stream.withoutSelectedEnvironment) without environments rendered nothing"
    }
    return CommandOutput(
      standardOutput: written,
      standardError: DiagnosticRenderer(format: .text, useColor: useColor).render(sorted)
        + summary + "\n",
      status: sorted.containsErrors ? .findings : .clean)
  }

  /// Renders and writes one chunk of plans, and returns the lines that say what changed. Each
  /// service writes only inside its own folders, so services render in parallel; the lines keep
  /// the plans' order, up to the first service (in order) that failed, whose failure is returned.
  private func write(_ plans: [DeploymentPlan]) -> (lines: String, failure: ToolFailure?) {
    let layout = self.layout
    let baseDirectory = self.baseDirectory
    let results = Parallel.map(plans.count) { index in
      Result { () throws(ToolFailure) -> String in
        var lines = ""
        for set in layout.sets(for: plans[index], among: plans) {
          let root = resolve(set.root, against: baseDirectory)
          let summary = try OutputWriter().sync(set.files, root: root, folder: set.folder)
          for path in summary.written { lines += "wrote \(set.root)/\(path)\n" }
          for path in summary.removed { lines += "removed \(set.root)/\(path)\n" }
          if summary.written.isEmpty && summary.removed.isEmpty && !set.clearsOnly {
            let place = set.folder.map { "\(set.root)/\($0)/" } ?? set.root + "/"
            let count = summary.unchanged.count
            lines += "unchanged \(place) (\(count) file\(count == 1 ? "" : "s"))\n"
          }
        }
        return lines
      }
    }
    var lines = ""
    for result in results {
      switch result {
      case .success(let written): lines += written
      case .failure(let error): return (lines, error)
      }
    }
    return (lines, nil)
  }
}
