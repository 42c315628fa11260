import ECSGenPlan
import ECSGenSpec
import Testing

/// `load_balancer.deletion_protection`, `waf_acl_arn` and `access_logs` in the plan.
@Suite struct LoadBalancerHardeningPlanTests {
  func balancer(_ yaml: String) throws -> LoadBalancerPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try #require(try DeploymentPlanner().plan(loaded).ownLoadBalancer).loadBalancer
  }

  let minimal = """
    name: hello
    image: nginx:1.27
    port: 80

    """

  /// Off by default, so that destroy works without a first apply.
  @Test func defaultsLeaveTheLoadBalancerUnprotected() throws {
    let plan = try balancer(minimal)
    #expect(plan.deletionProtection == false)
    #expect(plan.accessLogs == nil)
    #expect(plan.webACLARN == nil)
  }

  @Test func keysReachThePlan() throws {
    let acl =
      "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/shop/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"
    let plan = try balancer(
      minimal + """
        load_balancer:
          deletion_protection: true
          waf_acl_arn: \(acl)
          access_logs: {bucket: shop-alb-logs, prefix: hello}

        """)
    #expect(plan.deletionProtection)
    #expect(plan.webACLARN == acl)
    #expect(plan.accessLogs?.bucket == .existing(name: "shop-alb-logs"))
    #expect(plan.accessLogs?.prefix == "hello")
  }

  @Test func prefixIsOptional() throws {
    let plan = try balancer(minimal + "load_balancer: {access_logs: {bucket: shop-alb-logs}}\n")
    #expect(plan.accessLogs?.bucket == .existing(name: "shop-alb-logs"))
    #expect(plan.accessLogs?.prefix == nil)
  }

  @Test func createdBucketIsNamedAfterServiceAccountAndRegion() throws {
    let plan = try balancer(
      minimal
        + "region: eu-west-2\nload_balancer: {access_logs: {create_bucket: true, prefix: web}}\n")
    let bucket = try #require(plan.accessLogs?.bucket.created)
    #expect(bucket.name == [.literal("hello-lblogs-"), .accountID, .literal("-eu-west-2")])
    #expect(bucket.logObjects == [.literal("web/AWSLogs/"), .accountID, .literal("/*")])
    #expect(bucket.encryption == "AES256")
    #expect(bucket.forceDestroy && bucket.keepInCloudFormation && bucket.requireTLS)
  }

  /// Regions opened before August 2022 name ELB's account; newer ones the service principal.
  @Test func logDeliveryPrincipalFollowsTheRegion() {
    #expect(ELBLogDelivery.principal(region: "eu-west-2") == .account("652711504416"))
    #expect(ELBLogDelivery.principal(region: "us-east-1") == .account("127311923021"))
    #expect(
      ELBLogDelivery.principal(region: "eu-central-2")
        == .service("logdelivery.elasticloadbalancing.amazonaws.com"))
  }

  /// The China regions have ELB accounts of their own (AWS in China, "Elastic Load Balancing");
  /// the global service principal is not theirs.
  @Test func theChinaRegionsNameTheirELBAccounts() {
    #expect(ELBLogDelivery.principal(region: "cn-north-1") == .account("638102146993"))
    #expect(ELBLogDelivery.principal(region: "cn-northwest-1") == .account("037604701340"))
  }
}
