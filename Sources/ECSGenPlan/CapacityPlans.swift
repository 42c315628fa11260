/// One capacity provider of a strategy: FARGATE or FARGATE_SPOT, its base and its weight.
public struct CapacityProviderStrategyItem: Sendable, Equatable, Codable {
  /// `FARGATE` or `FARGATE_SPOT`.
  public var capacityProvider: String
  /// Tasks placed on this provider before the weights share out the rest.
  public var base: Int
  /// This provider's share of the tasks beyond the base, relative to the other weights.
  public var weight: Int

  public init(capacityProvider: String, base: Int, weight: Int) {
    self.capacityProvider = capacityProvider
    self.base = base
    self.weight = weight
  }
}

/// Fargate Spot (`capacity`): the service runs on a capacity provider strategy instead of the
/// FARGATE launch type. With a strategy, renderers leave `launchType` out (ECS refuses both).
public struct CapacityPlan: Sendable, Equatable, Codable {
  /// Only the providers that get tasks (a base or a weight above 0), FARGATE first.
  public var strategy: [CapacityProviderStrategyItem]
  /// Terraform only (`force_new_deployment`): hashicorp/aws 5.100 replaces the service when its
  /// strategy changes unless this is on (then it updates it in place and starts a deployment
  /// that moves the tasks). CloudFormation updates a changed strategy in place since June 2025.
  public var terraformForceNewDeployment: Bool
}

/// `deployment.alarms`: CloudWatch alarms that ECS watches during a deployment; one in ALARM
/// fails the deployment (and rolls it back when `rollback` is on).
public struct DeploymentAlarmsPlan: Sendable, Equatable, Codable {
  /// In the spec's order.
  public var alarmNames: [String]
  public var enable: Bool
  /// The spec's `deployment.rollback`, as for the circuit breaker.
  public var rollback: Bool

  public init(alarmNames: [String], enable: Bool, rollback: Bool) {
    self.alarmNames = alarmNames
    self.enable = enable
    self.rollback = rollback
  }
}

/// The capacity providers of a cluster that ecsgen creates, added when the service uses Fargate
/// Spot (a strategy can only name providers associated with its cluster).
public struct ClusterCapacityProvidersPlan: Sendable, Equatable, Codable {
  /// `FARGATE` and `FARGATE_SPOT`.
  public var providers: [String]
  /// What a task started without a strategy or launch type gets: regular Fargate.
  public var defaultStrategy: [CapacityProviderStrategyItem]
}
