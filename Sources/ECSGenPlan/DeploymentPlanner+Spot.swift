import ECSGenSpec

extension DeploymentPlanner {
  /// The service's capacity provider strategy, or nil for the FARGATE launch type.
  func capacityPlan(_ spec: ServiceSpec) -> CapacityPlan? {
    guard let capacity = spec.capacity, let weights = capacity.weights else { return nil }
    let items = [
      CapacityProviderStrategyItem(
        capacityProvider: "FARGATE", base: capacity.resolvedFargateBase, weight: weights.fargate),
      CapacityProviderStrategyItem(capacityProvider: "FARGATE_SPOT", base: 0, weight: weights.spot),
    ]
    return CapacityPlan(
      strategy: items.filter { $0.base > 0 || $0.weight > 0 }, terraformForceNewDeployment: true)
  }

  /// The deployment alarms, or nil without `deployment.alarms`.
  func deploymentAlarmsPlan(_ spec: ServiceSpec) -> DeploymentAlarmsPlan? {
    guard let alarms = spec.deployment?.alarms?.value, !alarms.isEmpty else { return nil }
    return DeploymentAlarmsPlan(
      alarmNames: alarms.map(\.value), enable: true,
      rollback: spec.deployment?.rollback?.value ?? SpecDefaults.Deployment.rollback)
  }

  /// FARGATE and FARGATE_SPOT on the cluster ecsgen creates, when the service uses a strategy;
  /// nil for an existing cluster (lint notes that it needs them) or a service without one.
  func clusterCapacityProviders(
    _ cluster: ClusterPlan, workload: Workload
  ) -> ClusterCapacityProvidersPlan? {
    guard case .create = cluster, workload.service?.deployment.capacity != nil else { return nil }
    return ClusterCapacityProvidersPlan(
      providers: ["FARGATE", "FARGATE_SPOT"],
      defaultStrategy: [
        CapacityProviderStrategyItem(capacityProvider: "FARGATE", base: 0, weight: 1)
      ])
  }
}

extension Workload {
  /// The ECS service of a `web`, `backend` or `worker`; nil for a `job`.
  var service: ServicePlan? {
    switch self {
    case .web(let web): web.service
    case .backend(let backend): backend.service
    case .worker(let worker): worker.service
    case .job: nil
    }
  }
}
