import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `load_balancer.deletion_protection`, `waf_acl_arn` and `access_logs`. With
/// `baseSpec(loadBalancer:)`, the given lines start on line 5, indented by two.
@Suite struct LoadBalancerHardeningRuleTests {
  static let acl =
    "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/shop/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"

  @Test func hardenedLoadBalancerIsClean() {
    let text = baseSpec(
      "region: eu-west-2",
      loadBalancer: """
        deletion_protection: true
        waf_acl_arn: \(Self.acl)
        access_logs: {bucket: shop-alb-logs, prefix: prod/orders-api}
        """)
    expectClean(text)
  }

  @Test func webACLMustBeAWAFv2RegionalARNOfTheSpecsRegion() {
    expectFinding(
      "waf-acl-arn", .error, at: 5, 16, in: baseSpec(loadBalancer: "waf_acl_arn: my-acl"))
    let global = Self.acl.replacingOccurrences(of: "regional/", with: "global/")
    expectFinding(
      "waf-acl-arn", .error, at: 5, 16, in: baseSpec(loadBalancer: "waf_acl_arn: \(global)"))
    let otherRegion = baseSpec("region: us-east-1", loadBalancer: "waf_acl_arn: \(Self.acl)")
    expectFinding("waf-acl-arn", .error, at: 6, 16, in: otherRegion)
    // Without a region in the spec the ACL's region cannot be compared.
    expectNoFinding("waf-acl-arn", in: baseSpec(loadBalancer: "waf_acl_arn: \(Self.acl)"))
  }

  @Test(arguments: ["s3://logs", "Logs", "ab", "arn:aws:s3:::logs", "logs..old", "-logs"])
  func bucketMustBeABucketName(bucket: String) {
    let text = baseSpec(loadBalancer: "access_logs:\n  bucket: \"\(bucket)\"")
    expectFinding("access-logs-bucket", .error, at: 6, 13, in: text)
  }

  @Test func accessLogsNeedABucket() {
    let text = baseSpec(loadBalancer: "access_logs:\n  prefix: orders")
    expectFinding("access-logs-target", .error, at: 6, 5, in: text)
  }

  @Test(arguments: ["orders/AWSLogs", "/orders", "orders/", "\"\""])
  func prefixRules(prefix: String) {
    let text = baseSpec(loadBalancer: "access_logs:\n  bucket: logs\n  prefix: \(prefix)")
    expectFinding("access-logs-prefix", .error, at: 7, 13, in: text)
  }

  @Test func bucketAndCreateBucketExcludeEachOther() {
    let text = baseSpec(
      "region: eu-west-2", loadBalancer: "access_logs:\n  bucket: logs\n  create_bucket: true")
    expectFinding("access-logs-target", .error, at: 7, 13, in: text)
    expectClean(baseSpec("region: eu-west-2", loadBalancer: "access_logs: {create_bucket: true}"))
  }

  /// The log-delivery principal differs per region, so a created bucket needs a fixed one.
  @Test func createdBucketNeedsARegion() {
    let text = baseSpec(loadBalancer: "access_logs:\n  create_bucket: true")
    expectFinding("access-logs-region", .error, at: 6, 20, in: text)
  }
}
