import ECSGenPlan

extension DeploymentPlan {
  /// The web parts of a plan that the test resolved from a `web` spec (a test of another kind
  /// never calls this).
  var webParts: WebPlan {
    guard case .web(let web) = workload else { preconditionFailure("not a web plan") }
    return web
  }
}

extension DeploymentPlan {
  /// The load balancer ecsgen creates, of a plan that the test resolved from a `web` spec
  /// without `load_balancer.listener_arn`.
  var ownParts: OwnLoadBalancerPlan {
    guard let own = ownLoadBalancer else { preconditionFailure("no load balancer of its own") }
    return own
  }
}
