import ECSGenPlan

extension MainFile {
  /// The two security groups and one rule resource per rule, each with its description.
  func securityGroupBlocks() -> [HCLBlock] {
    var groups = [("tasks", plan.tasksSecurityGroup)]
    if let own = plan.ownLoadBalancer {
      groups.insert(("load_balancer", own.loadBalancerSecurityGroup), at: 0)
    }
    var blocks: [HCLBlock] = []
    for (address, group) in groups {
      blocks.append(
        resource(
          "aws_security_group", address,
          [
            .set("name_prefix", .string(group.namePrefix)),
            .set("description", .string(group.description)),
            .set("vpc_id", context.value(plan.network.vpcID)),
          ] + createBeforeDestroy(group.createBeforeDestroy)))
    }
    for (address, group) in groups {
      for (direction, rules) in [("ingress", group.ingress), ("egress", group.egress)] {
        // Rules the plan names keep their names; the others are named by position among
        // themselves, as they always were.
        let unnamed = rules.filter { $0.name == nil }
        for (index, rule) in unnamed.enumerated() {
          let name =
            unnamed.count == 1
            ? "\(address)_\(direction)" : "\(address)_\(direction)_\(index + 1)"
          blocks.append(
            resource(
              "aws_vpc_security_group_\(direction)_rule", name,
              ruleBody(rule, group: address)))
        }
        for rule in rules {
          guard let ruleName = rule.name else { continue }
          let name = "\(address)_\(direction)_\(ruleName)"
          blocks.append(
            resource(
              "aws_vpc_security_group_\(direction)_rule", name,
              ruleBody(rule, group: address)))
        }
      }
    }
    return blocks
  }

  private func ruleBody(_ rule: SecurityGroupRule, group: String) -> [HCLBodyItem] {
    var body: [HCLBodyItem] = [
      .set("security_group_id", ref("aws_security_group.\(group).id")),
      .set("description", .string(rule.description)),
      .set("ip_protocol", .string(rule.ipProtocol)),
    ]
    if rule.ipProtocol != "-1" {
      body += [.set("from_port", .number(rule.fromPort)), .set("to_port", .number(rule.toPort))]
    }
    switch rule.peer {
    case .ipv4CIDR(let cidr): body.append(.set("cidr_ipv4", .string(cidr)))
    case .ipv6CIDR(let cidr): body.append(.set("cidr_ipv6", .string(cidr)))
    case .loadBalancerGroup:
      body.append(.set("referenced_security_group_id", ref("aws_security_group.load_balancer.id")))
    case .tasksGroup:
      body.append(.set("referenced_security_group_id", ref("aws_security_group.tasks.id")))
    case .securityGroup(let id):
      body.append(.set("referenced_security_group_id", .string(id)))
    case .prefixList(let id):
      body.append(.set("prefix_list_id", .string(id)))
    }
    return body
  }
}
