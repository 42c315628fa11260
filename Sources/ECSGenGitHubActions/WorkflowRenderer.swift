import ECSGenPlan
import ECSGenRendering

/// Renders a `DeploymentPlan` as a GitHub Actions workflow, `github-actions/deploy-NAME.yml`,
/// that reviews infrastructure changes on pull requests and deploys on pushes to `ci.branch`.
///
/// The workflow refers to the spec and to the committed output by path, so it needs the folder
/// the output is rendered into (`render --out`).
public struct WorkflowRenderer: Sendable {
  public var outputDirectory: String

  public init(outputDirectory: String) {
    self.outputDirectory = outputDirectory
  }

  public func render(_ plan: DeploymentPlan) -> [GeneratedFile] {
    let workflow = Workflow(plan: plan, outputDirectory: outputDirectory)
    let header =
      GeneratedMarker.headerLines(specFile: plan.specFile) + [
        "",
        "Copy it to .github/workflows/ (or render with --workflows-dir .github/workflows).",
        "Repository variables it reads are listed in the ecsgen README, \"Deploy workflow\".",
      ]
    return [
      GeneratedFile(
        path: "github-actions/\(plan.ci.workflowFileName)",
        contents: YAMLPrinter().print(workflow.document(), header: header))
    ]
  }
}
