import ECSGenPlan

/// Fargate Spot and deployment alarms: the parts of the service and cluster that `capacity` and
/// `deployment.alarms` add. Each function returns nothing when the plan has no such part, so the
/// output of a spec without them is unchanged.
extension MainFile {
  /// `launch_type`, or, with a capacity provider strategy, `force_new_deployment` (ECS refuses
  /// both a launch type and a strategy; see `CapacityPlan.terraformForceNewDeployment`).
  func launchItems(_ deployment: ServiceDeploymentPlan) -> [HCLBodyItem] {
    guard let capacity = deployment.capacity else {
      return [.set("launch_type", .string(deployment.launchType))]
    }
    return [.set("force_new_deployment", .bool(capacity.terraformForceNewDeployment))]
  }

  /// One `capacity_provider_strategy` block per provider, then the `alarms` block.
  func spotAndAlarmItems(_ deployment: ServiceDeploymentPlan) -> [HCLBodyItem] {
    var items: [HCLBodyItem] = []
    for item in deployment.capacity?.strategy ?? [] {
      items += [.blankLine, block("capacity_provider_strategy", strategyItems(item))]
    }
    if let alarms = deployment.deploymentAlarms {
      items += [
        .blankLine,
        block(
          "alarms",
          [
            .set("alarm_names", .list(alarms.alarmNames.map(HCLExpression.string))),
            .set("enable", .bool(alarms.enable)),
            .set("rollback", .bool(alarms.rollback)),
          ]),
      ]
    }
    return items
  }

  /// The service waits for the cluster's capacity providers: a strategy may only name providers
  /// already associated with the cluster.
  var spotDependencies: [HCLExpression] {
    plan.clusterCapacityProviders == nil ? [] : [ref("aws_ecs_cluster_capacity_providers.this")]
  }

  /// FARGATE and FARGATE_SPOT on the cluster ecsgen creates.
  func clusterCapacityProviderBlocks() -> [HCLBlock] {
    guard let providers = plan.clusterCapacityProviders else { return [] }
    var body: [HCLBodyItem] = [
      .set("cluster_name", ref("aws_ecs_cluster.this.name")),
      .set("capacity_providers", .list(providers.providers.map(HCLExpression.string))),
    ]
    for item in providers.defaultStrategy {
      body += [.blankLine, block("default_capacity_provider_strategy", strategyItems(item))]
    }
    return [resource("aws_ecs_cluster_capacity_providers", "this", body)]
  }

  private func strategyItems(_ item: CapacityProviderStrategyItem) -> [HCLBodyItem] {
    [
      .set("capacity_provider", .string(item.capacityProvider)),
      .set("base", .number(item.base)),
      .set("weight", .number(item.weight)),
    ]
  }
}
