import ECSGenPlan

extension Resources {
  func clusterAndLogs() -> [JSONMember] {
    var members: [JSONMember] = []
    if case .create(let name, let insights) = plan.cluster {
      members.append(
        JSONMember(
          ID.cluster,
          resource(
            "AWS::ECS::Cluster",
            [
              "ClusterName": .string(name),
              "ClusterSettings": .array([
                .sorted([
                  "Name": .string("containerInsights"),
                  "Value": .string(insights ? "enabled" : "disabled"),
                ])
              ]),
              "Tags": context.tags,
            ].merging(clusterCapacityProperties) { $1 })))
    }
    var logGroup: [String: JSONValue] = [
      "LogGroupName": .string(plan.logs.groupName),
      "RetentionInDays": .int(plan.logs.retentionDays),
      "Tags": context.tags,
    ]
    if let key = plan.logs.kmsKeyARN { logGroup["KmsKeyId"] = .string(key) }
    members.append(
      JSONMember(
        ID.logGroup,
        resource(
          "AWS::Logs::LogGroup", retention: plan.logs.keepOnDestroy ? .keep : .delete, logGroup)))
    return members
  }

  /// The created roles, trusted by `ecs-tasks.amazonaws.com` on behalf of this account's ECS only.
  func roles() -> [JSONMember] {
    [(ID.taskRole, plan.roles.task), (ID.executionRole, plan.roles.execution)].compactMap {
      id, role in
      guard let created = role.created else { return nil }
      return JSONMember(id, resource("AWS::IAM::Role", roleProperties(created)))
    }
  }

  /// A created role: its trust policy, managed policies and inline policy. The task's roles and a
  /// job's state machine and invoke roles share it.
  func roleProperties(_ created: CreatedRolePlan) -> [String: JSONValue] {
    var properties: [String: JSONValue] = [
      "RoleName": .string(created.name),
      "Description": .string(created.description),
      "AssumeRolePolicyDocument": trustPolicy(created),
      "Tags": context.tags,
    ]
    if !created.managedPolicies.isEmpty {
      properties["ManagedPolicyArns"] = .array(
        created.managedPolicies.map(context.managedPolicyARN))
    }
    if !created.statements.isEmpty {
      properties["Policies"] = .array([
        .sorted([
          "PolicyName": .string(created.name),
          "PolicyDocument": policyDocument(created.statements),
        ])
      ])
    }
    return properties
  }

  private func trustPolicy(_ role: CreatedRolePlan) -> JSONValue {
    var statement: [String: JSONValue] = [
      "Effect": .string("Allow"),
      "Principal": .sorted(["Service": .string(role.trustedService)]),
      "Action": .string("sts:AssumeRole"),
    ]
    if role.confusedDeputyGuard {
      statement["Condition"] = .sorted([
        "StringEquals": .sorted(["aws:SourceAccount": Intrinsic.ref(Intrinsic.accountID)]),
        "ArnLike": .sorted([
          "aws:SourceArn": Intrinsic.sub([
            .literal("arn:"), .variable(Intrinsic.partition), .literal(":ecs:"),
            .variable(Intrinsic.region), .literal(":"), .variable(Intrinsic.accountID),
            .literal(":*"),
          ])
        ]),
      ])
    } else if !role.trustConditions.isEmpty {
      statement["Condition"] = conditions(role.trustConditions)
    }
    return .sorted(["Version": .string("2012-10-17"), "Statement": .array([.sorted(statement)])])
  }

  /// An IAM policy document: a role's inline policy or a queue's resource policy.
  func policyDocument(_ statements: [PolicyStatement]) -> JSONValue {
    .sorted([
      "Version": .string("2012-10-17"),
      "Statement": .array(statements.map(statement)),
    ])
  }

  private func statement(_ statement: PolicyStatement) -> JSONValue {
    var members: [String: JSONValue] = [
      "Effect": .string(statement.effect),
      "Action": .array(statement.actions.map(JSONValue.string)),
      "Resource": .array(statement.resources.map(context.policyResource)),
    ]
    if !statement.sid.isEmpty { members["Sid"] = .string(statement.sid) }
    // A resource policy's principals: everyone (`*`, for a deny) or AWS services.
    if statement.principals == ["*"] {
      members["Principal"] = .string("*")
    } else if !statement.principals.isEmpty {
      members["Principal"] = .sorted([
        "Service": .array(statement.principals.map(JSONValue.string))
      ])
    }
    if !statement.conditions.isEmpty { members["Condition"] = conditions(statement.conditions) }
    return .sorted(members)
  }

  /// `{"Test": {"variable": [values]}}`, conditions with the same operator in one object.
  private func conditions(_ conditions: [PolicyCondition]) -> JSONValue {
    var byTest: [String: [String: JSONValue]] = [:]
    for condition in conditions {
      byTest[condition.test, default: [:]][condition.variable] = .array(
        condition.values.map(context.policyResource))
    }
    return .sorted(byTest.mapValues { JSONValue.sorted($0) })
  }

  /// The ECR repository for a built image, with the same lifecycle rules as the Terraform.
  func repository() -> [JSONMember] {
    guard case .built(let image) = plan.image else { return [] }
    let rules = image.lifecycleRules.map { rule -> JSONValue in
      var selection = [
        JSONMember("tagStatus", .string(rule.tagStatus)),
        JSONMember("countType", .string(rule.countType)),
      ]
      if let unit = rule.countUnit { selection.append(JSONMember("countUnit", .string(unit))) }
      selection.append(JSONMember("countNumber", .int(rule.countNumber)))
      return .object([
        JSONMember("rulePriority", .int(rule.priority)),
        JSONMember("description", .string(rule.description)),
        JSONMember("selection", .object(selection)),
        JSONMember("action", .object([JSONMember("type", .string("expire"))])),
      ])
    }
    let lifecycle = JSONPrinter(compact: true).print(
      .object([JSONMember("rules", .array(rules))]))
    return [
      JSONMember(
        ID.repository,
        resource(
          "AWS::ECR::Repository",
          [
            "RepositoryName": .string(image.repositoryName),
            "ImageTagMutability": .string(image.immutableTags ? "IMMUTABLE" : "MUTABLE"),
            "EmptyOnDelete": .bool(image.deleteImagesOnDestroy),
            "ImageScanningConfiguration": .sorted(["ScanOnPush": .bool(image.scanOnPush)]),
            "EncryptionConfiguration": .sorted([
              "EncryptionType": .string(image.kmsEncryption ? "KMS" : "AES256")
            ]),
            "LifecyclePolicy": .sorted(["LifecyclePolicyText": .string(lifecycle)]),
            "Tags": context.tags,
          ]))
    ]
  }
}
