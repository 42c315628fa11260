import ECSGenDiagnostics

/// `logs`: where the container's output goes.
public struct LogsSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var group: Located<String>?
  public var retentionDays: Located<Int>?
  public var kmsKeyARN: Located<String>?
  /// What happens to the log group when the infrastructure is destroyed or the group replaced.
  public var onDestroy: Located<OnDestroy>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// `logs.on_destroy`: whether destroying the infrastructure deletes the log group or keeps it.
public enum OnDestroy: String, Sendable, Equatable, CaseIterable {
  case keep
  case delete
}

/// `autoscaling`: target tracking on CPU, memory, requests per target or queue backlog.
public struct AutoscalingSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var min: Located<Int>?
  public var max: Located<Int>?
  /// Target average CPU utilisation, percent.
  public var cpu: Located<Int>?
  /// Target average memory utilisation, percent.
  public var memory: Located<Int>?
  public var requestsPerTarget: Located<Int>?
  /// Visible messages per running task (`worker` only).
  public var messagesPerTask: Located<Int>?
  /// Seconds.
  public var scaleInCooldown: Located<Int>?
  /// Seconds.
  public var scaleOutCooldown: Located<Int>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// `deployment`: how ECS replaces tasks during a rolling deployment.
public struct DeploymentSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var minHealthyPercent: Located<Int>?
  public var maxPercent: Located<Int>?
  public var rollback: Located<Bool>?
  /// Existing CloudWatch alarm names: a deployment during which one goes into ALARM fails and
  /// rolls back (`deployment.alarms`).
  public var alarms: Located<[Located<String>]>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// `network`: where the tasks and the load balancer run. Whatever is absent becomes an input of
/// the generated infrastructure (a Terraform variable, a CloudFormation parameter).
public struct NetworkSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var vpcID: Located<String>?
  public var subnets: [Located<String>]?
  public var loadBalancerSubnets: [Located<String>]?
  public var securityGroups: [Located<String>]?
  public var assignPublicIP: Located<Bool>?
  /// Extra outbound rules of the tasks' own security group (it allows only HTTPS otherwise).
  public var egress: [EgressRuleSpec]?

  public init(location: SourceLocation) {
    self.location = location
  }
}
