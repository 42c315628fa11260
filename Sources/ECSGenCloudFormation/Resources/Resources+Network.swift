import ECSGenPlan

extension Resources {
  /// The two security groups. Their rules are written inline, which also replaces the allow-all
  /// egress rule AWS would otherwise add; only the tasks' rule that refers back to the load
  /// balancer's group is a resource of its own, to keep the two groups free of a cycle.
  func securityGroups() -> [JSONMember] {
    let tasks = plan.tasksSecurityGroup
    let fromLoadBalancer = tasks.ingress.filter { $0.peer == .loadBalancerGroup }
    var members: [JSONMember] = []
    if let own = plan.ownLoadBalancer {
      members.append(
        JSONMember(
          ID.loadBalancerSecurityGroup,
          securityGroup(
            own.loadBalancerSecurityGroup, ingress: own.loadBalancerSecurityGroup.ingress)))
    }
    members.append(
      JSONMember(
        ID.taskSecurityGroup,
        securityGroup(tasks, ingress: tasks.ingress.filter { $0.peer != .loadBalancerGroup })))
    for (index, rule) in fromLoadBalancer.enumerated() {
      var properties = ruleProperties(rule, direction: .ingress)
      properties["GroupId"] = Intrinsic.getAtt(ID.taskSecurityGroup, "GroupId")
      let suffix = fromLoadBalancer.count == 1 ? "" : String(index + 1)
      members.append(
        JSONMember(
          ID.taskIngressFromLoadBalancer + suffix,
          resource("AWS::EC2::SecurityGroupIngress", properties)))
    }
    return members
  }

  private enum Direction { case ingress, egress }

  private func securityGroup(_ group: SecurityGroupPlan, ingress: [SecurityGroupRule]) -> JSONValue
  {
    // No `GroupName`: CloudFormation generates `STACK-LOGICALID-SUFFIX`, a new one on every
    // replacement (a VPC or description change), which a custom name would block.
    var properties: [String: JSONValue] = [
      "GroupDescription": .string(group.description),
      "VpcId": context.value(plan.network.vpcID),
      "SecurityGroupEgress": .array(
        group.egress.map { .sorted(ruleProperties($0, direction: .egress)) }),
      "Tags": context.tags,
    ]
    if !ingress.isEmpty {
      properties["SecurityGroupIngress"] = .array(
        ingress.map { .sorted(ruleProperties($0, direction: .ingress)) })
    }
    return resource("AWS::EC2::SecurityGroup", properties)
  }

  private func ruleProperties(_ rule: SecurityGroupRule, direction: Direction) -> [String:
    JSONValue]
  {
    var properties: [String: JSONValue] = [
      "Description": .string(rule.description),
      "IpProtocol": .string(rule.ipProtocol),
    ]
    if rule.ipProtocol != "-1" {
      properties["FromPort"] = .int(rule.fromPort)
      properties["ToPort"] = .int(rule.toPort)
    }
    let groupKey = direction == .ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"
    let prefixListKey =
      direction == .ingress ? "SourcePrefixListId" : "DestinationPrefixListId"
    switch rule.peer {
    case .ipv4CIDR(let cidr): properties["CidrIp"] = .string(cidr)
    case .ipv6CIDR(let cidr): properties["CidrIpv6"] = .string(cidr)
    case .loadBalancerGroup:
      properties[groupKey] = Intrinsic.getAtt(ID.loadBalancerSecurityGroup, "GroupId")
    case .tasksGroup:
      properties[groupKey] = Intrinsic.getAtt(ID.taskSecurityGroup, "GroupId")
    case .securityGroup(let id): properties[groupKey] = .string(id)
    case .prefixList(let id): properties[prefixListKey] = .string(id)
    }
    return properties
  }

  /// The load balancer, its target group and its listeners.
  func loadBalancer(_ web: WebPlan, _ own: OwnLoadBalancerPlan) -> [JSONMember] {
    let balancer = own.loadBalancer
    var members = [
      JSONMember(
        ID.loadBalancer,
        resource(
          "AWS::ElasticLoadBalancingV2::LoadBalancer",
          dependsOn: loadBalancerHardeningDependencies(balancer),
          [
            "Name": .string(balancer.name),
            "Type": .string("application"),
            "Scheme": .string(balancer.isInternal ? "internal" : "internet-facing"),
            "SecurityGroups": .array([Intrinsic.getAtt(ID.loadBalancerSecurityGroup, "GroupId")]),
            "Subnets": context.value(own.loadBalancer.subnetIDs),
            "LoadBalancerAttributes": .array(
              keyValueItems([
                ("idle_timeout.timeout_seconds", String(balancer.idleTimeoutSeconds)),
                (
                  "routing.http.drop_invalid_header_fields.enabled",
                  balancer.dropInvalidHeaderFields ? "true" : "false"
                ),
              ]) + loadBalancerHardeningAttributes(balancer)),
            "Tags": context.tags,
          ])),
      targetGroup(web.targetGroup),
    ]
    for listener in own.listeners {
      var properties: [String: JSONValue] = [
        "LoadBalancerArn": Intrinsic.ref(ID.loadBalancer),
        "Port": .int(listener.port),
        "Protocol": .string(listener.listenerProtocol.rawValue),
      ]
      if let policy = listener.sslPolicy { properties["SslPolicy"] = .string(policy) }
      if let certificate = listener.certificateARN {
        properties["Certificates"] = .array([.sorted(["CertificateArn": .string(certificate)])])
      }
      switch listener.action {
      case .forwardToTargetGroup:
        properties["DefaultActions"] = .array([
          .sorted(["Type": .string("forward"), "TargetGroupArn": Intrinsic.ref(ID.targetGroup)])
        ])
      case .redirectToHTTPS(let port):
        properties["DefaultActions"] = .array([
          .sorted([
            "Type": .string("redirect"),
            "RedirectConfig": .sorted([
              "Protocol": .string("HTTPS"), "Port": .string(String(port)),
              "StatusCode": .string("HTTP_301"),
            ]),
          ])
        ])
      }
      members.append(
        JSONMember(
          ID.listener(listener), resource("AWS::ElasticLoadBalancingV2::Listener", properties)))
    }
    if let record = balancer.aliasRecord {
      members.append(
        JSONMember(
          ID.dnsRecord,
          resource(
            "AWS::Route53::RecordSet",
            [
              "HostedZoneId": .string(record.hostedZoneID),
              "Name": .string(record.name),
              "Type": .string(record.type),
              "AliasTarget": .sorted([
                "DNSName": Intrinsic.getAtt(ID.loadBalancer, "DNSName"),
                "HostedZoneId": Intrinsic.getAtt(ID.loadBalancer, "CanonicalHostedZoneID"),
                "EvaluateTargetHealth": .bool(record.evaluateTargetHealth),
              ]),
            ])))
    }
    return members + loadBalancerHardeningMembers(balancer)
  }

  /// `[{Key, Value}]` in the given order (attribute lists read best in a logical order).
  func keyValues(_ pairs: [(String, String)]) -> JSONValue {
    .array(keyValueItems(pairs))
  }

  func keyValueItems(_ pairs: [(String, String)]) -> [JSONValue] {
    pairs.map { .sorted(["Key": .string($0.0), "Value": .string($0.1)]) }
  }
}
