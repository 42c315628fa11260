import ECSGenSpec

extension DeploymentPlanner {
  /// `load_balancer.deletion_protection`, `waf_acl_arn` and `access_logs`.
  func applyHardening(_ spec: ServiceSpec, names: ResourceNames, to plan: inout LoadBalancerPlan) {
    let balancer = spec.loadBalancer
    plan.deletionProtection =
      balancer?.deletionProtection?.value ?? SpecDefaults.LoadBalancer.deletionProtection
    plan.webACLARN = balancer?.wafACLARN?.value
    guard let logs = balancer?.accessLogs else { return }
    let prefix = logs.prefix?.value
    if let name = logs.bucket?.value {
      plan.accessLogs = AccessLogsPlan(bucket: .existing(name: name), prefix: prefix)
    } else if logs.createBucket?.value == true, let region = spec.region?.value {
      // Validation requires `region` with `create_bucket`: the log-delivery principal depends on it.
      let bucket = CreatedLogBucketPlan(
        name: names.accessLogBucket(region: region),
        logObjects: [
          .literal((prefix.map { "\($0)/" } ?? "") + "AWSLogs/"), .accountID, .literal("/*"),
        ],
        logDelivery: ELBLogDelivery.principal(region: region),
        encryption: "AES256", objectOwnership: "BucketOwnerEnforced", blockPublicAccess: true,
        versioning: true, expirationDays: SpecDefaults.LoadBalancer.accessLogExpirationDays,
        noncurrentExpirationDays: 30, abortIncompleteUploadDays: 7, requireTLS: true,
        lifecycleRuleID: "expire-logs", tlsStatementID: "DenyInsecureTransport",
        logDeliveryStatementID: "AllowLoadBalancerLogDelivery",
        forceDestroy: true, keepInCloudFormation: true)
      plan.accessLogs = AccessLogsPlan(bucket: .created(bucket), prefix: prefix)
    }
  }
}
