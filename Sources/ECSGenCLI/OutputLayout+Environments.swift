import ECSGenCloudFormation
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
  /// (removed by `render`, left over for `check`). The promotion workflow, one per service over
  /// all environments, is not rendered yet (docs/design/environments.md): the workflow target
  /// writes nothing for them, and an earlier service workflow is stale too.
  func environmentSets(
    _ plan: DeploymentPlan, _ environment: EnvironmentPlan, target: RenderTarget, folder: String
  ) -> [OutputSet] {
    let former =
      environment.position == 0
      ? formerFolders(plan.service.name, environment).map {
        OutputSet(
          root: outputDirectory, folder: "\($0)/\(target.folder)", files: [], clearsOnly: true)
      } : []
    let files: [GeneratedFile]
    switch target {
    case .terraform: files = TerraformRenderer().render(plan)
    case .cloudformation: files = CloudFormationRenderer().render(plan)
    case .bootstrap: files = BootstrapRenderer().render(plan)
    case .githubActions: return former
    }
    let placed = files.map {
      GeneratedFile(path: "\(plan.outputFolder)/\($0.path)", contents: $0.contents)
    }
    return former + [OutputSet(root: outputDirectory, folder: folder, files: placed)]
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
