import ECSGenPlan

extension Resources {
  /// The Fargate task definition and its one container. `variables` are the kind's own
  /// environment variables (a worker's queue URL), whose values may refer to resources.
  func taskDefinition(variables: [(name: String, value: JSONValue)] = []) -> [JSONMember] {
    let task = plan.task
    var properties: [String: JSONValue] = [
      "Family": .string(task.family),
      "RequiresCompatibilities": .array([.string("FARGATE")]),
      "NetworkMode": .string("awsvpc"),
      "Cpu": .string(String(task.cpuUnits)),
      "Memory": .string(String(task.memoryMiB)),
      "ExecutionRoleArn": context.role(plan.roles.execution, id: ID.executionRole),
      "TaskRoleArn": context.role(plan.roles.task, id: ID.taskRole),
      "RuntimePlatform": .sorted([
        "OperatingSystemFamily": .string(task.operatingSystemFamily),
        "CpuArchitecture": .string(task.cpuArchitecture),
      ]),
      "ContainerDefinitions": .array([container(variables: variables)] + sidecarContainers()),
      "Tags": context.tags,
    ]
    if let storage = task.ephemeralStorageGiB {
      properties["EphemeralStorage"] = .sorted(["SizeInGiB": .int(storage)])
    }
    if let volumes = volumes() { properties["Volumes"] = volumes }
    return [
      JSONMember(
        ID.taskDefinition,
        resource("AWS::ECS::TaskDefinition", condition: context.serviceCondition, properties))
    ]
  }

  private func container(variables: [(name: String, value: JSONValue)]) -> JSONValue {
    let task = plan.task
    var container: [String: JSONValue] = [:]
    if let port = task.containerPort {
      container["PortMappings"] = .array([
        .sorted(["ContainerPort": .int(port), "Protocol": .string("tcp")])
      ])
    }
    container.merge([
      "Name": .string(task.containerName),
      "Image": context.image,
      "Essential": .bool(true),
      "Environment": .array(
        (task.environment.map { ($0.name, JSONValue.string($0.value)) } + variables)
          .sorted { $0.0 < $1.0 }
          .map { .sorted(["Name": .string($0.0), "Value": $0.1]) }),
      "Secrets": containerSecrets(task.secrets),
      "LogConfiguration": logConfiguration(streamPrefix: plan.logs.streamPrefix),
      "StopTimeout": .int(task.stopTimeoutSeconds),
      "ReadonlyRootFilesystem": .bool(task.readOnlyRootFilesystem),
    ]) { first, _ in first }
    if let entrypoint = task.entrypoint {
      container["EntryPoint"] = .array(entrypoint.map(JSONValue.string))
    }
    if let command = task.command { container["Command"] = .array(command.map(JSONValue.string)) }
    if let mountPoints = mountPoints() { container["MountPoints"] = mountPoints }
    if let check = task.healthCheck { container["HealthCheck"] = healthCheck(check) }
    if !task.dependsOn.isEmpty { container["DependsOn"] = dependsOn(task.dependsOn) }
    return .sorted(container)
  }
}
