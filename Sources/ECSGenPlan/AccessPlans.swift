/// The two IAM roles of the task.
public struct RolesPlan: Sendable, Equatable, Codable {
  /// What the application may call.
  public var task: RolePlan
  /// What ECS uses to start the task: pull the image, write logs, read the secrets.
  public var execution: RolePlan
}

public enum RolePlan: Sendable, Equatable, Codable {
  case existing(arn: String)
  case create(CreatedRolePlan)

  /// The role ecsgen creates, or nil for an existing one.
  public var created: CreatedRolePlan? {
    if case .create(let role) = self { return role }
    return nil
  }
}

/// A role ecsgen creates, trusted by `ecs-tasks.amazonaws.com` only.
public struct CreatedRolePlan: Sendable, Equatable, Codable {
  public var name: String
  public var description: String
  /// The service principal allowed to assume the role.
  public var trustedService: String
  /// Restrict the trust to this account's ECS (`aws:SourceAccount`, `aws:SourceArn`), against the
  /// confused-deputy problem.
  public var confusedDeputyGuard: Bool
  public var managedPolicies: [ManagedPolicy]
  /// The inline policy; empty means the role has no inline policy.
  public var statements: [PolicyStatement]
  /// Conditions on the trust (`aws:SourceAccount`) for a role trusted by another service than
  /// ECS (Step Functions, Scheduler, EventBridge); empty for the task's roles, whose guard is
  /// `confusedDeputyGuard`.
  public var trustConditions: [PolicyCondition] = []
}

/// A managed policy attached to a created role.
public enum ManagedPolicy: Sendable, Equatable, Codable, Hashable {
  /// An AWS managed policy by path and name (`service-role/AmazonECSTaskExecutionRolePolicy`);
  /// renderers add the partition.
  case awsManaged(String)
  /// A policy ARN given in the spec.
  case arn(String)
}

public struct PolicyStatement: Sendable, Equatable, Codable {
  /// A stable id for the statement (`ReadSecrets`), empty when the user wrote it.
  public var sid: String
  public var effect: String
  public var actions: [String]
  public var resources: [PolicyResource]
  /// For a resource policy (a queue's): the AWS services (`sns.amazonaws.com`) or `*` allowed or
  /// denied; empty in a role's policy, which has no principal.
  public var principals: [String] = []
  /// Conditions that must all hold, in a stable order.
  public var conditions: [PolicyCondition] = []

  public init(
    sid: String, effect: String, actions: [String], resources: [PolicyResource],
    principals: [String] = [], conditions: [PolicyCondition] = []
  ) {
    self.sid = sid
    self.effect = effect
    self.actions = actions
    self.resources = resources
    self.principals = principals
    self.conditions = conditions
  }
}

/// One condition of a policy statement (`ArnEquals` `aws:SourceArn` [...]).
public struct PolicyCondition: Sendable, Equatable, Codable {
  public var test: String
  public var variable: String
  public var values: [PolicyResource]
}

/// One resource of a policy statement.
public enum PolicyResource: Sendable, Equatable, Codable, Hashable {
  /// An ARN or `*`, used as written.
  case literal(String)
  /// An SSM parameter of this account and region, by path; renderers build the ARN from the
  /// partition, region and account of the deployment.
  case ssmParameter(path: String)
  /// A resource of this account and region by its path within a service
  /// (`ecs`, `task-definition/orders:*`); renderers build `arn:PARTITION:ecs:REGION:ACCOUNT:PATH`.
  case accountResource(service: String, path: String)
  /// The ARN of a resource the plan creates (a queue, the state machine, a role).
  case created(PlanReference)
  /// This account's id (for `aws:SourceAccount`).
  case accountID
}
