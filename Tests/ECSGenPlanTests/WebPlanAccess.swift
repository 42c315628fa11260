import ECSGenPlan

extension DeploymentPlan {
  /// The web parts of a plan that the test resolved from a `web` spec (a test of another kind
  /// never calls this).
  var webParts: WebPlan {
    guard case .web(let web) = workload else { preconditionFailure("not a web plan") }
    return web
  }
}
