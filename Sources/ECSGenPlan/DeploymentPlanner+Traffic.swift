import ECSGenSpec

extension DeploymentPlanner {
  func loadBalancerPlan(
    _ spec: ServiceSpec, names: ResourceNames, inputs: inout InputCollector
  ) -> LoadBalancerPlan {
    let balancer = spec.loadBalancer
    let isPublic = balancer?.isPublic?.value ?? SpecDefaults.LoadBalancer.isPublic
    // DNS names are case-insensitive and the trailing dot is optional: one spelling in the output.
    let domain = balancer?.domain.map { name in
      (name.value.hasSuffix(".") ? String(name.value.dropLast()) : name.value).lowercased()
    }
    var plan = LoadBalancerPlan(
      name: names.loadBalancer(isInternal: !isPublic, vpcID: spec.network?.vpcID?.value),
      isInternal: !isPublic,
      subnetIDs: spec.network?.loadBalancerSubnets.map { .fixed($0.map(\.value)) }
        ?? inputs.open(
          "load_balancer_subnet_ids", .subnetIDs,
          "Subnets for the load balancer, in at least two Availability Zones"
            + (isPublic ? " (public subnets)." : "."),
          minimumCount: 2),
      idleTimeoutSeconds: balancer?.idleTimeout?.value
        ?? SpecDefaults.LoadBalancer.idleTimeoutSeconds,
      dropInvalidHeaderFields: true,
      // Validation requires allowed_cidrs on an internal load balancer.
      allowedCIDRs: balancer?.allowedCIDRs?.map(\.value)
        ?? (isPublic ? [SpecDefaults.LoadBalancer.publicCIDR] : []),
      urlScheme: balancer?.certificateARN == nil ? "http" : "https",
      domain: domain,
      aliasRecord: balancer?.hostedZoneID.flatMap { zone in
        domain.map {
          AliasRecordPlan(
            hostedZoneID: zone.value, name: $0, type: "A", evaluateTargetHealth: true)
        }
      },
      createBeforeDestroy: true)
    applyHardening(spec, names: names, to: &plan)
    return plan
  }

  func targetGroupPlan(
    _ spec: ServiceSpec, names: ResourceNames, port: Int, container: String
  ) -> TargetGroupPlan {
    let check = spec.healthCheck
    let defaults = SpecDefaults.HealthCheck.self
    let stickiness: Int?
    switch spec.loadBalancer?.stickiness?.value {
    case nil, .disabled: stickiness = nil
    case .enabled: stickiness = SpecDefaults.LoadBalancer.stickinessSeconds
    case .duration(let seconds): stickiness = seconds
    }
    let targetProtocol = "HTTP"
    let targetType = "ip"
    return TargetGroupPlan(
      name: names.targetGroup(
        port: port, targetProtocol: targetProtocol, targetType: targetType,
        vpcID: spec.network?.vpcID?.value, loadBalancer: targetGroupOwner(spec)),
      port: port,
      targetProtocol: targetProtocol,
      targetType: targetType,
      deregistrationDelaySeconds: spec.loadBalancer?.deregistrationDelay?.value
        ?? SpecDefaults.LoadBalancer.deregistrationDelaySeconds,
      healthCheck: TargetHealthCheckPlan(
        path: check?.path?.value ?? defaults.path,
        intervalSeconds: check?.interval?.value ?? defaults.intervalSeconds,
        timeoutSeconds: check?.timeout?.value ?? defaults.timeoutSeconds,
        healthyThreshold: check?.healthyThreshold?.value ?? defaults.healthyThreshold,
        unhealthyThreshold: check?.unhealthyThreshold?.value ?? defaults.unhealthyThreshold,
        matcher: check?.successCodes?.value ?? defaults.successCodes,
        healthCheckProtocol: "HTTP",
        port: "traffic-port"),
      stickinessSeconds: stickiness,
      createBeforeDestroy: true,
      containerName: container)
  }

