import ECSGenPlan

extension MainFile {
  /// The ECS service of a `web`, `backend` or `worker`. A `web`'s is created after the listeners
  /// so that the target group is attached to the load balancer when the first tasks register.
  func serviceBlocks(_ service: ServicePlan, web: WebPlan?) -> [HCLBlock] {
    let deployment = service.deployment
    var securityGroups: [HCLExpression] = [ref("aws_security_group.tasks.id")]
    securityGroups += plan.network.extraTaskSecurityGroupIDs.map(HCLExpression.string)
    var body: [HCLBodyItem] = [
      .set("name", .string(deployment.serviceName)),
      .set("cluster", context.clusterARN),
      .set("task_definition", ref("aws_ecs_task_definition.this.arn")),
      .set("desired_count", .number(deployment.desiredCount)),
    ]
    body += launchItems(deployment)
    body += [
      .set("platform_version", .string(deployment.platformVersion)),
      .set("scheduling_strategy", .string(deployment.schedulingStrategy)),
      .set("deployment_minimum_healthy_percent", .number(deployment.minimumHealthyPercent)),
      .set("deployment_maximum_percent", .number(deployment.maximumPercent)),
    ]
    if let grace = deployment.healthCheckGracePeriodSeconds {
      body.append(.set("health_check_grace_period_seconds", .number(grace)))
    }
    body += [
      .set("enable_ecs_managed_tags", .bool(deployment.ecsManagedTags)),
      .set("propagate_tags", .string(deployment.propagateTagsFrom)),
      .set("availability_zone_rebalancing", .string(deployment.availabilityZoneRebalancing)),
      .set("enable_execute_command", .bool(deployment.enableExecuteCommand)),
      .set("wait_for_steady_state", .bool(deployment.terraformWaitsForSteadyState)),
      .blankLine,
      block("deployment_controller", [.set("type", .string(deployment.deploymentController))]),
      .blankLine,
      block(
        "deployment_circuit_breaker",
        [.set("enable", .bool(true)), .set("rollback", .bool(deployment.circuitBreakerRollback))]),
    ]
    body += spotAndAlarmItems(deployment)
    body += [
      .blankLine,
      block(
        "network_configuration",
        [
          .set("subnets", context.value(plan.network.taskSubnetIDs)),
          .set("security_groups", .list(securityGroups)),
          .set("assign_public_ip", .bool(plan.network.assignPublicIP)),
        ]),
    ]
    if let target = web?.targetGroup {
      body += [
        .blankLine,
        block(
          "load_balancer",
          [
            .set("target_group_arn", ref("aws_lb_target_group.this.arn")),
            .set("container_name", .string(target.containerName)),
            .set("container_port", .number(target.port)),
          ]),
      ]
    }
    if service.scaling != nil {
      // Application Auto Scaling owns the desired count once the service exists.
      body += [
        .blankLine, block("lifecycle", [.set("ignore_changes", .list([ref("desired_count")]))]),
      ]
    }
    let dependencies = (web.map(entryDependencies) ?? []) + spotDependencies
    if !dependencies.isEmpty {
      body += [.blankLine, .set("depends_on", .list(dependencies))]
    }
    return [resource("aws_ecs_service", "this", body)]
  }

  /// The scalable target and one target-tracking policy per metric.
  func scalingBlocks(_ service: ServicePlan) -> [HCLBlock] {
    guard let scaling = service.scaling else { return [] }
    var blocks = [
      resource(
        "aws_appautoscaling_target", "this",
        [
          .set("service_namespace", .string(scaling.serviceNamespace)),
          .set("scalable_dimension", .string(scaling.scalableDimension)),
          .set(
            "resource_id",
            .template([
              .literal("service/"), .interpolation(context.clusterName), .literal("/"),
              .interpolation(ref("aws_ecs_service.this.name")),
            ])),
          .set("min_capacity", .number(scaling.minCapacity)),
          .set("max_capacity", .number(scaling.maxCapacity)),
        ])
    ]
    for policy in scaling.policies {
      var metric: [HCLBodyItem] = [.set("predefined_metric_type", .string(policy.metric.rawValue))]
      if policy.metric == .requestCountPerTarget {
        metric.append(
          .set(
            "resource_label",
            .template([
              loadBalancerLabel(), .literal("/"),
              .interpolation(ref("aws_lb_target_group.this.arn_suffix")),
            ])))
      }
      blocks.append(
        resource(
          "aws_appautoscaling_policy", policy.address,
          [
            .set("name", .string(policy.name)),
            .set("policy_type", .string("TargetTrackingScaling")),
            .set("service_namespace", ref("aws_appautoscaling_target.this.service_namespace")),
            .set("scalable_dimension", ref("aws_appautoscaling_target.this.scalable_dimension")),
            .set("resource_id", ref("aws_appautoscaling_target.this.resource_id")),
            .blankLine,
            block(
              "target_tracking_scaling_policy_configuration",
              [
                .set("target_value", .number(policy.targetValue)),
                .set("scale_in_cooldown", .number(policy.scaleInCooldownSeconds)),
                .set("scale_out_cooldown", .number(policy.scaleOutCooldownSeconds)),
                .blankLine,
                block("predefined_metric_specification", metric),
              ]),
          ]))
    }
    return blocks
  }
}

extension ScalingPolicyPlan {
  /// The resource address of the policy: `cpu`, `memory` or `requests`.
  var address: String {
    switch metric {
    case .cpu: "cpu"
    case .memory: "memory"
    case .requestCountPerTarget: "requests"
    }
  }
}
