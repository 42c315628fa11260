import ECSGenPlan
import ECSGenRendering

/// Renders a `DeploymentPlan` as a GitHub Actions workflow, `github-actions/deploy-NAME.yml`,
/// that reviews infrastructure changes on pull requests and deploys on pushes to `ci.branch`.
///
/// The workflow refers to the spec and to the committed output by path, and checks the output in
/// the layout it was rendered in, so it needs that layout (`render --out`, `--workflows-dir`).
public struct WorkflowRenderer: Sendable {
  public var paths: OutputPaths

  public init(paths: OutputPaths) {
    self.paths = paths
  }

  /// The layout `render --out DIR` writes, without `--workflows-dir`.
  public init(outputDirectory: String) {
    self.init(paths: OutputPaths(outputDirectory: outputDirectory))
  }

  public func render(_ plan: DeploymentPlan) -> [GeneratedFile] {
    let workflow = Workflow(plan: plan, paths: paths)
    let copy =
      paths.workflowsDirectory == nil
      ? ["Copy it to .github/workflows/ (or render with --workflows-dir .github/workflows)."] : []
    let header =
      GeneratedMarker.headerLines(specFile: plan.specFile) + [""] + copy + [
        "Repository variables it reads are listed in the ecsgen README, \"Deploy workflow\"."
      ]
    return [
      GeneratedFile(
        path: "github-actions/\(plan.ci.workflowFileName)",
        contents: YAMLPrinter().print(workflow.document(), header: header))
    ]
  }
}
