/// How requests reach a `web` service's target group.
public enum WebEntry: Sendable, Equatable, Codable {
  /// ecsgen creates the load balancer, its security group and its listeners.
  case loadBalancer(OwnLoadBalancerPlan)
  /// `load_balancer.listener_arn`: a rule on a listener of a load balancer someone else owns.
  case sharedListener(ListenerRulePlan)

  // `{"loadBalancer": {...}}` rather than Swift's `_0`: the keys of `plan.json` and of
  // `ecsgen diff` (`workload.web.entry.loadBalancer.loadBalancer.name`).
  private enum CodingKeys: String, CodingKey {
    case loadBalancer, sharedListener
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let own = try container.decodeIfPresent(OwnLoadBalancerPlan.self, forKey: .loadBalancer) {
      self = .loadBalancer(own)
    } else {
      self = .sharedListener(try container.decode(ListenerRulePlan.self, forKey: .sharedListener))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .loadBalancer(let own): try container.encode(own, forKey: .loadBalancer)
    case .sharedListener(let rule): try container.encode(rule, forKey: .sharedListener)
    }
  }
}

/// The load balancer ecsgen creates in front of a `web` service.
public struct OwnLoadBalancerPlan: Sendable, Equatable, Codable {
  public var loadBalancer: LoadBalancerPlan
  /// The load balancer's own security group (the tasks' group is shared by every kind).
  public var loadBalancerSecurityGroup: SecurityGroupPlan
  /// In the order they are declared: the forwarding listener first.
  public var listeners: [ListenerPlan]
}

/// A forwarding rule on an existing listener (`load_balancer.listener_arn`): the service's
/// requests are those that match its hosts and paths.
public struct ListenerRulePlan: Sendable, Equatable, Codable {
  public var listenerARN: String
  /// The shared load balancer's security group; the tasks admit the container port from it.
  public var loadBalancerSecurityGroupID: String
  /// Unique on the listener; lower priorities are evaluated first.
  public var priority: Int
  /// `host-header` values, in the spec's order; empty: no host condition.
  public var hosts: [String]
  /// `path-pattern` values, in the spec's order; empty: no path condition.
  public var paths: [String]
  /// `app/NAME/ID`, the load balancer part of the `ALBRequestCountPerTarget` resource label,
  /// read from the listener ARN (the load balancer is not in the generated infrastructure).
  public var loadBalancerLabel: String
  /// The service URL: the first host without wildcards over HTTPS, followed by the first path
  /// pattern up to its first wildcard; nil without such a host (a shared listener's address is
  /// its owner's to publish).
  public var serviceURL: String?
}
