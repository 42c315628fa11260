import ECSGenPlan
import ECSGenRendering

/// Renders a plan's `BootstrapPlan` as its own Terraform root configuration under `bootstrap/`:
/// the OIDC provider (or a reference to it), the deploy and plan roles, and the state bucket (or
/// a reference to it). A person applies it once, by hand; it keeps its state locally.
public struct BootstrapRenderer: Sendable {
  public init() {}

  public func render(_ plan: DeploymentPlan) -> [GeneratedFile] {
    let printer = HCLPrinter()
    return documents(plan).map { path, document in
      GeneratedFile(path: path, contents: printer.print(document))
    }
  }

  /// The documents before printing, with their paths.
  public func documents(_ plan: DeploymentPlan) -> [(path: String, document: HCLDocument)] {
    let file = BootstrapFile(plan: plan)
    let header = GeneratedMarker.headerLines(specFile: plan.specFile)
    let about =
      [
        "",
        "One-time setup of the deploy workflow of \(plan.service.name): apply it by hand with",
        "administrator credentials (see the ecsgen README, first-time setup). Its own state",
        "stays local, in terraform.tfstate beside this file: keep that file.",
      ] + environmentLines(plan)
    let files: [(String, [String], [HCLBlock])] = [
      ("versions.tf", header + about, file.versionBlocks()),
      ("variables.tf", header, file.variableBlocks()),
      ("main.tf", header, file.mainBlocks()),
      ("outputs.tf", header, file.outputBlocks()),
    ]
    return files.map { name, comment, blocks in
      ("bootstrap/\(name)", HCLDocument(headerComment: comment, blocks: blocks))
    }
  }

  /// A spec with environments has one bootstrap per environment, applied in its own account.
  private func environmentLines(_ plan: DeploymentPlan) -> [String] {
    guard let environment = plan.environment else { return [] }
    return [
      "",
      "This is the bootstrap of environment \(environment.name) only: its roles trust only",
      "\(environment.name)'s jobs and may change only \(environment.qualifiedName)'s resources. Apply it with",
      "credentials for the account \(environment.name) deploys to; every environment has its own.",
    ]
  }
}
