import ECSGenCloudFormation
import ECSGenGitHubActions
import ECSGenPlan
import ECSGenRendering
import ECSGenTerraform
import Foundation

extension OutputLayout {
  /// The output of one environment of a spec with `environments:`: `DIR/NAME/ENV/TARGET/`.
  ///
  /// The first environment also owns the folders a render of the spec without environments
  /// wrote (`DIR/NAME/TARGET/`) and those of environments the spec no longer has
  /// (`DIR/NAME/OLD/TARGET/`): they are no longer produced, so their generated files are stale
  /// (removed by `render`, left over for `check`).
  ///
  /// The workflow is one per service, over all environments, in the service's own place
  /// (`DIR/NAME/github-actions/` or `--workflows-dir`): the first environment renders it from
  /// the service's plans in `plans`, and only when all of them are there (`render --env` renders
  /// one environment: it leaves the workflow as it is).
  func environmentSets(
    _ plan: DeploymentPlan, _ environment: EnvironmentPlan, target: RenderTarget, folder: String,
    among plans: [DeploymentPlan]
  ) -> [OutputSet] {
    let files: [GeneratedFile]
    switch target {
    case .terraform: files = TerraformRenderer().render(plan)
    case .cloudformation: files = CloudFormationRenderer().render(plan)
    case .bootstrap: files = BootstrapRenderer().render(plan)
    case .githubActions:
      guard environment.position == 0 else { return [] }
      let service = plans.filter {
        $0.service.name == plan.service.name && $0.environment != nil
      }
      guard service.compactMap(\.environment?.name) == environment.all else { return [] }
      // Former environments' folders never held a workflow; the service's own folder is this
      // workflow's.
      let former = formerSets(plan, environment, target: target).dropFirst()
      return Array(former)
        + workflowSets(plan, WorkflowRenderer(paths: paths).render(environments: service))
    }
    let former = environment.position == 0 ? formerSets(plan, environment, target: target) : []
    let placed = files.map {
      GeneratedFile(path: "\(plan.outputFolder)/\($0.path)", contents: $0.contents)
    }
    return former + [OutputSet(root: outputDirectory, folder: folder, files: placed)]
  }

  /// Clears-only sets for `target` in `NAME` (the layout without environments) and in the
  /// folders of environments the spec no longer has, in that order.
  private func formerSets(
    _ plan: DeploymentPlan, _ environment: EnvironmentPlan, target: RenderTarget
  ) -> [OutputSet] {
    formerFolders(plan.service.name, environment).map {
      OutputSet(
        root: outputDirectory, folder: "\($0)/\(target.folder)", files: [], clearsOnly: true)
    }
  }

  /// `NAME`, and `NAME/OLD` for each folder in `DIR/NAME` that is neither a target's nor a current
  /// environment's.
  private func formerFolders(_ service: String, _ environment: EnvironmentPlan) -> [String] {
    let directory = resolve(outputDirectory, against: baseDirectory) + "/" + service
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let kept = Set(RenderTarget.allCases.map(\.folder)).union(environment.all)
    return [service] + entries.sorted().filter { !kept.contains($0) }.map { "\(service)/\($0)" }
  }
}
