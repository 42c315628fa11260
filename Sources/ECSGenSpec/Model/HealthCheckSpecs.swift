import ECSGenDiagnostics

/// `health_check`: the load balancer's target-group health check. Durations are in seconds.
public struct HealthCheckSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var path: Located<String>?
  public var interval: Located<Int>?
  public var timeout: Located<Int>?
  public var healthyThreshold: Located<Int>?
  public var unhealthyThreshold: Located<Int>?
  public var successCodes: Located<String>?
  public var gracePeriod: Located<Int>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// `container_health_check`: the check ECS runs inside the container. Durations are in seconds.
public struct ContainerHealthCheckSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var command: Located<HealthCheckCommand>?
  public var interval: Located<Int>?
  public var timeout: Located<Int>?
  public var retries: Located<Int>?
  public var startPeriod: Located<Int>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// A container health-check command: a shell string, or an exec-form list as ECS takes it.
public enum HealthCheckCommand: Sendable, Equatable {
  /// Run through the shell: becomes `["CMD-SHELL", text]`.
  case shell(String)
  /// Already in ECS form; the first element must be `CMD` or `CMD-SHELL`.
  case list([Located<String>])
}
