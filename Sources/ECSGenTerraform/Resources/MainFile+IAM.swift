import ECSGenPlan

extension MainFile {
  /// The trust policy both created roles share, the roles, their inline policies and attachments.
  func roleBlocks() -> [HCLBlock] {
    let roles = [("task", plan.roles.task), ("execution", plan.roles.execution)]
    let created = roles.compactMap { name, role in role.created.map { (name, $0) } }
    guard let first = created.first?.1 else { return [] }
    var blocks = [trustPolicy(first)]
    for (name, role) in created {
      blocks.append(
        resource(
          "aws_iam_role", name,
          [
            .set("name", .string(role.name)),
            .set("description", .string(role.description)),
            .set(
              "assume_role_policy", ref("data.aws_iam_policy_document.ecs_tasks_assume_role.json")),
          ]))
      if !role.statements.isEmpty {
        blocks.append(policyDocument(name, role.statements))
        blocks.append(
          resource(
            "aws_iam_role_policy", name,
            [
              .set("name", .string(role.name)),
              .set("role", ref("aws_iam_role.\(name).id")),
              .set("policy", ref("data.aws_iam_policy_document.\(name).json")),
            ]))
      }
      if !role.managedPolicies.isEmpty {
        blocks.append(
          resource(
            "aws_iam_role_policy_attachment", name,
            [
              .set(
                "for_each",
                .call("toset", [.list(role.managedPolicies.map(context.managedPolicyARN))])),
              .blankLine,
              .set("role", ref("aws_iam_role.\(name).name")),
              .set("policy_arn", ref("each.value")),
            ]))
      }
    }
    return blocks
  }

  /// `ecs-tasks.amazonaws.com` may assume the roles, only on behalf of ECS in this account and
  /// region (the confused-deputy conditions the ECS documentation recommends).
  private func trustPolicy(_ role: CreatedRolePlan) -> HCLBlock {
    var statement: [HCLBodyItem] = [
      .set("effect", .string("Allow")),
      .set("actions", .list([.string("sts:AssumeRole")])),
      .blankLine,
      block(
        "principals",
        [
          .set("type", .string("Service")),
          .set("identifiers", .list([.string(role.trustedService)])),
        ]),
    ]
    if role.confusedDeputyGuard {
      statement += [
        block(
          "condition",
          [
            .set("test", .string("StringEquals")),
            .set("variable", .string("aws:SourceAccount")),
            .set("values", .list([context.accountID])),
          ]),
        block(
          "condition",
          [
            .set("test", .string("ArnLike")),
            .set("variable", .string("aws:SourceArn")),
            .set(
              "values",
              .list([
                .template([
                  .literal("arn:"), .interpolation(context.partition), .literal(":ecs:"),
                  .interpolation(context.region), .literal(":"), .interpolation(context.accountID),
                  .literal(":*"),
                ])
              ])),
          ]),
      ]
    }
    return HCLBlock(
      "data", ["aws_iam_policy_document", "ecs_tasks_assume_role"], [block("statement", statement)])
  }

  private func policyDocument(_ name: String, _ statements: [PolicyStatement]) -> HCLBlock {
    HCLBlock(
      "data", ["aws_iam_policy_document", name],
      statements.map { statement in
        var body: [HCLBodyItem] = []
        if !statement.sid.isEmpty { body.append(.set("sid", .string(statement.sid))) }
        body += [
          .set("effect", .string(statement.effect)),
          .set("actions", .list(statement.actions.map(HCLExpression.string))),
          .set("resources", .list(statement.resources.map(context.policyResource))),
        ]
        return block("statement", body)
      })
  }
}
