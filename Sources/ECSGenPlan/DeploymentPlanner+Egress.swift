import ECSGenSpec

extension DeploymentPlanner {
  /// The tasks' egress rules from `network.egress`: one security group rule per destination, in
  /// the order written (CIDR blocks, then security groups, then prefix lists of each entry).
  func egressRules(_ rules: [EgressRuleSpec]) -> [SecurityGroupRule] {
    var planned: [SecurityGroupRule] = []
    for rule in rules {
      guard let port = rule.port?.value else { continue }
      let transport = (rule.transport?.value ?? .tcp).rawValue
      let ports = port.text
      var peers: [(SecurityGroupPeer, String)] = []
      for cidr in rule.cidrs ?? [] {
        peers.append(
          (cidr.value.contains(":") ? .ipv6CIDR(cidr.value) : .ipv4CIDR(cidr.value), cidr.value))
      }
      peers += (rule.securityGroups ?? []).map { (.securityGroup($0.value), $0.value) }
      peers += (rule.prefixLists ?? []).map { (.prefixList($0.value), $0.value) }
      for (peer, destination) in peers {
        planned.append(
          SecurityGroupRule(
            description: "\(transport.uppercased()) \(ports) to \(destination)",
            ipProtocol: transport, fromPort: port.from, toPort: port.to, peer: peer,
            name: Self.ruleName([transport, ports, "to", destination])))
      }
    }
    return planned
  }

  /// `tcp_5432_to_sg_0123456789abcdef0`: the rule's content in letters, digits and underscores,
  /// so that the name is a valid Terraform identifier and stays the same while the rule does.
  static func ruleName(_ parts: [String]) -> String {
    let text = parts.joined(separator: "_")
    return String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
  }
}
