import ECSGenDiagnostics

extension SpecValidator {
  /// `network`: the shapes of VPC, subnet and security group ids.
  func checkNetwork(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let network = spec.network else { return }
    if let vpc = network.vpcID, !IdentifierPatterns.isVPCID(vpc.value) {
      findings.add(
        .error(
          "network-id", at: vpc.location,
          "`network.vpc_id` is `\(vpc.value)`; a VPC id looks like `vpc-0a1b2c3d4e5f67890`"))
    }
    let subnetLists = [
      ("subnets", network.subnets), ("load_balancer_subnets", network.loadBalancerSubnets),
    ]
    for (field, subnets) in subnetLists {
      guard let subnets else { continue }
      for subnet in subnets where !IdentifierPatterns.isSubnetID(subnet.value) {
        findings.add(
          .error(
            "network-id", at: subnet.location,
            "`\(subnet.value)` in `network.\(field)` is not a subnet id; one looks like `subnet-0a1b2c3d4e5f67890`"
          ))
      }
      if subnets.isEmpty {
        findings.add(
          .error(
            "network-id", at: network.location,
            "`network.\(field)` is empty; list the subnet ids, or leave the key out to make it an input of the generated infrastructure"
          ))
      }
    }
    if let balancerSubnets = network.loadBalancerSubnets, balancerSubnets.count == 1,
      let only = balancerSubnets.first
    {
      findings.add(
        .error(
          "load-balancer-subnets", at: only.location,
          "an Application Load Balancer needs subnets in at least two Availability Zones; add a second subnet to `network.load_balancer_subnets`"
        ))
    }
    for group in network.securityGroups ?? []
    where !IdentifierPatterns.isSecurityGroupID(group.value) {
      findings.add(
        .error(
          "network-id", at: group.location,
          "`\(group.value)` in `network.security_groups` is not a security group id; one looks like `sg-0a1b2c3d4e5f67890`"
        ))
    }
  }
}
