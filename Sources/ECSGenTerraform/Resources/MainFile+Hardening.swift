import ECSGenPlan

extension MainFile {
  /// The `aws_lb` arguments of `load_balancer.deletion_protection` and `access_logs`.
  func loadBalancerHardeningItems(_ balancer: LoadBalancerPlan) -> [HCLBodyItem] {
    var items: [HCLBodyItem] = [
      .set("enable_deletion_protection", .bool(balancer.deletionProtection))
    ]
    if let logs = balancer.accessLogs {
      var body: [HCLBodyItem] = [.set("bucket", .string(logs.bucket))]
      if let prefix = logs.prefix { body.append(.set("prefix", .string(prefix))) }
      body.append(.set("enabled", .bool(true)))
      items += [.blankLine, block("access_logs", body)]
    }
    return items
  }

  /// The WAFv2 web ACL association of `load_balancer.waf_acl_arn`.
  func webACLBlocks(_ balancer: LoadBalancerPlan) -> [HCLBlock] {
    guard let acl = balancer.webACLARN else { return [] }
    return [
      resource(
        "aws_wafv2_web_acl_association", "this",
        [
          .set("resource_arn", ref("aws_lb.this.arn")),
          .set("web_acl_arn", .string(acl)),
        ])
    ]
  }
}
