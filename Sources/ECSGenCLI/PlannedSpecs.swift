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

  /// Specs that were planned (a spec with environments has one plan per environment).
  var specCount = 0

  /// `environment`: only that environment of specs with environments (`render --env`); a spec
  /// without it is an error, a spec without environments is left out.
  init(_ loaded: [LoadedSpec], environment: String? = nil) {
    var servicesSeen: [String: String] = [:]
    for spec in loaded {
      diagnostics += spec.diagnostics
      guard !spec.hasErrors, var plans = try? DeploymentPlanner().plans(spec),
        let plan = plans.first
      else {
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
      if let environment {
        guard select(environment, from: &plans, spec) else { continue }
      }
      diagnostics += EnvironmentRenderNotes.notes(spec)
      specCount += 1
      self.plans += plans
    }
  }

  /// Keeps the plan of `environment` only; false (after an error when the spec has other
  /// environments) when there is none.
  private mutating func select(
    _ environment: String, from plans: inout [DeploymentPlan], _ spec: LoadedSpec
  ) -> Bool {
    let names = plans.compactMap { $0.environment?.name }
    plans = plans.filter { $0.environment?.name == environment }
    if plans.isEmpty, !names.isEmpty, let name = spec.spec?.name {
      diagnostics.append(
        .error(
          "unknown-environment", at: name.location,
          "`--env \(environment)`: this spec has no environment `\(environment)`; its environments are \(names.map { "`\($0)`" }.joined(separator: ", "))"
        ))
    }
    return !plans.isEmpty
  }
}
