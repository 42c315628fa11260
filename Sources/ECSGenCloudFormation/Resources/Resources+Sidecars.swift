import ECSGenPlan

extension Resources {
  /// The sidecars' container definitions, after the main one.
  func sidecarContainers() -> [JSONValue] {
    plan.task.sidecars.map { sidecar in
      var container: [String: JSONValue] = [
        "Name": .string(sidecar.name),
        "Image": .string(sidecar.image),
        "Essential": .bool(sidecar.essential),
        "Environment": .array(
          sidecar.environment.map {
            .sorted(["Name": .string($0.name), "Value": .string($0.value)])
          }),
        "Secrets": containerSecrets(sidecar.secrets),
        "LogConfiguration": logConfiguration(streamPrefix: sidecar.logStreamPrefix),
        "ReadonlyRootFilesystem": .bool(sidecar.readOnlyRootFilesystem),
      ]
      if let cpu = sidecar.cpuUnits { container["Cpu"] = .int(cpu) }
      if let memory = sidecar.memoryMiB { container["Memory"] = .int(memory) }
      if let command = sidecar.command {
        container["Command"] = .array(command.map(JSONValue.string))
      }
      if let port = sidecar.port {
        container["PortMappings"] = .array([
          .sorted(["ContainerPort": .int(port), "Protocol": .string(sidecar.portProtocol)])
        ])
      }
      if let check = sidecar.healthCheck { container["HealthCheck"] = healthCheck(check) }
      if !sidecar.dependsOn.isEmpty { container["DependsOn"] = dependsOn(sidecar.dependsOn) }
      return .sorted(container)
    }
  }

  func healthCheck(_ check: ContainerHealthCheckPlan) -> JSONValue {
    .sorted([
      "Command": .array(check.command.map(JSONValue.string)),
      "Interval": .int(check.intervalSeconds),
      "Timeout": .int(check.timeoutSeconds),
      "Retries": .int(check.retries),
      "StartPeriod": .int(check.startPeriodSeconds),
    ])
  }

  func dependsOn(_ dependencies: [ContainerDependencyPlan]) -> JSONValue {
    .array(
      dependencies.map {
        .sorted(["ContainerName": .string($0.containerName), "Condition": .string($0.condition)])
      })
  }

  /// A container's `Secrets`, shared by the main container and the sidecars.
  func containerSecrets(_ secrets: [SecretPlan]) -> JSONValue {
    .array(secrets.map { .sorted(["Name": .string($0.name), "ValueFrom": .string($0.valueFrom)]) })
  }

  /// A container's `awslogs` configuration: every container writes to the service's log group.
  func logConfiguration(streamPrefix: String) -> JSONValue {
    .sorted([
      "LogDriver": .string("awslogs"),
      "Options": .sorted([
        "awslogs-group": Intrinsic.ref(ID.logGroup),
        "awslogs-region": Intrinsic.ref(Intrinsic.region),
        "awslogs-stream-prefix": .string(streamPrefix),
      ]),
    ])
  }
}
