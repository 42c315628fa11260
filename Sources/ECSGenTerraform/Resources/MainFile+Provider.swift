import ECSGenPlan

extension MainFile {
  /// The provider, with the spec's tags on every resource, and the data sources ARNs are built from.
  func providerBlocks() -> [HCLBlock] {
    var provider: [HCLBodyItem] = []
    provider.append(.set("region", context.value(plan.region)))
    provider += [
      .blankLine,
      block(
        "default_tags",
        [.set("tags", .object(plan.tags.map { HCLObjectItem($0.key, .string($0.value)) }))]),
    ]
    return [
      HCLBlock("provider", ["aws"], provider),
      HCLBlock("data", ["aws_caller_identity", "current"], []),
      HCLBlock("data", ["aws_partition", "current"], []),
      HCLBlock("data", ["aws_region", "current"], []),
    ]
  }

  func clusterBlocks() -> [HCLBlock] {
    guard case .create(let name, let insights) = plan.cluster else { return [] }
    return [
      resource(
        "aws_ecs_cluster", "this",
        [
          .set("name", .string(name)),
          .blankLine,
          block(
            "setting",
            [
              .set("name", .string("containerInsights")),
              .set("value", .string(insights ? "enabled" : "disabled")),
            ]),
        ])
    ]
  }

  func logBlocks() -> [HCLBlock] {
    var body: [HCLBodyItem] = [
      .set("name", .string(plan.logs.groupName)),
      .set("retention_in_days", .number(plan.logs.retentionDays)),
    ]
    if let key = plan.logs.kmsKeyARN { body.append(.set("kms_key_id", .string(key))) }
    // Written either way, so that a reviewer sees what destroy does to the logs.
    body.append(.set("skip_destroy", .bool(plan.logs.keepOnDestroy)))
    return [resource("aws_cloudwatch_log_group", "this", body)]
  }
}
