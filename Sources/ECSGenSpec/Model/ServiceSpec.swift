import ECSGenDiagnostics

/// One service exactly as the user wrote it in a spec file (spec version 1).
///
/// Optional fields stay optional: a `nil` means "not written", and the defaults are applied later,
/// when the plan is resolved. Values that could not be decoded are `nil` too; their diagnostics were
/// already reported by the decoder.
public struct ServiceSpec: Sendable, Equatable {
  /// The path of the spec file as given on the command line.
  public var file: String
  /// The position of the top-level mapping; diagnostics about missing keys point here.
  public var location: SourceLocation

  public var version: Located<Int>?
  public var name: Located<String>?
  public var kind: Located<ServiceKind>?
  public var description: Located<String>?
  public var region: Located<String>?
  public var image: Located<ImageSpec>?
  public var cpu: Located<CPUSize>?
  public var memory: Located<MemorySize>?
  public var platform: Located<Platform>?
  /// GiB.
  public var ephemeralStorage: Located<Int>?
  public var port: Located<Int>?
  public var command: Located<[Located<String>]>?
  public var entrypoint: Located<[Located<String>]>?
  public var environment: [MapEntry<String>]?
  public var secrets: [MapEntry<String>]?
  public var roles: RolesSpec?
  public var healthCheck: HealthCheckSpec?
  public var containerHealthCheck: ContainerHealthCheckSpec?
  public var loadBalancer: LoadBalancerSpec?
  public var logs: LogsSpec?
  public var autoscaling: AutoscalingSpec?
  public var count: Located<Int>?
  public var deployment: DeploymentSpec?
  /// Seconds.
  public var stopTimeout: Located<Int>?
  public var readOnlyRootFilesystem: Located<Bool>?
  public var network: NetworkSpec?
  public var cluster: Located<String>?
  public var tags: [MapEntry<String>]?
  public var terraform: TerraformSpec?
  public var ci: CISpec?
  /// `worker` only.
  public var queue: QueueSpec?
  /// `job` only.
  public var schedule: ScheduleSpec?
  /// `job` only: the spec's `on:`.
  public var eventTrigger: EventTriggerSpec?
  /// `job` only. Seconds.
  public var timeout: Located<Int>?
  /// `exec:` (ECS Exec); services only.
  public var exec: Located<Bool>?
  /// `volumes:` (EFS file systems mounted into the main container).
  public var volumes: [EFSVolumeSpec]?

  /// The position of every top-level key written (not of its value), so that a key that the
  /// spec's kind does not accept is reported at the key, whatever its value.
  public var keyLocations: [String: SourceLocation] = [:]

  /// Dotted paths of fields the user wrote but that could not be decoded (a wrong type, say). The
  /// decoder already reported them; validation uses this set so that it does not also call them
  /// missing.
  public var undecodableFields: Set<String> = []

  /// The environment this spec was merged for, nil for a spec without `environments:`.
  public var deploymentEnvironment: SpecEnvironment?

  /// `web`, `backend` and `worker`: the tasks' share on Fargate Spot (`capacity`).
  public var capacity: CapacitySpec?
  /// Further containers in the task, beside the main one.
  public var sidecars: [SidecarSpec]?
  /// The main container's `depends_on`: the containers it waits for, and for what.
  public var dependsOn: [ContainerDependencySpec]?

  public init(file: String, location: SourceLocation) {
    self.file = file
    self.location = location
  }
}

/// What the service does. Each kind accepts its own keys (`KindKeys`); see docs/design/kinds.md.
public enum ServiceKind: String, Sendable, Equatable, CaseIterable {
  /// A service behind a load balancer.
  case web
  /// A long-running service without a load balancer.
  case backend
  /// A service that consumes an SQS queue and scales on its backlog.
  case worker
  /// A task that runs to completion, on a schedule or per event.
  case job
}

/// The CPU architecture of the task.
public enum Platform: String, Sendable, Equatable, CaseIterable {
  case linuxAMD64 = "linux/amd64"
  case linuxARM64 = "linux/arm64"
}

/// Task CPU in ECS CPU units (1024 = 1 vCPU).
public struct CPUSize: Sendable, Equatable {
  public var units: Int
  /// True when the user wrote a plain integer, so that `cpu: 1` can be answered with "did you mean
  /// `1 vCPU`?".
  public var writtenAsPlainNumber: Bool

  public init(units: Int, writtenAsPlainNumber: Bool) {
    self.units = units
    self.writtenAsPlainNumber = writtenAsPlainNumber
  }
}

/// Task memory in MiB.
public struct MemorySize: Sendable, Equatable {
  public var mebibytes: Int
  /// True when the user wrote a plain integer (`memory: 2` is probably meant as 2 GiB).
  public var writtenAsPlainNumber: Bool

  public init(mebibytes: Int, writtenAsPlainNumber: Bool) {
    self.mebibytes = mebibytes
    self.writtenAsPlainNumber = writtenAsPlainNumber
  }
}
