import ECSGenPlan
import ECSGenRendering

/// Renders a `DeploymentPlan` as a Terraform root configuration: `versions.tf`, `variables.tf`,
/// `main.tf` and `outputs.tf` under `terraform/`.
///
/// It translates the plan and decides nothing: every value, default and name comes from the plan;
/// this type only knows how Terraform and the hashicorp/aws provider spell them.
public struct TerraformRenderer: Sendable {
  /// The provider versions the output is written and validated against (5.100 is the newest 5.x).
  public static let awsProviderConstraint = "~> 5.100"

  /// `required_providers` with the hashicorp/aws provider, shared by every root configuration
  /// ecsgen writes (the service's and the bootstrap's).
  static let requiredProvidersBlock = HCLBlock(
    "required_providers", [],
    [
      .set(
        "aws",
        .object([
          HCLObjectItem("source", .string("hashicorp/aws")),
          HCLObjectItem("version", .string(awsProviderConstraint)),
        ]))
    ])

  public init() {}

  public func render(_ plan: DeploymentPlan) -> [GeneratedFile] {
    let printer = HCLPrinter()
    return documents(plan).map { path, document in
      GeneratedFile(path: path, contents: printer.print(document))
    }
  }

  /// The documents before printing, with their paths: what tests read values back from.
  public func documents(_ plan: DeploymentPlan) -> [(path: String, document: HCLDocument)] {
    let context = TerraformContext(plan: plan)
    let header = GeneratedMarker.headerLines(specFile: plan.specFile)
    let files: [(String, [HCLBlock])] = [
      ("versions.tf", VersionsFile(context: context).blocks()),
      ("variables.tf", VariablesFile(context: context).blocks()),
      ("main.tf", MainFile(context: context).blocks()),
      ("outputs.tf", OutputsFile(context: context).blocks()),
    ]
    return files.map { name, blocks in
      ("terraform/\(name)", HCLDocument(headerComment: header, blocks: blocks))
    }
  }
}
