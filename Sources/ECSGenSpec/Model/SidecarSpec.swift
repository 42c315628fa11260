import ECSGenDiagnostics

/// One entry of `sidecars`: a further container in the service's task, beside the main one (a
/// log or trace collector, a proxy, a migration that must finish before the main one starts).
public struct SidecarSpec: Sendable, Equatable {
  /// The position of the entry's mapping.
  public var location: SourceLocation
  public var name: Located<String>?
  /// An image reference only: ecsgen builds only the main container's image.
  public var image: Located<String>?
  public var cpu: Located<CPUSize>?
  /// The container's hard memory limit.
  public var memory: Located<MemorySize>?
  public var port: Located<Int>?
  public var portProtocol: Located<ContainerProtocol>?
  public var essential: Located<Bool>?
  public var command: Located<[Located<String>]>?
  public var environment: [MapEntry<String>]?
  public var secrets: [MapEntry<String>]?
  public var healthCheck: ContainerHealthCheckSpec?
  public var dependsOn: [ContainerDependencySpec]?
  public var readOnlyRootFilesystem: Located<Bool>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// One `CONTAINER: CONDITION` entry of a `depends_on` mapping.
public struct ContainerDependencySpec: Sendable, Equatable {
  public var container: Located<String>
  public var condition: Located<DependencyCondition>

  public init(container: Located<String>, condition: Located<DependencyCondition>) {
    self.container = container
    self.condition = condition
  }
}

/// When a container may start, relative to the one it depends on (ECS `dependsOn.condition`).
public enum DependencyCondition: String, Sendable, Equatable, CaseIterable {
  /// Once the other container has started.
  case start = "START"
  /// Once the other container has exited, whatever its exit code.
  case complete = "COMPLETE"
  /// Once the other container has exited with code 0.
  case success = "SUCCESS"
  /// Once the other container's health check passes.
  case healthy = "HEALTHY"
}

/// The transport protocol of a container's port mapping.
public enum ContainerProtocol: String, Sendable, Equatable, CaseIterable {
  case tcp
  case udp
}
