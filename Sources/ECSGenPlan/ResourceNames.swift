/// Every AWS name derived from the service name, in one place.
///
/// The service name has at most 28 characters (validation enforces it), so every suffix below
/// keeps the names inside AWS's limits: 32 for load balancers and target groups, 64 for IAM roles,
/// 255 for security groups and ECS names.
///
/// Resources that AWS replaces when one of their attributes changes get a name that changes with
/// those attributes (`replaceableName`), so that the new resource can exist beside the old one
/// while the old one is still in use: Terraform creates the new one first
/// (`create_before_destroy`), and CloudFormation replaces a custom-named resource only under a
/// new name. The other names change only with the service name, which replaces everything.
public struct ResourceNames: Sendable, Equatable {
  public let service: String

  public init(service: String) {
    self.service = service
  }

  /// Load balancer and target group names: at most 32 characters.
  static let elbNameLimit = 32
  static let hashLength = 6

  public var cluster: String { service }
  public var taskFamily: String { service }
  public var container: String { service }
  /// `SERVICE-alb-HASH`, the hash over what replaces a load balancer: its scheme (and the VPC
  /// when the spec fixes it: a load balancer cannot move to another VPC, so a new VPC needs a new
  /// load balancer).
  public func loadBalancer(isInternal: Bool, vpcID: String?) -> String {
    replaceableName(
      "\(service)-alb",
      attributes: ["application", isInternal ? "internal" : "internet-facing", vpcID ?? ""])
  }
  /// `SERVICE-tg-HASH`, the hash over what replaces a target group: port, protocol, target type
  /// (and the VPC when the spec fixes it), and the load balancer it forwards for
  /// (`loadBalancer`). A target group belongs to one load balancer at a time: AWS refuses a
  /// listener or rule of a second one (`TargetGroupAssociationLimit`), and CloudFormation creates
  /// the new listener or rule before it deletes the old one (as Terraform does for a load
  /// balancer it replaces with `create_before_destroy`). So a group that moves to another load
  /// balancer (a replaced one, or another shared one) must be a new group under a new name.
  /// `loadBalancer` is empty for the default internet-facing load balancer of the service's own,
  /// so that those names stay what they were before it was part of the hash.
  public func targetGroup(
    port: Int, targetProtocol: String, targetType: String, vpcID: String?,
    loadBalancer: [String] = []
  ) -> String {
    replaceableName(
      "\(service)-tg",
      attributes: [String(port), targetProtocol, targetType, vpcID ?? ""] + loadBalancer)
  }
  /// Security groups are replaced when their VPC or description changes, and the VPC may be an
  /// input known only at apply time: only a prefix is fixed, and each tool completes the name
  /// (Terraform's `name_prefix`; CloudFormation generates `STACK-LOGICALID-SUFFIX`).
  public var loadBalancerSecurityGroupPrefix: String { "\(service)-alb-" }
  public var tasksSecurityGroupPrefix: String { "\(service)-tasks-" }
  public var taskRole: String { "\(service)-task" }
  public var executionRole: String { "\(service)-execution" }
  public func scalingPolicy(_ metric: String) -> String { "\(service)-\(metric)" }
  /// A worker's created queue; FIFO queue names must end in `.fifo`.
  public func queue(fifo: Bool) -> String { fifo ? "\(service).fifo" : service }
  /// A worker's or a job's dead-letter queue.
  public func deadLetterQueue(fifo: Bool) -> String {
    fifo ? "\(service)-dlq.fifo" : "\(service)-dlq"
  }
  /// A job's state machine, schedule and rule.
  public var stateMachine: String { service }
  public var schedule: String { service }
  public var eventRule: String { service }
  /// The role Step Functions runs a job's state machine as.
  public var stateMachineRole: String { "\(service)-states" }
  /// The role Scheduler or EventBridge starts a job's state machine with.
  public func invokeRole(scheduled: Bool) -> String {
    "\(service)-\(scheduled ? "scheduler" : "events")"
  }
  /// Step Functions' vended log groups live under `/aws/vendedlogs/`, which keeps the log
  /// delivery's resource policy small.
  public var stateMachineLogGroup: String { "/aws/vendedlogs/states/\(service)" }
  /// The access-log bucket ecsgen creates: `SERVICE-lblogs-ACCOUNT-REGION`, at most
  /// 28 + 8 + 12 + 1 + 14 = 63 characters, S3's limit.
  public func accessLogBucket(region: String) -> [NamePart] {
    [.literal("\(service)-lblogs-"), .accountID, .literal("-\(region)")]
  }
  /// A worker scaled to zero: the alarm and the policy that start its first task.
  public var wakeUpAlarm: String { "\(service)-wake-up" }

  /// What every load balancer name of this service starts with (`orders-api-alb-`), for IAM
  /// policies and searches that must match any of its generations.
  public var loadBalancerNamePrefix: String { readable("\(service)-alb") + "-" }
  /// What every target group name of this service starts with (`orders-api-tg-`).
  public var targetGroupNamePrefix: String { readable("\(service)-tg") + "-" }

  /// `BASE-HASH` within the load balancer limit: the base cut so that the hash fits (a 28
  /// character service keeps its first 25 characters), never ending in `-`.
  func replaceableName(_ base: String, attributes: [String]) -> String {
    // The base is part of the hash, so that two names cut to the same prefix still differ.
    readable(base) + "-" + StableHash.hex([base] + attributes, length: Self.hashLength)
  }

  private func readable(_ base: String) -> String {
    var readable = String(base.prefix(Self.elbNameLimit - Self.hashLength - 1))
    while readable.hasSuffix("-") { readable.removeLast() }
    return readable
  }
}
