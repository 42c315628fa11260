import ECSGenSpec

extension DeploymentPlanner {
  /// `load_balancer.deletion_protection`, `waf_acl_arn` and `access_logs`.
  func applyHardening(_ spec: ServiceSpec, to plan: inout LoadBalancerPlan) {
    let balancer = spec.loadBalancer
    plan.deletionProtection =
      balancer?.deletionProtection?.value ?? SpecDefaults.LoadBalancer.deletionProtection
    plan.webACLARN = balancer?.wafACLARN?.value
    // Validation requires a bucket whenever `access_logs` is written.
    if let logs = balancer?.accessLogs, let bucket = logs.bucket?.value {
      plan.accessLogs = AccessLogsPlan(bucket: bucket, prefix: logs.prefix?.value)
    }
  }
}
