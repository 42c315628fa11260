/// The load balancer hardening keys in the workflow's roles: the WAF web ACL association
/// (`load_balancer.waf_acl_arn`) and the access-log bucket ecsgen creates
/// (`load_balancer.access_logs.create_bucket`). Without these the first deploy of a spec that
/// sets them stops with AccessDenied.
extension BootstrapPlanner {
  /// The S3 reads of a bucket: what `terraform plan` refreshes (hashicorp/aws reads every bucket
  /// setting, set or not) and what CloudFormation's import of a kept bucket reads.
  static let bucketReadActions = [
    "s3:GetAccelerateConfiguration", "s3:GetBucketAcl", "s3:GetBucketCORS",
    "s3:GetBucketLocation", "s3:GetBucketLogging", "s3:GetBucketObjectLockConfiguration",
    "s3:GetBucketOwnershipControls", "s3:GetBucketPolicy", "s3:GetBucketPolicyStatus",
    "s3:GetBucketPublicAccessBlock", "s3:GetBucketRequestPayment", "s3:GetBucketTagging",
    "s3:GetBucketVersioning", "s3:GetBucketWebsite", "s3:GetEncryptionConfiguration",
    "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration", "s3:ListBucket",
  ]

  /// The created log bucket's name is `SERVICE-lblogs-ACCOUNT-REGION`: scoped by its prefix.
  private var createdLogBucket: BootstrapResource? {
    guard case .created = plan.ownLoadBalancer?.loadBalancer.accessLogs?.bucket else { return nil }
    return .accountless(service: "s3", resource: "\(names.service)-lblogs-*")
  }

  /// The load balancer the web ACL is associated with, any generation of it (`NAME-alb-HASH`).
  private var associatedLoadBalancer: BootstrapResource {
    regional("elasticloadbalancing", "loadbalancer/app/\(names.loadBalancerNamePrefix)*/*")
  }

  func hardeningDeployStatements() -> [BootstrapStatement] {
    var statements: [BootstrapStatement] = []
    if let acl = plan.ownLoadBalancer?.loadBalancer.webACLARN {
      statements.append(
        BootstrapStatement(
          sid: "WebACLAssociation",
          comment:
            "WAF authorizes an association on the web ACL and the load balancer; ELB's SetWebACL is the load balancer's side of it.",
          actions: [
            "elasticloadbalancing:SetWebACL", "wafv2:AssociateWebACL",
            "wafv2:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource",
          ],
          resources: [.literal(acl), associatedLoadBalancer]))
    }
    if let bucket = createdLogBucket {
      statements.append(
        BootstrapStatement(
          sid: "AccessLogBucket",
          actions: (Self.bucketReadActions + [
            "s3:CreateBucket", "s3:DeleteBucket", "s3:DeleteBucketPolicy",
            "s3:ListBucketVersions", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy",
            "s3:PutBucketPublicAccessBlock", "s3:PutBucketTagging", "s3:PutBucketVersioning",
            "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration",
          ]).sorted(),
          resources: [bucket]))
      // Terraform's `force_destroy` empties the bucket, every version, before deleting it.
      statements.append(
        BootstrapStatement(
          sid: "EmptyAccessLogBucket",
          actions: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
          resources: [.accountless(service: "s3", resource: "\(names.service)-lblogs-*/*")]))
    }
    return statements
  }

  func hardeningReviewStatements() -> [BootstrapStatement] {
    var statements: [BootstrapStatement] = []
    if let acl = plan.ownLoadBalancer?.loadBalancer.webACLARN {
      statements.append(
        BootstrapStatement(
          sid: "ReadWebACLAssociation", actions: ["wafv2:GetWebACL", "wafv2:GetWebACLForResource"],
          resources: [.literal(acl), associatedLoadBalancer]))
    }
    if let bucket = createdLogBucket {
      statements.append(
        BootstrapStatement(
          sid: "ReadAccessLogBucket", actions: Self.bucketReadActions, resources: [bucket]))
    }
    return statements
  }
}
