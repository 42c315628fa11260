import ECSGenSpec

extension DeploymentPlanner {
  /// The spec's sidecars; a name in `depends_on` that is the service's `name` means the main
  /// container, whose name in the task definition is `names.container`.
  func sidecarPlans(_ spec: ServiceSpec, names: ResourceNames) -> [SidecarPlan] {
    (spec.sidecars ?? []).compactMap { sidecar in
      guard let name = sidecar.name?.value, let image = sidecar.image?.value else { return nil }
      return SidecarPlan(
        name: name,
        image: image,
        cpuUnits: sidecar.cpu?.value.units,
        memoryMiB: sidecar.memory?.value.mebibytes,
        port: sidecar.port?.value,
        portProtocol: (sidecar.portProtocol?.value ?? .tcp).rawValue,
        essential: sidecar.essential?.value ?? true,
        command: sidecar.command?.value.map(\.value),
        environment: environmentVariables(sidecar.environment),
        secrets: secretPlans(sidecar.secrets),
        healthCheck: sidecar.healthCheck.flatMap(containerHealthCheck),
        dependsOn: dependencyPlans(sidecar.dependsOn, spec: spec, names: names),
        // A sidecar is as locked down as the main container unless it says otherwise.
        readOnlyRootFilesystem: sidecar.readOnlyRootFilesystem?.value
          ?? spec.readOnlyRootFilesystem?.value ?? SpecDefaults.readOnlyRootFilesystem,
        // The main container's prefix (`logPlan`): streams are PREFIX/CONTAINER/TASK_ID.
        logStreamPrefix: "ecs")
    }
  }

  func dependencyPlans(
    _ dependencies: [ContainerDependencySpec]?, spec: ServiceSpec, names: ResourceNames
  ) -> [ContainerDependencyPlan] {
    (dependencies ?? []).map { dependency in
      let name = dependency.container.value
      return ContainerDependencyPlan(
        containerName: name == spec.name?.value ? names.container : name,
        condition: dependency.condition.value.rawValue)
    }
  }

  /// The container and port the load balancer targets: `load_balancer.container`, or the main
  /// container on the service's `port`.
  func loadBalancerTarget(
    _ spec: ServiceSpec, task: TaskPlan, port: Int
  ) -> (container: String, port: Int) {
    guard let name = spec.loadBalancer?.container?.value,
      let sidecar = task.sidecars.first(where: { $0.name == name }), let sidecarPort = sidecar.port
    else { return (task.containerName, port) }
    return (sidecar.name, sidecarPort)
  }

  /// A container's `environment`, sorted by name (the main container's and each sidecar's).
  func environmentVariables(_ entries: [MapEntry<String>]?) -> [EnvironmentVariable] {
    (entries ?? []).map { EnvironmentVariable(name: $0.key.value, value: $0.value.value) }
      .sorted { $0.name < $1.name }
  }

  /// A container's `secrets` with their sources, sorted by name (main container and sidecars).
  func secretPlans(_ entries: [MapEntry<String>]?) -> [SecretPlan] {
    (entries ?? []).compactMap { entry -> SecretPlan? in
      guard let reference = SecretReference(entry.value.value) else { return nil }
      let source: SecretSource
      switch reference {
      case .ssmParameterName(let path): source = .ssmParameterPath(path)
      case .ssmParameterARN(let arn): source = .ssmParameterARN(arn)
      case .secretsManager(let arn, _): source = .secretsManagerARN(arn)
      }
      return SecretPlan(name: entry.key.value, valueFrom: entry.value.value, source: source)
    }.sorted { $0.name < $1.name }
  }
}
