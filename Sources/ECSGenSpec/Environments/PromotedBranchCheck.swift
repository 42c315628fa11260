import ECSGenDiagnostics

/// Every environment deploys from the same branch: the workflow promotes one commit of that
/// branch through the environments in order, and a later environment runs only after the earlier
/// one succeeded. An environment with another `ci.branch` would wait for a job that never runs on
/// its branch and be skipped on every push, without failing anything.
enum PromotedBranchCheck {
  static func check(_ environments: [ServiceSpec]) -> [Diagnostic] {
    guard let first = environments.first else { return [] }
    let firstBranch = first.ci?.branch?.value ?? SpecDefaults.CI.branch
    var diagnostics: [Diagnostic] = []
    for spec in environments.dropFirst() {
      guard let branch = spec.ci?.branch, branch.value != firstBranch,
        let environment = spec.deploymentEnvironment?.name.value,
        let firstName = first.deploymentEnvironment?.name.value
      else { continue }
      diagnostics.append(
        .error(
          "environment-branch", at: branch.location,
          "`ci.branch` is `\(branch.value)` in environment \(environment) but `\(firstBranch)` in \(firstName); every environment deploys from one branch, because the workflow promotes each commit of it through the environments in order (set `ci.branch` once, outside `environments:`)"
        ))
    }
    return diagnostics
  }
}
