import ECSGenDiagnostics

/// `load_balancer`: the Application Load Balancer in front of the service.
public struct LoadBalancerSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var isPublic: Located<Bool>?
  /// Seconds.
  public var idleTimeout: Located<Int>?
  public var certificateARN: Located<String>?
  public var sslPolicy: Located<String>?
  /// Seconds.
  public var deregistrationDelay: Located<Int>?
  public var stickiness: Located<StickinessSetting>?
  public var allowedCIDRs: [Located<String>]?
  /// The DNS name clients use (`orders.example.com`), which the certificate must cover.
  public var domain: Located<String>?
  /// A Route 53 hosted zone (`Z...`) in which to create an alias record for `domain`.
  public var hostedZoneID: Located<String>?
  /// Whether AWS refuses to delete the load balancer (default false, so that destroy works).
  public var deletionProtection: Located<Bool>?
  /// A regional WAFv2 web ACL to associate with the load balancer.
  public var wafACLARN: Located<String>?
  /// Where the load balancer writes access logs; nil: no access logs.
  public var accessLogs: AccessLogsSpec?
  /// The rest of the shared-listener keys (`listener_arn`, `security_group`, `priority`,
  /// `hosts`, `paths`): nil when ecsgen creates the service's own load balancer.
  public var sharedListener: SharedListenerSpec?
  /// The container the target group sends traffic to; nil: the main container.
  public var container: Located<String>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// `stickiness: false | true | DURATION`.
public enum StickinessSetting: Sendable, Equatable {
  case disabled
  /// `true`: the default cookie duration applies.
  case enabled
  /// A cookie duration in seconds.
  case duration(Int)
}
