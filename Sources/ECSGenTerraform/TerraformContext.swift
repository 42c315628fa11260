import ECSGenPlan

/// The plan plus the few Terraform spellings every resource needs: how an open input or a fixed
/// value is written, and the addresses of the resources that others refer to.
struct TerraformContext {
  let plan: DeploymentPlan

  var partition: HCLExpression { .reference("data.aws_partition.current.partition") }
  var accountID: HCLExpression { .reference("data.aws_caller_identity.current.account_id") }
  var region: HCLExpression { .reference("data.aws_region.current.name") }

  /// The cluster the service runs in: the created one, or the existing one by name.
  var clusterName: HCLExpression {
    switch plan.cluster {
    case .create: .reference("aws_ecs_cluster.this.name")
    case .existing(let name): .string(name)
    }
  }

  var clusterARN: HCLExpression {
    switch plan.cluster {
    case .create: .reference("aws_ecs_cluster.this.arn")
    case .existing(let name):
      .template([
        .literal("arn:"), .interpolation(partition), .literal(":ecs:"), .interpolation(region),
        .literal(":"), .interpolation(accountID), .literal(":cluster/\(name)"),
      ])
    }
  }

  func role(_ role: RolePlan, address: String) -> HCLExpression {
    switch role {
    case .existing(let arn): .string(arn)
    case .create: .reference("aws_iam_role.\(address).arn")
    }
  }

  /// A fixed value as a literal, an open one as its variable.
  func value(_ configurable: Configurable<String>) -> HCLExpression {
    switch configurable {
    case .fixed(let value): .string(value)
    case .input(let input): .reference("var.\(input.name)")
    }
  }

  func value(_ configurable: Configurable<[String]>) -> HCLExpression {
    switch configurable {
    case .fixed(let values): .list(values.map(HCLExpression.string))
    case .input(let input): .reference("var.\(input.name)")
    }
  }

  /// The full image reference the task runs.
  var image: HCLExpression {
    switch plan.image {
    case .external(let reference): .string(reference)
    case .built(let built):
      .template([
        .interpolation(.reference("aws_ecr_repository.this.repository_url")), .literal(":"),
        .interpolation(.reference("var.\(built.tagInput.name)")),
      ])
    }
  }

  /// The ARN of an AWS managed policy in the deployment's partition.
  func managedPolicyARN(_ policy: ManagedPolicy) -> HCLExpression {
    switch policy {
    case .arn(let arn): .string(arn)
    case .awsManaged(let name):
      .template([.literal("arn:"), .interpolation(partition), .literal(":iam::aws:policy/\(name)")])
    }
  }

  func policyResource(_ resource: PolicyResource) -> HCLExpression {
    switch resource {
    case .literal(let arn): .string(arn)
    case .ssmParameter(let path):
      .template([
        .literal("arn:"), .interpolation(partition), .literal(":ssm:"), .interpolation(region),
        .literal(":"), .interpolation(accountID), .literal(":parameter\(path)"),
      ])
    case .accountResource(let service, let path):
      .template([
        .literal("arn:"), .interpolation(partition), .literal(":\(service):"),
        .interpolation(region), .literal(":"), .interpolation(accountID), .literal(":\(path)"),
      ])
    case .created(let reference): self.reference(reference)
    case .accountID: accountID
    }
  }

  /// A value of the deployed infrastructure that the plan refers to, as a Terraform expression.
  func reference(_ reference: PlanReference) -> HCLExpression {
    switch reference {
    case .clusterARN: clusterARN
    case .taskDefinitionARN: .reference("aws_ecs_task_definition.this.arn")
    case .taskSubnetIDs: value(plan.network.taskSubnetIDs)
    case .taskSecurityGroupIDs:
      .list(
        [.reference("aws_security_group.tasks.id")]
          + plan.network.extraTaskSecurityGroupIDs.map(HCLExpression.string))
    case .taskRoleARN: role(plan.roles.task, address: "task")
    case .executionRoleARN: role(plan.roles.execution, address: "execution")
    case .queueARN: .reference("aws_sqs_queue.this.arn")
    case .queueURL: .reference("aws_sqs_queue.this.url")
    case .deadLetterQueueARN: .reference("aws_sqs_queue.dead_letter.arn")
    case .stateMachineARN: .reference("aws_sfn_state_machine.this.arn")
    case .eventRuleARN: .reference("aws_cloudwatch_event_rule.this.arn")
    }
  }
}
