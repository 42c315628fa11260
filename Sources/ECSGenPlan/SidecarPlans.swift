/// A further container of the task, beside the main one (`sidecars`).
public struct SidecarPlan: Sendable, Equatable, Codable {
  public var name: String
  /// An image reference, pulled as it is.
  public var image: String
  /// CPU units reserved for the container; nil: none reserved, it shares what is free.
  public var cpuUnits: Int?
  /// The hard memory limit in MiB; nil: none of its own, only the task's.
  public var memoryMiB: Int?
  public var port: Int?
  /// `tcp` or `udp`, as ECS port mappings name them.
  public var portProtocol: String
  /// When an essential container stops, ECS stops the whole task.
  public var essential: Bool
  public var command: [String]?
  /// Sorted by name.
  public var environment: [EnvironmentVariable]
  /// Sorted by name.
  public var secrets: [SecretPlan]
  public var healthCheck: ContainerHealthCheckPlan?
  /// In spec order.
  public var dependsOn: [ContainerDependencyPlan]
  public var readOnlyRootFilesystem: Bool
  /// The awslogs stream prefix in the service's log group; streams are PREFIX/NAME/TASK_ID, so
  /// each container's lines stay apart.
  public var logStreamPrefix: String
}

/// One entry of a container's `dependsOn`.
public struct ContainerDependencyPlan: Sendable, Equatable, Codable {
  /// The container waited for, as named in the task definition.
  public var containerName: String
  /// `START`, `COMPLETE`, `SUCCESS` or `HEALTHY`.
  public var condition: String
}

extension TaskPlan {
  /// The secrets of every container, each reference once: what the execution role must read.
  public var allSecrets: [SecretPlan] {
    var seen: Set<String> = []
    return (secrets + sidecars.flatMap(\.secrets)).filter { seen.insert($0.valueFrom).inserted }
  }
}
