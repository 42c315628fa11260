import ECSGenPlan

/// Fargate Spot and deployment alarms in the template: what `capacity` and `deployment.alarms`
/// change on the service and the cluster. Nothing changes for a plan without them.
extension Resources {
  /// Swaps `LaunchType` for the capacity provider strategy (ECS refuses both), and adds the
  /// alarms to `DeploymentConfiguration`.
  func applySpotAndAlarms(
    _ deployment: ServiceDeploymentPlan, to properties: inout [String: JSONValue]
  ) {
    if let capacity = deployment.capacity {
      properties["LaunchType"] = nil
      properties["CapacityProviderStrategy"] = .array(capacity.strategy.map(strategyItem))
    }
    if let alarms = deployment.deploymentAlarms {
      properties["DeploymentConfiguration"] = .sorted([
        "MinimumHealthyPercent": .int(deployment.minimumHealthyPercent),
        "MaximumPercent": .int(deployment.maximumPercent),
        "DeploymentCircuitBreaker": .sorted([
          "Enable": .bool(true), "Rollback": .bool(deployment.circuitBreakerRollback),
        ]),
        "Alarms": .sorted([
          "AlarmNames": .array(alarms.alarmNames.map(JSONValue.string)),
          "Enable": .bool(alarms.enable),
          "Rollback": .bool(alarms.rollback),
        ]),
      ])
    }
  }

  /// FARGATE and FARGATE_SPOT on the cluster ecsgen creates. Set on the cluster itself, so the
  /// service, which refers to the cluster, is created after them.
  var clusterCapacityProperties: [String: JSONValue] {
    guard let providers = plan.clusterCapacityProviders else { return [:] }
    return [
      "CapacityProviders": .array(providers.providers.map(JSONValue.string)),
      "DefaultCapacityProviderStrategy": .array(providers.defaultStrategy.map(strategyItem)),
    ]
  }

  private func strategyItem(_ item: CapacityProviderStrategyItem) -> JSONValue {
    .sorted([
      "CapacityProvider": .string(item.capacityProvider),
      "Base": .int(item.base),
      "Weight": .int(item.weight),
    ])
  }
}
