import ECSGenDiagnostics

/// `load_balancer.listener_arn` and its companions: the service joins a load balancer someone
/// else owns, through a rule on one of its listeners, instead of getting a load balancer of its
/// own.
public struct SharedListenerSpec: Sendable, Equatable {
  /// The existing listener (`arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/...`).
  public var listenerARN: Located<String>
  /// The shared load balancer's security group: the tasks admit the container port from it.
  public var securityGroup: Located<String>?
  /// The rule's priority on the listener (lower is evaluated first).
  public var priority: Located<Int>?
  /// Host header values the rule matches.
  public var hosts: [Located<String>]?
  /// Path patterns the rule matches.
  public var paths: [Located<String>]?

  public init(listenerARN: Located<String>) {
    self.listenerARN = listenerARN
  }
}
