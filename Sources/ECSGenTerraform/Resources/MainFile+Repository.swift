import ECSGenPlan

extension MainFile {
  /// The ECR repository a built image is pushed to: scanned on push, immutable tags, encrypted,
  /// and a lifecycle policy that keeps the newest images.
  func repositoryBlocks() -> [HCLBlock] {
    guard case .built(let image) = plan.image else { return [] }
    let rules = image.lifecycleRules.map { rule -> HCLExpression in
      var selection = [
        HCLObjectItem("tagStatus", .string(rule.tagStatus)),
        HCLObjectItem("countType", .string(rule.countType)),
      ]
      if let unit = rule.countUnit { selection.append(HCLObjectItem("countUnit", .string(unit))) }
      selection.append(HCLObjectItem("countNumber", .number(rule.countNumber)))
      return .object([
        HCLObjectItem("rulePriority", .number(rule.priority)),
        HCLObjectItem("description", .string(rule.description)),
        HCLObjectItem("selection", .object(selection)),
        HCLObjectItem("action", .object([HCLObjectItem("type", .string("expire"))])),
      ])
    }
    let lifecycle = HCLExpression.call(
      "jsonencode", [.object([HCLObjectItem("rules", .list(rules))])])
    return [
      resource(
        "aws_ecr_repository", "this",
        [
          .set("name", .string(image.repositoryName)),
          .set("image_tag_mutability", .string(image.immutableTags ? "IMMUTABLE" : "MUTABLE")),
          .set("force_delete", .bool(image.deleteImagesOnDestroy)),
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