  /// What identifies the load balancer a target group forwards for, beyond the VPC its name
  /// already holds: a shared listener's load balancer (`app/NAME/ID`), or the scheme of the
  /// service's own when it is internal. Nothing for the default internet-facing one.
  func targetGroupOwner(_ spec: ServiceSpec) -> [String] {
    if let listener = spec.loadBalancer?.sharedListener {
      return ["shared", listenerRulePlan(listener).loadBalancerLabel]
    }
    let isPublic = spec.loadBalancer?.isPublic?.value ?? SpecDefaults.LoadBalancer.isPublic
    return isPublic ? [] : ["internal"]
  }

  /// HTTPS on 443 plus an HTTP listener that redirects to it when there is a certificate; plain
  /// HTTP on 80 otherwise.
  func listeners(_ spec: ServiceSpec) -> [ListenerPlan] {
    guard let certificate = spec.loadBalancer?.certificateARN?.value else {
      return [
        ListenerPlan(
          role: "http", port: 80, listenerProtocol: .http, certificateARN: nil, sslPolicy: nil,
          action: .forwardToTargetGroup)
      ]
    }
    return [
      ListenerPlan(
        role: "https", port: 443, listenerProtocol: .https, certificateARN: certificate,
        sslPolicy: spec.loadBalancer?.sslPolicy?.value ?? SpecDefaults.LoadBalancer.sslPolicy,
        action: .forwardToTargetGroup),
      ListenerPlan(
        role: "http", port: 80, listenerProtocol: .http, certificateARN: nil, sslPolicy: nil,
        action: .redirectToHTTPS(port: 443)),
    ]
  }

  /// The load balancer accepts the listener ports from the allowed networks and talks only to the
  /// tasks; the tasks accept traffic only from the load balancer (`tasksIngress`).
  func loadBalancerSecurityGroup(
    names: ResourceNames, loadBalancer: LoadBalancerPlan, port: Int
  ) -> (group: SecurityGroupPlan, tasksIngress: SecurityGroupRule) {
    let listenerPorts = loadBalancer.urlScheme == "https" ? [443, 80] : [80]
    var ingress: [SecurityGroupRule] = []
    for listenerPort in listenerPorts {
      for cidr in loadBalancer.allowedCIDRs {
        let peer: SecurityGroupPeer = cidr.contains(":") ? .ipv6CIDR(cidr) : .ipv4CIDR(cidr)
        ingress.append(
          SecurityGroupRule(
            description: "\(listenerPort == 443 ? "HTTPS" : "HTTP") from \(cidr)",
            ipProtocol: "tcp", fromPort: listenerPort, toPort: listenerPort, peer: peer))
      }
    }
    let toTasks = SecurityGroupRule(
      description: "To \(names.service) tasks on the container port", ipProtocol: "tcp",
      fromPort: port, toPort: port, peer: .tasksGroup)
    let fromLoadBalancer = SecurityGroupRule(
      description: "From the \(names.service) load balancer on the container port",
      ipProtocol: "tcp", fromPort: port, toPort: port, peer: .loadBalancerGroup)
    return (
      SecurityGroupPlan(
        namePrefix: names.loadBalancerSecurityGroupPrefix,
        description: "Load balancer of \(names.service)",
        ingress: ingress, egress: [toTasks], createBeforeDestroy: true),
      fromLoadBalancer
    )
  }

  /// The tasks' group of every kind: HTTPS out, plus the spec's `network.egress`; the kind adds
  /// its ingress.
  func tasksSecurityGroup(names: ResourceNames, egressRules: [SecurityGroupRule])
    -> SecurityGroupPlan
  {
    // Tasks reach ECR, CloudWatch Logs, Secrets Manager and SSM over HTTPS; nothing else is
    // opened unless the spec lists it in `network.egress`.
    let tasksEgress = SecurityGroupRule(
      description: "HTTPS to AWS APIs and the internet", ipProtocol: "tcp", fromPort: 443,
      toPort: 443, peer: .ipv4CIDR("0.0.0.0/0"))
    return SecurityGroupPlan(
      namePrefix: names.tasksSecurityGroupPrefix,
      description: "Tasks of \(names.service)",
      ingress: [], egress: [tasksEgress] + egressRules, createBeforeDestroy: true)
  }
}
