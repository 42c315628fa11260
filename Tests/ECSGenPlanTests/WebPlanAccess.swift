import ECSGenPlan

extension DeploymentPlan {
  /// The web parts of a plan that the test resolved from a `web` spec.
  var webParts: WebPlan {
    switch workload {
    case .web(let web): web
    }
  }
}
