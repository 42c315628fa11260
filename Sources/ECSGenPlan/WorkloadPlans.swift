/// What the service does, with the parts that only its kind has. The parts every kind shares
/// (task, roles, logs, network, image, ...) stay on `DeploymentPlan`; a renderer switches over
/// this once and renders each kind's own resources, instead of reading optionals to find out
/// which kind it is rendering. See docs/design/kinds.md.
///
/// Only `web` exists so far: `backend`, `worker` and `job` are validated but not planned yet, and
/// each gets its case together with its planner.
public enum Workload: Sendable, Equatable, Codable {
  /// A service behind a load balancer.
  case web(WebPlan)

  // Encoded as `{"web": {...}}`, without Swift's `_0` for the unnamed associated value: the
  // encoding names the keys of `plan.json` and of `ecsgen diff` (`workload.web.loadBalancer.name`).
  private enum CodingKeys: String, CodingKey {
    case web
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = .web(try container.decode(WebPlan.self, forKey: .web))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .web(let web): try container.encode(web, forKey: .web)
    }
  }
}

/// The parts of a `web` service that other kinds lack: the load balancer in front of it, its
/// target group and its listeners.
public struct WebPlan: Sendable, Equatable, Codable {
  public var loadBalancer: LoadBalancerPlan
  public var targetGroup: TargetGroupPlan
  /// In the order they are declared: the forwarding listener first.
  public var listeners: [ListenerPlan]
}

extension DeploymentPlan {
  /// The web parts, for code that concerns the load balancer only (a DNS record, an output);
  /// nil for a plan of another kind.
  public var web: WebPlan? {
    switch workload {
    case .web(let web): web
    }
  }
}
