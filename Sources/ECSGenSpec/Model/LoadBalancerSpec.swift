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
