/// Every AWS name derived from the service name, in one place.
///
/// The service name has at most 28 characters (validation enforces it), so every suffix below
/// keeps the names inside AWS's limits: 32 for load balancers and target groups, 64 for IAM roles,
/// 255 for security groups and ECS names.
public struct ResourceNames: Sendable, Equatable {
  public let service: String

  public init(service: String) {
    self.service = service
  }

  public var cluster: String { service }
  public var taskFamily: String { service }
  public var container: String { service }
  /// 28 + 4 = 32 characters at most.
  public var loadBalancer: String { "\(service)-alb" }
  /// 28 + 3 = 31 characters at most.
  public var targetGroup: String { "\(service)-tg" }
  public var loadBalancerSecurityGroup: String { "\(service)-alb" }
  public var tasksSecurityGroup: String { "\(service)-tasks" }
  public var taskRole: String { "\(service)-task" }
  public var executionRole: String { "\(service)-execution" }
  public func scalingPolicy(_ metric: String) -> String { "\(service)-\(metric)" }
}
