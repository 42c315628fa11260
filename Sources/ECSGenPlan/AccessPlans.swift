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
}

/// One resource of a policy statement.
public enum PolicyResource: Sendable, Equatable, Codable, Hashable {
  /// An ARN or `*`, used as written.
  case literal(String)
  /// An SSM parameter of this account and region, by path; renderers build the ARN from the
  /// partition, region and account of the deployment.
  case ssmParameter(path: String)
}
