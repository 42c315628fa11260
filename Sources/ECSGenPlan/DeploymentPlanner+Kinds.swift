import ECSGenSpec

extension DeploymentPlanner {
  /// A `web`: the load balancer, its group, target group and listeners, and the service; plus the
  /// rule that lets the load balancer reach the tasks, which belongs to the tasks' group.
  func webPlan(
    _ spec: ServiceSpec, names: ResourceNames, target: (container: String, port: Int),
    cluster: ClusterPlan, task: TaskPlan, inputs: inout InputCollector
  ) -> (plan: WebPlan, tasksIngress: SecurityGroupRule) {
    let targetGroup = targetGroupPlan(
      spec, names: names, port: target.port, container: target.container)
    let entry: WebEntry
    let tasksIngress: SecurityGroupRule
    if let listener = spec.loadBalancer?.sharedListener {
      let rule = listenerRulePlan(listener)
      entry = .sharedListener(rule)
      tasksIngress = sharedListenerIngress(names: names, rule: rule, port: target.port)
    } else {
      let loadBalancer = loadBalancerPlan(spec, names: names, inputs: &inputs)
      let groups = loadBalancerSecurityGroup(
        names: names, loadBalancer: loadBalancer, port: target.port)
      entry = .loadBalancer(
        OwnLoadBalancerPlan(
          loadBalancer: loadBalancer, loadBalancerSecurityGroup: groups.group,
          listeners: listeners(spec)))
      tasksIngress = groups.tasksIngress
    }
    let deployment = withExecuteCommand(
      deploymentPlan(spec, names: names), cluster: cluster, task: task)
    let scaling = scalingPlan(spec, names: names, cluster: cluster.name)
    let service = ServicePlan(
      deployment: deployment, scaling: scaling,
      rollout: rolloutWatch(
        deployment: deployment, scaling: scaling, targetGroup: targetGroup, task: task))
    return (WebPlan(service: service, targetGroup: targetGroup, entry: entry), tasksIngress)
  }

  /// The service of a `backend` or `worker`: no load balancer, so no target group in the rollout
  /// arithmetic and no health check grace period.
  func servicePlan(
    _ spec: ServiceSpec, names: ResourceNames, cluster: ClusterPlan, task: TaskPlan
  ) -> ServicePlan {
    var deployment = withExecuteCommand(
      deploymentPlan(spec, names: names), cluster: cluster, task: task)
    // The grace period only delays load balancer health checks; ECS refuses it on a service
    // without a load balancer.
    deployment.healthCheckGracePeriodSeconds = nil
    let scaling = scalingPlan(spec, names: names, cluster: cluster.name)
    return ServicePlan(
      deployment: deployment, scaling: scaling,
      rollout: rolloutWatch(
        deployment: deployment, scaling: scaling, targetGroup: nil, task: task))
  }

  /// A `backend` with a `port` admits it from the security groups the spec attaches to its
  /// tasks (`network.security_groups`): the services that share those groups are its callers.
  /// Without either, nothing may connect to it.
  func backendIngress(_ spec: ServiceSpec, names: ResourceNames, port: Int?) -> [SecurityGroupRule]
  {
    guard let port else { return [] }
    return (spec.network?.securityGroups ?? []).map { group in
      SecurityGroupRule(
        description: "From \(group.value) to \(names.service) on the container port",
        ipProtocol: "tcp", fromPort: port, toPort: port, peer: .securityGroup(group.value),
        name: "from_\(group.value.replacingOccurrences(of: "-", with: "_"))")
    }
  }
}
