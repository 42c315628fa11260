import ECSGenPlan

extension Resources {
  /// The ECS service of a `web`, `backend` or `worker`. A `web`'s is created after the listeners
  /// so that the target group is attached to the load balancer when the first tasks register.
  func service(_ service: ServicePlan, web: WebPlan?) -> [JSONMember] {
    let deployment = service.deployment
    var securityGroups = [Intrinsic.getAtt(ID.taskSecurityGroup, "GroupId")]
    securityGroups += plan.network.extraTaskSecurityGroupIDs.map(JSONValue.string)
    var properties: [String: JSONValue] = [
      "ServiceName": .string(deployment.serviceName),
      "Cluster": context.clusterName,
      "TaskDefinition": Intrinsic.ref(ID.taskDefinition),
      "LaunchType": .string(deployment.launchType),
      "PlatformVersion": .string(deployment.platformVersion),
      "SchedulingStrategy": .string(deployment.schedulingStrategy),
      "DeploymentController": .sorted(["Type": .string(deployment.deploymentController)]),
      "AvailabilityZoneRebalancing": .string(deployment.availabilityZoneRebalancing),
      "EnableExecuteCommand": .bool(deployment.enableExecuteCommand),
      "DeploymentConfiguration": .sorted([
        "MinimumHealthyPercent": .int(deployment.minimumHealthyPercent),
        "MaximumPercent": .int(deployment.maximumPercent),
        "DeploymentCircuitBreaker": .sorted([
          "Enable": .bool(true), "Rollback": .bool(deployment.circuitBreakerRollback),
        ]),
      ]),
      "NetworkConfiguration": .sorted([
        "AwsvpcConfiguration": .sorted([
          "Subnets": context.value(plan.network.taskSubnetIDs),
          "SecurityGroups": .array(securityGroups),
          "AssignPublicIp": .string(plan.network.assignPublicIP ? "ENABLED" : "DISABLED"),
        ])
      ]),
      "EnableECSManagedTags": .bool(deployment.ecsManagedTags),
      "PropagateTags": .string(deployment.propagateTagsFrom),
      "Tags": context.tags,
    ]
    // With scaling, Application Auto Scaling owns the count: a DesiredCount here would reset it on
    // every stack update. A new service starts at one task and scales to `min` at once.
    // A worker that may scale to zero starts at zero, as its Terraform does: without the
    // property ECS would start one task. CloudFormation sends a property only when the template
    // changes it, so this 0 does not reset a scaled-out worker on later updates.
    if service.scaling == nil || deployment.desiredCount == 0 {
      properties["DesiredCount"] = .int(deployment.desiredCount)
    }
    applySpotAndAlarms(deployment, to: &properties)
    if let grace = deployment.healthCheckGracePeriodSeconds {
      properties["HealthCheckGracePeriodSeconds"] = .int(grace)
    }
    if let target = web?.targetGroup {
      properties["LoadBalancers"] = .array([
        .sorted([
          "TargetGroupArn": Intrinsic.ref(ID.targetGroup),
          "ContainerName": .string(target.containerName),
          "ContainerPort": .int(target.port),
        ])
      ])
    }
    return [
      JSONMember(
        ID.service,
        resource(
          "AWS::ECS::Service", condition: context.serviceCondition,
          dependsOn: entryDependencies(web), properties))
    ]
  }

  /// The scalable target and one target-tracking policy per metric.
  func scaling(_ service: ServicePlan) -> [JSONMember] {
    guard let scaling = service.scaling else { return [] }
    var members = [
      JSONMember(
        ID.scalableTarget,
        resource(
          "AWS::ApplicationAutoScaling::ScalableTarget", condition: context.serviceCondition,
          [
            "ServiceNamespace": .string(scaling.serviceNamespace),
            "ScalableDimension": .string(scaling.scalableDimension),
            "ResourceId": Intrinsic.sub([
              .literal("service/"), context.clusterNamePart, .literal("/"),
              .variable("\(ID.service).Name"),
            ]),
            "MinCapacity": .int(scaling.minCapacity),
            "MaxCapacity": .int(scaling.maxCapacity),
          ]))
    ]
    for policy in scaling.policies {
      var metric: [String: JSONValue] = ["PredefinedMetricType": .string(policy.metric.rawValue)]
      if policy.metric == .requestCountPerTarget {
        metric["ResourceLabel"] = Intrinsic.sub([
          loadBalancerLabel(), .literal("/"),
          .variable("\(ID.targetGroup).TargetGroupFullName"),
        ])
      }
      members.append(
        JSONMember(
          ID.scalingPolicy(policy),
          resource(
            "AWS::ApplicationAutoScaling::ScalingPolicy", condition: context.serviceCondition,
            [
              "PolicyName": .string(policy.name),
              "PolicyType": .string("TargetTrackingScaling"),
              "ScalingTargetId": Intrinsic.ref(ID.scalableTarget),
              "TargetTrackingScalingPolicyConfiguration": .sorted([
                "TargetValue": .int(policy.targetValue),
                "ScaleInCooldown": .int(policy.scaleInCooldownSeconds),
                "ScaleOutCooldown": .int(policy.scaleOutCooldownSeconds),
                "PredefinedMetricSpecification": .sorted(metric),
              ]),
            ])))
    }
    return members
  }
}
