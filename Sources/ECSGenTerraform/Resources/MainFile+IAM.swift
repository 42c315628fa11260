import ECSGenPlan

extension MainFile {
  /// The trust policy both created roles share, the roles, their inline policies and attachments.
  func roleBlocks() -> [HCLBlock] {
    let roles = [("task", plan.roles.task), ("execution", plan.roles.execution)]
    let created = roles.compactMap { name, role in role.created.map { (name, $0) } }
    guard let first = created.first?.1 else { return [] }
    let trust = "ecs_tasks_assume_role"
    return [trustPolicy(first, name: trust)]
      + created.flatMap { name, role in createdRoleBlocks(name, role, trust: trust) }
  }

  /// A role trusted by another service than ECS (a job's state machine role, its invoke role):
  /// its own trust policy, then the role, its inline policy and attachments.
  func serviceRoleBlocks(_ name: String, _ role: CreatedRolePlan) -> [HCLBlock] {
    let trust = "\(name)_assume_role"
    return [trustPolicy(role, name: trust)] + createdRoleBlocks(name, role, trust: trust)
  }

  /// The role at `aws_iam_role.NAME`, trusted through `data.aws_iam_policy_document.TRUST`.
  private func createdRoleBlocks(_ name: String, _ role: CreatedRolePlan, trust: String)
    -> [HCLBlock]
  {
    var blocks = [
      resource(
        "aws_iam_role", name,
        [
          .set("name", .string(role.name)),
          .set("description", .string(role.description)),
          .set("assume_role_policy", ref("data.aws_iam_policy_document.\(trust).json")),
        ])
    ]
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
    return blocks
  }

  /// The role's service may assume it: `ecs-tasks.amazonaws.com` only on behalf of ECS in this
  /// account and region (the confused-deputy conditions the ECS documentation recommends), another
  /// service under the plan's `trustConditions`.
  private func trustPolicy(_ role: CreatedRolePlan, name: String) -> HCLBlock {
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
    statement += role.trustConditions.map(condition)
    return HCLBlock("data", ["aws_iam_policy_document", name], [block("statement", statement)])
  }

  /// `data.aws_iam_policy_document.NAME`: a role's inline policy, or a queue's resource policy
  /// (whose statements name principals).
  func policyDocument(_ name: String, _ statements: [PolicyStatement]) -> HCLBlock {
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
        if !statement.principals.isEmpty || !statement.conditions.isEmpty {
          body.append(.blankLine)
        }
        body += principalBlocks(statement.principals)
        body += statement.conditions.map(condition)
        return block("statement", body)
      })
  }

  /// One `principals` block per principal type: `*` (anyone, as in a deny-without-TLS
  /// statement), an AWS service (`sns.amazonaws.com`), or an account or role ARN.
  private func principalBlocks(_ principals: [String]) -> [HCLBodyItem] {
    let types = ["*", "Service", "AWS"]
    let grouped = Dictionary(grouping: principals) { principal in
      principal == "*" ? "*" : principal.hasSuffix(".amazonaws.com") ? "Service" : "AWS"
    }
    return types.compactMap { type in
      grouped[type].map { identifiers in
        block(
          "principals",
          [
            .set("type", .string(type)),
            .set("identifiers", .list(identifiers.map(HCLExpression.string))),
          ])
      }
    }
  }

  private func condition(_ condition: PolicyCondition) -> HCLBodyItem {
    block(
      "condition",
      [
        .set("test", .string(condition.test)),
        .set("variable", .string(condition.variable)),
        .set("values", .list(condition.values.map(context.policyResource))),
      ])
  }
}
