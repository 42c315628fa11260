import ECSGenSpec

extension DeploymentPlanner {
  func deploymentPlan(_ spec: ServiceSpec, names: ResourceNames) -> ServiceDeploymentPlan {
    let defaults = SpecDefaults.Deployment.self
    var plan = ServiceDeploymentPlan(
      serviceName: names.service,
      desiredCount: spec.autoscaling?.min?.value ?? spec.count?.value ?? SpecDefaults.count,
      minimumHealthyPercent: spec.deployment?.minHealthyPercent?.value
        ?? defaults.minHealthyPercent,
      maximumPercent: spec.deployment?.maxPercent?.value ?? defaults.maxPercent,
      circuitBreakerRollback: spec.deployment?.rollback?.value ?? defaults.rollback,
      healthCheckGracePeriodSeconds: spec.healthCheck?.gracePeriod?.value
        ?? SpecDefaults.HealthCheck.gracePeriodSeconds,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      propagateTagsFrom: "SERVICE",
      ecsManagedTags: true,
      availabilityZoneRebalancing: "ENABLED",
      enableExecuteCommand: spec.exec?.value ?? SpecDefaults.exec,
      schedulingStrategy: "REPLICA",
      deploymentController: "ECS",
      terraformWaitsForSteadyState: false)
    plan.capacity = capacityPlan(spec)
    plan.deploymentAlarms = deploymentAlarmsPlan(spec)
    return plan
  }

  func scalingPlan(_ spec: ServiceSpec, names: ResourceNames, cluster: String) -> ScalingPlan? {
    guard let scaling = spec.autoscaling, let min = scaling.min?.value, let max = scaling.max?.value
    else { return nil }
    let scaleIn =
      scaling.scaleInCooldown?.value
      ?? SpecDefaults.Autoscaling.scaleInCooldownSeconds
    let scaleOut =
      scaling.scaleOutCooldown?.value
      ?? SpecDefaults.Autoscaling.scaleOutCooldownSeconds
    let targets: [(String, ScalingPolicyPlan.Metric, Int?)] = [
      ("cpu", .cpu, scaling.cpu?.value),
      ("memory", .memory, scaling.memory?.value),
      ("requests", .requestCountPerTarget, scaling.requestsPerTarget?.value),
    ]
    let policies = targets.compactMap { suffix, metric, target in
      target.map {
        ScalingPolicyPlan(
          name: names.scalingPolicy(suffix), metric: metric, targetValue: $0,
          scaleInCooldownSeconds: scaleIn, scaleOutCooldownSeconds: scaleOut)
      }
    }
    return ScalingPlan(
      minCapacity: min, maxCapacity: max, resourceID: "service/\(cluster)/\(names.service)",
      scalableDimension: "ecs:service:DesiredCount", serviceNamespace: "ecs", policies: policies)
  }
}
