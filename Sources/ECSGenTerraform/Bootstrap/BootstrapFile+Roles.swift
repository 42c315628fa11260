import ECSGenPlan

extension BootstrapFile {
  /// Each role with its trust policy (exactly the subjects its job sends) and its inline policy.
  func roleBlocks() -> [HCLBlock] {
    [("deploy", bootstrap.deployRole), ("plan", bootstrap.planRole)].flatMap { address, role in
      [
        trustPolicy(address, role),
        resource(
          "aws_iam_role", address,
          [
            .set("name", .string(role.name))
          ] + (role.path == "/" ? [] : [HCLBodyItem.set("path", .string(role.path))]) + [
            .set("description", .string(role.description)),
            .set("assume_role_policy", ref("data.aws_iam_policy_document.\(address)_trust.json")),
          ]),
        policyDocument(address, role.statements),
        resource(
          "aws_iam_role_policy", address,
          [
            .set("name", .string(role.name)),
            .set("role", ref("aws_iam_role.\(address).id")),
            .set("policy", ref("data.aws_iam_policy_document.\(address).json")),
          ]),
      ]
    }
  }

  private func trustPolicy(_ address: String, _ role: CIRolePlan) -> HCLBlock {
    let host = bootstrap.oidcProvider.host
    let suffixes = role.subjectSuffixes.map { "\"\($0)\"" }.joined(separator: ", ")
    let subjects =
      role.subjectSuffixes.count == 1
      ? "[for prefix in local.github_subject_prefixes : \"${prefix}:\(role.subjectSuffixes[0])\"]"
      : "[for pair in setproduct(local.github_subject_prefixes, [\(suffixes)]) : join(\":\", pair)]"
    return HCLBlock(
      "data", ["aws_iam_policy_document", "\(address)_trust"],
      [
        block(
          "statement",
          [
            .set("effect", .string("Allow")),
            .set("actions", .list([.string("sts:AssumeRoleWithWebIdentity")])),
            .blankLine,
            block(
              "principals",
              [
                .set("type", .string("Federated")),
                .set("identifiers", .list([ref("local.github_oidc_provider_arn")])),
              ]),
            block(
              "condition",
              [
                .set("test", .string("StringEquals")),
                .set("variable", .string("\(host):aud")),
                .set("values", .list([.string(bootstrap.oidcProvider.audience)])),
              ]),
            block(
              "condition",
              [
                .set("test", .string("StringEquals")),
                .set("variable", .string("\(host):sub")),
                .set("values", .raw(subjects)),
              ]),
          ])
      ])
  }

  private func policyDocument(_ address: String, _ statements: [BootstrapStatement]) -> HCLBlock {
    HCLBlock(
      "data", ["aws_iam_policy_document", address],
      statements.map { statement in
        var body: [HCLBodyItem] = []
        if let comment = statement.comment {
          body += wrap(comment).map(HCLBodyItem.comment)
        }
        body += [
          .set("sid", .string(statement.sid)),
          .set("effect", .string("Allow")),
          .set("actions", .list(statement.actions.map(HCLExpression.string))),
          .set("resources", .list(statement.resources.map(arn))),
        ]
        for condition in statement.conditions {
          body.append(
            block(
              "condition",
              [
                .set("test", .string(condition.test)),
                .set("variable", .string(condition.variable)),
                .set("values", .list(condition.values.map(conditionValue))),
              ]))
        }
        return block("statement", body)
      })
  }

  /// Comment text in lines of at most 88 characters, so that the file stays readable.
  private func wrap(_ text: String) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + word.count + 1 > 88 {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
