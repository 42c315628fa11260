import ECSGenDiagnostics
import ECSGenPlan
import ECSGenSpec

/// The plans of the valid specs among `loaded`, and every diagnostic, including two specs that
/// claim one service name (they would render into the same folders).
struct PlannedSpecs: Sendable {
  var plans: [DeploymentPlan] = []
  var diagnostics: [Diagnostic] = []
  /// Service names of specs that have errors but whose name could be read; `check` leaves their
  /// committed output alone instead of calling it left over.
  var failedServiceNames: Set<String> = []

  init(_ loaded: [LoadedSpec]) {
    var servicesSeen: [String: String] = [:]
    for spec in loaded {
      diagnostics += spec.diagnostics
      guard !spec.hasErrors, let plan = try? DeploymentPlanner().plan(spec) else {
        if let name = spec.spec?.name?.value { failedServiceNames.insert(name) }
        continue
      }
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
  }
}
