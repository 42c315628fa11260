import ECSGenPlan

extension Resources {
  /// The `LoadBalancerAttributes` of `load_balancer.deletion_protection` and `access_logs`, after
  /// the idle timeout and header attributes.
  func loadBalancerHardeningAttributes(_ balancer: LoadBalancerPlan) -> [(String, String)] {
    var attributes = [
      ("deletion_protection.enabled", balancer.deletionProtection ? "true" : "false")
    ]
    if let logs = balancer.accessLogs {
      attributes += [("access_logs.s3.enabled", "true"), ("access_logs.s3.bucket", logs.bucket)]
      if let prefix = logs.prefix { attributes.append(("access_logs.s3.prefix", prefix)) }
    }
    return attributes
  }

  /// The WAFv2 web ACL association of `load_balancer.waf_acl_arn`.
  func webACLMembers(_ balancer: LoadBalancerPlan) -> [JSONMember] {
    guard let acl = balancer.webACLARN else { return [] }
    return [
      JSONMember(
        ID.webACLAssociation,
        resource(
          "AWS::WAFv2::WebACLAssociation",
          [
            "ResourceArn": Intrinsic.ref(ID.loadBalancer),
            "WebACLArn": .string(acl),
          ]))
    ]
  }
}
