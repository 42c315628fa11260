import ECSGenPlan

extension MainFile {
  /// How requests reach a `web` service: its own load balancer, or a rule on a shared listener.
  func entryBlocks(_ web: WebPlan) -> [HCLBlock] {
    switch web.entry {
    case .loadBalancer(let own): loadBalancerBlocks(web, own)
    case .sharedListener(let rule):
      [targetGroupBlock(web.targetGroup), listenerRuleBlock(rule)]
    }
  }

  /// The target group the load balancer (own or shared) forwards to.
  func targetGroupBlock(_ group: TargetGroupPlan) -> HCLBlock {
    let check = group.healthCheck
    var targetGroup: [HCLBodyItem] = [
      .set("name", .string(group.name)),
      .set("port", .number(group.port)),
      .set("protocol", .string(group.targetProtocol)),
      .set("target_type", .string(group.targetType)),
      .set("vpc_id", context.value(plan.network.vpcID)),
      .set("deregistration_delay", .number(group.deregistrationDelaySeconds)),
      .blankLine,
      block(
        "health_check",
        [
          .set("enabled", .bool(true)),
          .set("path", .string(check.path)),
          .set("protocol", .string(check.healthCheckProtocol)),
          .set("port", .string(check.port)),
          .set("matcher", .string(check.matcher)),
          .set("interval", .number(check.intervalSeconds)),
          .set("timeout", .number(check.timeoutSeconds)),
          .set("healthy_threshold", .number(check.healthyThreshold)),
          .set("unhealthy_threshold", .number(check.unhealthyThreshold)),
        ]),
    ]
    var stickiness: [HCLBodyItem] = [
      .set("type", .string("lb_cookie")), .set("enabled", .bool(group.stickinessSeconds != nil)),
    ]
    if let seconds = group.stickinessSeconds {
      stickiness.append(.set("cookie_duration", .number(seconds)))
    }
    targetGroup += [.blankLine, block("stickiness", stickiness)]
    targetGroup += createBeforeDestroy(group.createBeforeDestroy)
    return resource("aws_lb_target_group", "this", targetGroup)
  }

  /// The rule on the shared listener that forwards the service's hosts and paths.
  func listenerRuleBlock(_ rule: ListenerRulePlan) -> HCLBlock {
    var body: [HCLBodyItem] = [
      .set("listener_arn", .string(rule.listenerARN)),
      .set("priority", .number(rule.priority)),
      .blankLine,
      block(
        "action",
        [
          .set("type", .string("forward")),
          .set("target_group_arn", ref("aws_lb_target_group.this.arn")),
        ]),
    ]
    if !rule.hosts.isEmpty {
      body += [
        .blankLine,
        block(
          "condition",
          [block("host_header", [.set("values", .list(rule.hosts.map { .string($0) }))])]),
      ]
    }
    if !rule.paths.isEmpty {
      body += [
        .blankLine,
        block(
          "condition",
          [block("path_pattern", [.set("values", .list(rule.paths.map { .string($0) }))])]),
      ]
    }
    return resource("aws_lb_listener_rule", "this", body)
  }

  /// What the service waits for: ECS refuses a target group that no listener (or rule) uses yet.
  func entryDependencies(_ web: WebPlan) -> [HCLExpression] {
    switch web.entry {
    case .loadBalancer(let own): own.listeners.map { ref("aws_lb_listener.\($0.role)") }
    case .sharedListener: [ref("aws_lb_listener_rule.this")]
    }
  }

  /// The load balancer part of the `ALBRequestCountPerTarget` resource label: the created load
  /// balancer's ARN suffix, or the one the plan read from the shared listener's ARN.
  func loadBalancerLabel() -> HCLTemplatePart {
    if case .sharedListener(let rule) = plan.web?.entry { return .literal(rule.loadBalancerLabel) }
    return .interpolation(ref("aws_lb.this.arn_suffix"))
  }
}
