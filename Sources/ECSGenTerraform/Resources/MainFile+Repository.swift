import ECSGenPlan

extension MainFile {
  /// The ECR repository a built image is pushed to: scanned on push, immutable tags, encrypted,
  /// and a lifecycle policy that keeps the newest images.
  func repositoryBlocks() -> [HCLBlock] {
    guard case .built(let image) = plan.image else { return [] }
    let lifecycle = HCLExpression.call(
      "jsonencode",
      [
        .object([
          HCLObjectItem(
            "rules",
            .list([
              .object([
                HCLObjectItem("rulePriority", .number(1)),
                HCLObjectItem(
                  "description",
                  .string("Expire untagged images after \(image.untaggedExpiryDays) days")),
                HCLObjectItem(
                  "selection",
                  .object([
                    HCLObjectItem("tagStatus", .string("untagged")),
                    HCLObjectItem("countType", .string("sinceImagePushed")),
                    HCLObjectItem("countUnit", .string("days")),
                    HCLObjectItem("countNumber", .number(image.untaggedExpiryDays)),
                  ])),
                HCLObjectItem("action", .object([HCLObjectItem("type", .string("expire"))])),
              ]),
              .object([
                HCLObjectItem("rulePriority", .number(2)),
                HCLObjectItem("description", .string("Keep the newest \(image.keepImages) images")),
                HCLObjectItem(
                  "selection",
                  .object([
                    HCLObjectItem("tagStatus", .string("any")),
                    HCLObjectItem("countType", .string("imageCountMoreThan")),
                    HCLObjectItem("countNumber", .number(image.keepImages)),
                  ])),
                HCLObjectItem("action", .object([HCLObjectItem("type", .string("expire"))])),
              ]),
            ]))
        ])
      ])
    return [
      resource(
        "aws_ecr_repository", "this",
        [
          .set("name", .string(image.repositoryName)),
          .set("image_tag_mutability", .string(image.immutableTags ? "IMMUTABLE" : "MUTABLE")),
          .blankLine,
          block("image_scanning_configuration", [.set("scan_on_push", .bool(image.scanOnPush))]),
          .blankLine,
          block(
            "encryption_configuration",
            [.set("encryption_type", .string(image.kmsEncryption ? "KMS" : "AES256"))]),
        ]),
      resource(
        "aws_ecr_lifecycle_policy", "this",
        [
          .set("repository", ref("aws_ecr_repository.this.name")),
          .set("policy", lifecycle),
        ]),
    ]
  }
}
