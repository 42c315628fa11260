import ECSGenPlan

extension Resources {
  /// How requests reach a `web` service: its own load balancer, or a rule on a shared listener.
  func entry(_ web: WebPlan) -> [JSONMember] {
    switch web.entry {
    case .loadBalancer(let own): loadBalancer(web, own)
    case .sharedListener(let rule): [targetGroup(web.targetGroup), listenerRule(rule)]
    }
  }

  /// The target group the load balancer (own or shared) forwards to.
  func targetGroup(_ group: TargetGroupPlan) -> JSONMember {
    let check = group.healthCheck
    var attributes: [(String, String)] = [
      ("deregistration_delay.timeout_seconds", String(group.deregistrationDelaySeconds)),
      ("stickiness.enabled", group.stickinessSeconds == nil ? "false" : "true"),
      ("stickiness.type", "lb_cookie"),
    ]
    if let seconds = group.stickinessSeconds {
      attributes.append(("stickiness.lb_cookie.duration_seconds", String(seconds)))
    }
    return JSONMember(
      ID.targetGroup,
      resource(
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        [
          "Name": .string(group.name),
          "Port": .int(group.port),
          "Protocol": .string(group.targetProtocol),
          "TargetType": .string(group.targetType),
          "VpcId": context.value(plan.network.vpcID),
          "HealthCheckEnabled": .bool(true),
          "HealthCheckPath": .string(check.path),
          "HealthCheckProtocol": .string(check.healthCheckProtocol),
          "HealthCheckPort": .string(check.port),
          "Matcher": .sorted(["HttpCode": .string(check.matcher)]),
          "HealthCheckIntervalSeconds": .int(check.intervalSeconds),
          "HealthCheckTimeoutSeconds": .int(check.timeoutSeconds),
          "HealthyThresholdCount": .int(check.healthyThreshold),
          "UnhealthyThresholdCount": .int(check.unhealthyThreshold),
          "TargetGroupAttributes": keyValues(attributes),
          "Tags": context.tags,
        ]))
  }

  /// The rule on the shared listener that forwards the service's hosts and paths.
  func listenerRule(_ rule: ListenerRulePlan) -> JSONMember {
    var conditions: [JSONValue] = []
    if !rule.hosts.isEmpty {
      conditions.append(
        .sorted([
          "Field": .string("host-header"),
          "HostHeaderConfig": .sorted(["Values": .array(rule.hosts.map { .string($0) })]),
        ]))
    }
    if !rule.paths.isEmpty {
      conditions.append(
        .sorted([
          "Field": .string("path-pattern"),
          "PathPatternConfig": .sorted(["Values": .array(rule.paths.map { .string($0) })]),
        ]))
    }
    return JSONMember(
      ID.listenerRule,
      resource(
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        [
          "ListenerArn": .string(rule.listenerARN),
          "Priority": .int(rule.priority),
          "Conditions": .array(conditions),
          "Actions": .array([
            .sorted(["Type": .string("forward"), "TargetGroupArn": Intrinsic.ref(ID.targetGroup)])
          ]),
        ]))
  }

  /// What the service waits for: ECS refuses a target group that no listener (or rule) uses yet.
  func entryDependencies(_ web: WebPlan?) -> [String] {
    switch web?.entry {
    case .loadBalancer(let own): own.listeners.map(ID.listener)
    case .sharedListener: [ID.listenerRule]
    case nil: []
    }
  }

  /// The load balancer part of the `ALBRequestCountPerTarget` resource label.
  func loadBalancerLabel() -> SubPart {
    if case .sharedListener(let rule) = plan.web?.entry { return .literal(rule.loadBalancerLabel) }
    return .variable("\(ID.loadBalancer).LoadBalancerFullName")
  }
}
