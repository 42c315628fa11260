import ECSGenDiagnostics

/// `roles`: the task role (what the application may do) and the execution role (what ECS needs to
/// start the task: pull the image, write logs, read the secrets).
public struct RolesSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var task: RoleSpec?
  public var execution: RoleSpec?

  public init(location: SourceLocation, task: RoleSpec? = nil, execution: RoleSpec? = nil) {
    self.location = location
    self.task = task
    self.execution = execution
  }
}

/// Either an existing role (`arn`), or the policies of a role that ecsgen creates.
public struct RoleSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var arn: Located<String>?
  public var managedPolicies: [Located<String>]?
  public var statements: [PolicyStatementSpec]?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// One IAM policy statement.
public struct PolicyStatementSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var effect: Located<PolicyEffect>?
  public var actions: [Located<String>]
  public var resources: [Located<String>]

  public init(
    location: SourceLocation, effect: Located<PolicyEffect>?, actions: [Located<String>],
    resources: [Located<String>]
  ) {
    self.location = location
    self.effect = effect
    self.actions = actions
    self.resources = resources
  }
}

public enum PolicyEffect: String, Sendable, Equatable, CaseIterable {
  case allow = "Allow"
  case deny = "Deny"
}
