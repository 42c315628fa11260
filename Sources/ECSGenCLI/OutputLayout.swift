import ECSGenCloudFormation
import ECSGenGitHubActions
import ECSGenPlan
import ECSGenRendering
import ECSGenTerraform

/// Files that belong together in one place: `files` (paths relative to `root`) and, when the
/// place is owned by one target of one service, the `folder` whose other generated files are
/// stale.
struct OutputSet: Sendable {
  var root: String
  var folder: String?
  var files: [GeneratedFile]
  /// Only clears what an older layout left in `folder`: `render` names it only when it removed
  /// something.
  var clearsOnly = false
}

/// Where each target of each service goes: `DIR/NAME/TARGET/`, except the workflow, which
/// `--workflows-dir` sends straight to a workflows folder (such as `.github/workflows`).
struct OutputLayout: Sendable {
  var outputDirectory: String
  var workflowsDirectory: String?
  var targets: [RenderTarget]
  /// What relative paths are relative to; only needed to find the folders of environments a
  /// spec no longer has (`OutputLayout+Environments.swift`).
  var baseDirectory: String? = nil

  /// The layout as the workflow renderer sees it.
  var paths: OutputPaths {
    OutputPaths(outputDirectory: outputDirectory, workflowsDirectory: workflowsDirectory)
  }

  /// The output of `plan`. `plans` are the plans rendered with it: for a spec with
  /// environments, its first environment's plan renders the service's one workflow from all of
  /// the service's plans found there.
  func sets(for plan: DeploymentPlan, among plans: [DeploymentPlan] = []) -> [OutputSet] {
    let name = plan.outputFolder
    return targets.flatMap { target -> [OutputSet] in
      let folder = "\(name)/\(target.folder)"
      if let environment = plan.environment {
        return environmentSets(plan, environment, target: target, folder: folder, among: plans)
      }
      let files: [GeneratedFile]
      switch target {
      case .terraform: files = TerraformRenderer().render(plan)
      case .cloudformation: files = CloudFormationRenderer().render(plan)
      case .bootstrap: files = BootstrapRenderer().render(plan)
      case .githubActions:
        // The workflow is told the layout, so that its review checks this layout.
        return workflowSets(plan, WorkflowRenderer(paths: paths).render(plan))
      }
      let placed = files.map { GeneratedFile(path: "\(name)/\($0.path)", contents: $0.contents) }
      return [OutputSet(root: outputDirectory, folder: folder, files: placed)]
    }
  }

  /// Where a service's workflow goes: `DIR/NAME/github-actions/`, or the workflows folder,
  /// where a copy an earlier render left in `DIR/NAME/github-actions/` is then stale.
  func workflowSets(_ plan: DeploymentPlan, _ files: [GeneratedFile]) -> [OutputSet] {
    let folder = "\(plan.service.name)/\(RenderTarget.githubActions.folder)"
    if let workflowsDirectory {
      let workflows = files.map {
        GeneratedFile(path: plan.ci.workflowFileName, contents: $0.contents)
      }
      return [
        OutputSet(root: workflowsDirectory, folder: nil, files: workflows),
        OutputSet(root: outputDirectory, folder: folder, files: []),
      ]
    }
    let placed = files.map {
      GeneratedFile(path: "\(plan.service.name)/\($0.path)", contents: $0.contents)
    }
    return [OutputSet(root: outputDirectory, folder: folder, files: placed)]
  }
}

extension OutputLayout {
  /// The failure for an empty `--out` or `--workflows-dir`: paths are joined as `DIR/NAME/...`,
  /// so an empty directory would put every file under the file system's root.
  static func emptyDirectoryFailure(
    outputDirectory: String, workflowsDirectory: String?
  ) -> ToolFailure? {
    if outputDirectory.isEmpty {
      return ToolFailure("--out is empty; name the output directory, such as --out infra")
    }
    if workflowsDirectory?.isEmpty == true {
      return ToolFailure(
        "--workflows-dir is empty; name the workflows folder, such as --workflows-dir .github/workflows"
      )
    }
    return nil
  }
}
