import ECSGenCloudFormation
import ECSGenDiagnostics
import ECSGenPlan
import ECSGenRendering
import ECSGenSpec
import ECSGenTerraform

/// `ecsgen render`: lints the specs, and renders every valid one into `DIR/NAME/TARGET/`.
public struct RenderRunner: Sendable {
  public var outputDirectory: String
  public var targets: [RenderTarget]
  public var useColor: Bool
  public var baseDirectory: String?

  public init(
    outputDirectory: String = "infra", targets: [RenderTarget] = RenderTarget.allCases,
    useColor: Bool = false, baseDirectory: String? = nil
  ) {
    self.outputDirectory = outputDirectory
    self.targets = targets
    self.useColor = useColor
    self.baseDirectory = baseDirectory
  }

  /// The files of one valid spec, for every requested target, with paths relative to the output
  /// directory (`orders-api/terraform/main.tf`).
  public static func files(for plan: DeploymentPlan, targets: [RenderTarget]) -> [GeneratedFile] {
    targets.flatMap { target -> [GeneratedFile] in
      let files: [GeneratedFile]
      switch target {
      case .terraform: files = TerraformRenderer().render(plan)
      case .cloudformation: files = CloudFormationRenderer().render(plan)
      }
      return files.map {
        GeneratedFile(path: "\(plan.service.name)/\($0.path)", contents: $0.contents)
      }
    }
  }

  public func run(paths: [String]) -> CommandOutput {
    let loaded: [LoadedSpec]
    do {
      loaded = try SpecBatch.load(paths: paths, baseDirectory: baseDirectory)
    } catch {
      return .toolFailure(error)
    }
    var diagnostics = loaded.flatMap(\.diagnostics)
    var plans: [DeploymentPlan] = []
    var servicesSeen: [String: String] = [:]
    for spec in loaded where !spec.hasErrors {
      guard let plan = try? DeploymentPlanner().plan(spec) else { continue }
      if let other = servicesSeen[plan.service.name], let name = spec.spec?.name {
        diagnostics.append(
          .error(
            "duplicate-service", at: name.location,
            "service `\(plan.service.name)` is also defined in \(other); both would render into the same folder, so rename one"
          ))
        continue
      }
      servicesSeen[plan.service.name] = spec.file
      plans.append(plan)
    }
    let root = resolved(outputDirectory)
    let targets = self.targets
    let outputDirectory = self.outputDirectory
    let planned = plans
    // Each service writes only inside its own folder, so services render in parallel.
    let results = Parallel.map(planned.count) { index in
      Result { () throws(ToolFailure) -> [String] in
        let plan = planned[index]
        var lines: [String] = []
        for target in targets {
          let folder = "\(plan.service.name)/\(target.folder)"
          let summary = try OutputWriter().sync(
            Self.files(for: plan, targets: [target]), root: root, folder: folder)
          lines += summary.written.map { "wrote \(outputDirectory)/\($0)" }
          lines += summary.removed.map { "removed \(outputDirectory)/\($0)" }
          if summary.written.isEmpty && summary.removed.isEmpty {
            lines.append(
              "unchanged \(outputDirectory)/\(folder)/ (\(summary.unchanged.count) file\(summary.unchanged.count == 1 ? "" : "s"))"
            )
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
    let sorted = diagnostics.sortedForOutput()
    let failed = sorted.containsErrors
    let skipped = loaded.count - plans.count
    var summary = "rendered \(plans.count) of \(loaded.count) spec\(loaded.count == 1 ? "" : "s")"
    if skipped > 0 { summary += "; \(skipped) with errors rendered nothing" }
    return CommandOutput(
      standardOutput: lines.map { $0 + "\n" }.joined(),
      standardError: DiagnosticRenderer(format: .text, useColor: useColor).render(sorted)
        + summary + "\n",
      status: failed ? .findings : .clean)
  }

  private func resolved(_ path: String) -> String {
    guard let baseDirectory, !path.hasPrefix("/") else { return path }
    return baseDirectory + "/" + path
  }
}
