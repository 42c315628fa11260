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
    return adoptionBlocks() + [resource("aws_cloudwatch_log_group", "this", body)]
  }

  /// A group kept by an earlier destroy is imported instead of created again: the data source
  /// lists the groups that start with the name (it finds none on a first create, which is not
  /// an error), and the import runs only for an exact match. Once the group is in the state, the
  /// import block does nothing.
  private func adoptionBlocks() -> [HCLBlock] {
    guard plan.logs.adoptExisting else { return [] }
    let names = ref("data.aws_cloudwatch_log_groups.kept.log_group_names")
    let name = HCLExpression.string(plan.logs.groupName)
    return [
      HCLBlock(
        "data", ["aws_cloudwatch_log_groups", "kept"], [.set("log_group_name_prefix", name)]),
      HCLBlock(
        "import", [],
        [
          .set("for_each", .call("toset", [.call("matchkeys", [names, names, .list([name])])])),
          .set("to", ref("aws_cloudwatch_log_group.this")),
          .set("id", ref("each.value")),
        ]),
    ]
  }
}
