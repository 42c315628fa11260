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
    file(plan, document: Workflow(plan: plan, paths: paths).document())
  }

  /// The one workflow of a service with environments, from its plans in promotion order (one
  /// per environment): each environment is planned on pull requests and deployed, after the
  /// previous one, on pushes. Nothing for no plans.
  public func render(environments plans: [DeploymentPlan]) -> [GeneratedFile] {
    guard let first = plans.first else { return [] }
    return file(first, document: PromotionWorkflow(plans: plans, paths: paths).document())
  }

  private func file(_ plan: DeploymentPlan, document: YAMLNode) -> [GeneratedFile] {
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
        contents: YAMLPrinter().print(document, header: header))
    ]
  }
}
