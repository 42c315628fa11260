import ECSGenPlan

extension BootstrapFile {
  /// The state bucket when this configuration creates it (versioned, encrypted, private, TLS
  /// only, kept on destroy), or a lookup of the existing one, which also fails early when the
  /// name is wrong.
  func stateBucketBlocks() -> [HCLBlock] {
    guard let bucket = bootstrap.stateBucket else { return [] }
    // Resources of the bucket use the provider of its region, when that is another one.
    let provider: [HCLBodyItem] = bucket.region == nil ? [] : [.set("provider", ref("aws.state"))]
    let count: HCLBodyItem = .set("count", .raw("var.\(bucket.createVariable) ? 1 : 0"))
    let id: HCLBodyItem = .set("bucket", ref("aws_s3_bucket.state[0].id"))
    let arn = ref("aws_s3_bucket.state[0].arn")
    let blocks = [
      resource(
        "aws_s3_bucket", "state",
        [
          count, .blankLine, .set("bucket", ref("local.state_bucket")),
          // Every service's state lives here: `terraform destroy` of one bootstrap must not
          // take it away.
          block("lifecycle", [.set("prevent_destroy", .bool(true))]),
        ]),
      HCLBlock(
        "data", ["aws_s3_bucket", "state"],
        [
          .set("count", .raw("var.\(bucket.createVariable) ? 0 : 1")), .blankLine,
          .set("bucket", ref("local.state_bucket")),
        ]),
      resource(
        "aws_s3_bucket_versioning", "state",
        [
          count, .blankLine, id,
          block("versioning_configuration", [.set("status", .string("Enabled"))]),
        ]),
      resource(
        "aws_s3_bucket_server_side_encryption_configuration", "state",
        [
          count, .blankLine, id,
          block(
            "rule",
            [
              .set("bucket_key_enabled", .bool(true)),
              block(
                "apply_server_side_encryption_by_default",
                [.set("sse_algorithm", .string("aws:kms"))]),
            ]),
        ]),
      resource(
        "aws_s3_bucket_public_access_block", "state",
        [
          count, .blankLine, id,
          .set("block_public_acls", .bool(true)),
          .set("block_public_policy", .bool(true)),
          .set("ignore_public_acls", .bool(true)),
          .set("restrict_public_buckets", .bool(true)),
        ]),
      resource(
        "aws_s3_bucket_ownership_controls", "state",
        [
          count, .blankLine, id,
          block("rule", [.set("object_ownership", .string("BucketOwnerEnforced"))]),
        ]),
      resource(
        "aws_s3_bucket_lifecycle_configuration", "state",
        [
          count, .blankLine, id,
          block(
            "rule",
            [
              .set("id", .string("expire-old-state-versions")),
              .set("status", .string("Enabled")),
              block("filter", []),
              block(
                "noncurrent_version_expiration",
                [.set("noncurrent_days", .number(bucket.noncurrentVersionDays))]),
              block(
                "abort_incomplete_multipart_upload", [.set("days_after_initiation", .number(7))]),
            ]),
        ]),
      HCLBlock(
        "data", ["aws_iam_policy_document", "state_bucket"],
        [
          count,
          block(
            "statement",
            [
              .set("sid", .string("DenyInsecureTransport")),
              .set("effect", .string("Deny")),
              .set("actions", .list([.string("s3:*")])),
              .set(
                "resources",
                .list([
                  arn,
                  .template([.interpolation(arn), .literal("/*")]),
                ])),
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
            ]),
        ]),
      resource(
        "aws_s3_bucket_policy", "state",
        [
          count, .blankLine, id,
          .set("policy", ref("data.aws_iam_policy_document.state_bucket[0].json")),
          // The public access block is in place before a policy is attached.
          .set("depends_on", .list([ref("aws_s3_bucket_public_access_block.state")])),
        ]),
    ]
    return blocks.map { block in
      guard block.labels.first?.hasPrefix("aws_s3_bucket") == true else { return block }
      return HCLBlock(block.type, block.labels, provider + block.body)
    }
  }
}
