import ECSGenDiagnostics

extension SpecValidator {
  /// `roles.task` and `roles.execution`.
  func checkRoles(_ spec: ServiceSpec, _ findings: inout Findings) {
    if let task = spec.roles?.task { checkRole(task, path: "roles.task", &findings) }
    if let execution = spec.roles?.execution {
      checkRole(execution, path: "roles.execution", &findings)
    }
  }

  private func checkRole(_ role: RoleSpec, path: String, _ findings: inout Findings) {
    if let arn = role.arn {
      if role.managedPolicies != nil || role.statements != nil {
        findings.add(
          .error(
            "role-conflict", at: arn.location,
            "`\(path)` gives an existing role (`arn`) and policies for a new one; either use the existing role and remove `managed_policies` and `statements`, or remove `arn` to let ecsgen create the role"
          ))
      }
      if !IdentifierPatterns.isRoleARN(arn.value) {
        findings.add(
          .error(
            "role-arn", at: arn.location,
            "`\(path).arn` is `\(arn.value)`, which is not an IAM role ARN; write `arn:aws:iam::ACCOUNT_ID:role/NAME`"
          ))
      }
    }
    for policy in role.managedPolicies ?? []
    where !IdentifierPatterns.isManagedPolicyARN(policy.value) {
      findings.add(
        .error(
          "policy-arn", at: policy.location,
          "`\(policy.value)` is not a managed policy ARN; write `arn:aws:iam::aws:policy/NAME` for an AWS managed policy or `arn:aws:iam::ACCOUNT_ID:policy/NAME` for your own"
        ))
    }
    for statement in role.statements ?? [] {
      for action in statement.actions {
        if action.value == "*" {
          findings.add(
            .warning(
              "policy-wildcard", at: action.location,
              "action `*` allows every AWS API call; list the actions the service needs, such as `s3:GetObject`"
            ))
        } else if !IdentifierPatterns.isIAMAction(action.value) {
          findings.add(
            .error(
              "policy-action", at: action.location,
              "`\(action.value)` is not an IAM action; write `service:Action`, such as `dynamodb:GetItem` or `s3:Get*`"
            ))
        }
      }
      for resource in statement.resources {
        if resource.value == "*" {
          findings.add(
            .warning(
              "policy-wildcard", at: resource.location,
              "resource `*` applies the statement to every resource in the account; list the ARNs the service uses"
            ))
        } else if !IdentifierPatterns.isARN(resource.value) {
          findings.add(
            .error(
              "policy-resource", at: resource.location,
              "`\(resource.value)` is not an ARN; write the resource's ARN, such as `arn:aws:dynamodb:eu-west-2:123456789012:table/orders`, or `*`"
            ))
        }
      }
    }
  }
}
