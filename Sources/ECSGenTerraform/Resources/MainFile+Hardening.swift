import ECSGenPlan

extension MainFile {
  /// The `aws_lb` arguments of `load_balancer.deletion_protection` and `access_logs`.
  func loadBalancerHardeningItems(_ balancer: LoadBalancerPlan) -> [HCLBodyItem] {
    var items: [HCLBodyItem] = [
      .set("enable_deletion_protection", .bool(balancer.deletionProtection))
    ]
    guard let logs = balancer.accessLogs else { return items }
    let bucket: HCLExpression =
      switch logs.bucket {
      case .existing(let name): .string(name)
      case .created: ref("aws_s3_bucket.access_logs.id")
      }
    var body: [HCLBodyItem] = [.set("bucket", bucket)]
    if let prefix = logs.prefix { body.append(.set("prefix", .string(prefix))) }
    body.append(.set("enabled", .bool(true)))
    items += [.blankLine, block("access_logs", body)]
    if logs.bucket.created != nil {
      // ELB checks that it may write to the bucket when access logs are turned on.
      items += [.blankLine, .set("depends_on", .list([ref("aws_s3_bucket_policy.access_logs")]))]
    }
    return items
  }

  /// The WAFv2 web ACL association and the created access-log bucket.
  func loadBalancerHardeningBlocks(_ balancer: LoadBalancerPlan) -> [HCLBlock] {
    var blocks: [HCLBlock] = []
    if let acl = balancer.webACLARN {
      blocks.append(
        resource(
          "aws_wafv2_web_acl_association", "this",
          [
            .set("resource_arn", ref("aws_lb.this.arn")),
            .set("web_acl_arn", .string(acl)),
          ]))
    }
    if let bucket = balancer.accessLogs?.bucket.created {
      blocks += accessLogBucketBlocks(bucket)
    }
    return blocks
  }

  private func accessLogBucketBlocks(_ bucket: CreatedLogBucketPlan) -> [HCLBlock] {
    let id = HCLBodyItem.set("bucket", ref("aws_s3_bucket.access_logs.id"))
    func part(_ type: String, _ body: [HCLBodyItem]) -> HCLBlock {
      resource(type, "access_logs", [id] + body)
    }
    var blocks = [
      resource(
        "aws_s3_bucket", "access_logs",
        [
          .set("bucket", template(bucket.name)),
          .set("force_destroy", .bool(bucket.forceDestroy)),
        ])
    ]
    if bucket.blockPublicAccess {
      blocks.append(
        part(
          "aws_s3_bucket_public_access_block",
          [
            "block_public_acls", "block_public_policy", "ignore_public_acls",
            "restrict_public_buckets",
          ]
          .map { .set($0, .bool(true)) }))
    }
    blocks.append(
      part(
        "aws_s3_bucket_ownership_controls",
        [block("rule", [.set("object_ownership", .string(bucket.objectOwnership))])]))
    if bucket.versioning {
      blocks.append(
        part(
          "aws_s3_bucket_versioning",
          [block("versioning_configuration", [.set("status", .string("Enabled"))])]))
    }
    blocks.append(
      part(
        "aws_s3_bucket_server_side_encryption_configuration",
        [
          block(
            "rule",
            [
              block(
                "apply_server_side_encryption_by_default",
                [.set("sse_algorithm", .string(bucket.encryption))])
            ])
        ]))
    blocks.append(
      part(
        "aws_s3_bucket_lifecycle_configuration",
        [
          block(
            "rule",
            [
              .set("id", .string(bucket.lifecycleRuleID)),
              .set("status", .string("Enabled")),
              .blankLine,
              block("filter", []),
              block("expiration", [.set("days", .number(bucket.expirationDays))]),
              block(
                "noncurrent_version_expiration",
                [.set("noncurrent_days", .number(bucket.noncurrentExpirationDays))]),
              block(
                "abort_incomplete_multipart_upload",
                [.set("days_after_initiation", .number(bucket.abortIncompleteUploadDays))]),
            ])
        ]))
    blocks.append(accessLogBucketPolicyDocument(bucket))
    blocks.append(
      part(
        "aws_s3_bucket_policy",
        [.set("policy", ref("data.aws_iam_policy_document.access_logs.json"))]
      ))
    return blocks
  }

  private func accessLogBucketPolicyDocument(_ bucket: CreatedLogBucketPlan) -> HCLBlock {
    let arn = "aws_s3_bucket.access_logs.arn"
    var statements: [HCLBodyItem] = []
    if bucket.requireTLS {
      statements.append(
        block(
          "statement",
          [
            .set("sid", .string(bucket.tlsStatementID)),
            .set("effect", .string("Deny")),
            .set("actions", .list([.string("s3:*")])),
            .set(
              "resources",
              .list([ref(arn), .template([.interpolation(ref(arn)), .literal("/*")])])),
            .blankLine,
            block(
              "principals",
              [.set("type", .string("*")), .set("identifiers", .list([.string("*")]))]),
            block(
              "condition",
              [
                .set("test", .string("Bool")),
                .set("variable", .string("aws:SecureTransport")),
                .set("values", .list([.string("false")])),
              ]),
          ]))
    }
    let (type, identifier) =
      switch bucket.logDelivery {
      case .account(let account): ("AWS", account)
      case .service(let service): ("Service", service)
      }
    statements.append(
      block(
        "statement",
        [
          .set("sid", .string(bucket.logDeliveryStatementID)),
          .set("effect", .string("Allow")),
          .set("actions", .list([.string("s3:PutObject")])),
          .set(
            "resources",
            .list([
              .template(
                [.interpolation(ref(arn)), .literal("/")] + templateParts(bucket.logObjects))
            ])),
          .blankLine,
          block(
            "principals",
            [.set("type", .string(type)), .set("identifiers", .list([.string(identifier)]))]),
        ]))
    return HCLBlock("data", ["aws_iam_policy_document", "access_logs"], statements)
  }

  private func templateParts(_ parts: [NamePart]) -> [HCLTemplatePart] {
    parts.map { part in
      switch part {
      case .literal(let text): .literal(text)
      case .accountID: .interpolation(context.accountID)
      }
    }
  }

  private func template(_ parts: [NamePart]) -> HCLExpression { .template(templateParts(parts)) }
}
