import ECSGenPlan
import ECSGenTestSupport
import Testing

/// The workflow's roles may do what the hardening keys add: without these statements the first
/// deploy of `specs/production.yaml` (WAF) or of payments-api's prod (created log bucket) stopped
/// with AccessDenied, and `terraform plan` in the review job could not refresh them.
@Suite struct HardeningBootstrapTests {
  @Test func theDeployRoleMayAssociateTheWebACLWithItsOwnLoadBalancer() throws {
    let bootstrap = try ExampleSpecs.plan("production.yaml").bootstrap
    let acl =
      "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/shop-prod/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"
    let deploy = try #require(
      bootstrap.deployRole.statements.first { $0.sid == "WebACLAssociation" })
    for action in [
      "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "wafv2:GetWebACLForResource",
      "elasticloadbalancing:SetWebACL",
    ] {
      #expect(deploy.actions.contains(action))
    }
    #expect(deploy.resources.contains(.literal(acl)))
    #expect(
      deploy.resources.contains(
        .arn(
          service: "elasticloadbalancing", regional: true,
          resource: "loadbalancer/app/orders-api-alb-*/*")))
    let review = try #require(
      bootstrap.planRole.statements.first { $0.sid == "ReadWebACLAssociation" })
    #expect(review.actions.contains("wafv2:GetWebACLForResource"))
  }

  @Test func theDeployRoleMayManageTheCreatedLogBucketOnly() throws {
    let prod = try #require(
      try ExampleSpecs.plans("environments.yaml").first { $0.environment?.name == "prod" })
    let bucket = BootstrapResource.accountless(
      service: "s3", resource: "payments-api-prod-lblogs-*")
    let deploy = try #require(
      prod.bootstrap.deployRole.statements.first { $0.sid == "AccessLogBucket" })
    #expect(deploy.resources == [bucket])
    for action in [
      "s3:CreateBucket", "s3:PutBucketPolicy", "s3:DeleteBucket", "s3:GetBucketPolicy",
    ] {
      #expect(deploy.actions.contains(action))
    }
    #expect(deploy.actions == deploy.actions.sorted())
    let review = try #require(
      prod.bootstrap.planRole.statements.first { $0.sid == "ReadAccessLogBucket" })
    #expect(review.resources == [bucket])
    #expect(!review.actions.contains("s3:CreateBucket"))
    // dev has no access logs: none of these statements.
    let dev = try #require(
      try ExampleSpecs.plans("environments.yaml").first { $0.environment?.name == "dev" })
    #expect(!dev.bootstrap.deployRole.statements.contains { $0.sid.contains("AccessLog") })
  }
}
