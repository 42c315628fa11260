import ECSGenDiagnostics

extension SpecValidator {
  /// `network.egress`, and environment values that point at a port the tasks cannot reach.
  func checkEgress(_ spec: ServiceSpec, _ findings: inout Findings) {
    let rules = spec.network?.egress ?? []
    for rule in rules { checkEgressRule(rule, &findings) }
    checkDuplicateEgress(rules, &findings)
    checkEnvironmentEndpoints(spec, openedBy: rules, &findings)
  }

  private func checkEgressRule(_ rule: EgressRuleSpec, _ findings: inout Findings) {
    if let port = rule.port {
      let range = port.value
      if !AWSLimits.port.contains(range.from) || !AWSLimits.port.contains(range.to) {
        findings.add(
          .error(
            "out-of-range", at: port.location,
            "egress port `\(range.text)` is outside 1 to 65535"))
      } else if range.from > range.to {
        findings.add(
          .error(
            "egress-rule", at: port.location,
            "the port range `\(range.text)` ends before it starts; write the lower port first, such as `\(range.to)-\(range.from)`"
          ))
      }
    }
    if rule.destinationCount == 0 {
      findings.add(
        .error(
          "egress-rule", at: rule.location,
          "an egress rule needs a destination: `cidrs` (such as `[10.0.0.0/16]`), `security_groups` (the database's group, `sg-...`) or `prefix_lists` (`pl-...`)"
        ))
    }
    for cidr in rule.cidrs ?? []
    where !IdentifierPatterns.isIPv4CIDR(cidr.value) && !IdentifierPatterns.isIPv6CIDR(cidr.value) {
      findings.add(
        .error(
          "egress-rule", at: cidr.location,
          "`\(cidr.value)` is not a CIDR block; write an address and prefix length, such as `10.0.0.0/16`"
        ))
    }
    for group in rule.securityGroups ?? []
    where !IdentifierPatterns.isSecurityGroupID(group.value) {
      findings.add(
        .error(
          "network-id", at: group.location,
          "`\(group.value)` in an egress rule's `security_groups` is not a security group id; one looks like `sg-0123456789abcdef0`"
        ))
    }
    for list in rule.prefixLists ?? [] where !IdentifierPatterns.isPrefixListID(list.value) {
      findings.add(
        .error(
          "network-id", at: list.location,
          "`\(list.value)` in an egress rule's `prefix_lists` is not a managed prefix list id; one looks like `pl-0123456789abcdef0`"
        ))
    }
  }

  /// AWS refuses a rule that repeats another one of the same group (`InvalidPermission.Duplicate`),
  /// including the HTTPS rule ecsgen always adds.
  private func checkDuplicateEgress(_ rules: [EgressRuleSpec], _ findings: inout Findings) {
    let https = EgressKey(transport: .tcp, from: 443, to: 443, destination: "0.0.0.0/0")
    var seen: Set<EgressKey> = [https]
    for rule in rules {
      guard let port = rule.port?.value else { continue }
      let transport = rule.transport?.value ?? .tcp
      let destinations = (rule.cidrs ?? []) + (rule.securityGroups ?? []) + (rule.prefixLists ?? [])
      for destination in destinations {
        let key = EgressKey(
          transport: transport, from: port.from, to: port.to, destination: destination.value)
        if seen.insert(key).inserted { continue }
        let what =
          key == https
          ? "the HTTPS rule ecsgen always adds (TCP 443 to 0.0.0.0/0)"
          : "another egress rule"
        findings.add(
          .error(
            "egress-rule", at: destination.location,
            "\(transport.rawValue.uppercased()) \(port.text) to `\(destination.value)` repeats \(what); AWS refuses duplicate rules, so remove this one"
          ))
      }
    }
  }

  private struct EgressKey: Hashable {
    var transport: EgressProtocol
    var from: Int
    var to: Int
    var destination: String
  }

  /// An environment value that names a database or broker the tasks cannot reach: their own
  /// security group allows only HTTPS out, so the connection would hang until it times out.
  private func checkEnvironmentEndpoints(
    _ spec: ServiceSpec, openedBy rules: [EgressRuleSpec], _ findings: inout Findings
  ) {
    let opened = rules.compactMap { $0.port?.value }
    let attachedGroups = !(spec.network?.securityGroups ?? []).isEmpty
    for entry in spec.environment ?? [] {
      var ports: [Int] = []
      var example: NetworkEndpoints.Endpoint?
      for endpoint in NetworkEndpoints.endpoints(in: entry.value.value)
      where endpoint.port != 443 && !opened.contains(where: { $0.contains(endpoint.port) })
        && !ports.contains(endpoint.port)
      {
        ports.append(endpoint.port)
        if example == nil { example = endpoint }
      }
      guard let example, let port = ports.first else { continue }
      let portList =
        ports.count == 1
        ? "port \(port)" : "ports " + ports.map(String.init).joined(separator: ", ")
      let source =
        example.explicitPort
        ? "" : " (the default of `\(example.scheme ?? "")://`)"
      let fix =
        "open it with `network.egress`, for example `- {port: \(port), security_groups: [sg-0123456789abcdef0]}` (the server's group) or `cidrs: [10.0.0.0/16]`"
      if attachedGroups {
        findings.add(
          .note(
            "egress-port", at: entry.value.location,
            "`\(entry.key.value)` points at \(portList)\(source), which the tasks' own security group does not allow out (only 443); make sure a group in `network.security_groups` allows it, or \(fix)"
          ))
      } else {
        findings.add(
          .warning(
            "egress-port", at: entry.value.location,
            "`\(entry.key.value)` points at \(portList)\(source), but the tasks' security group allows outbound connections only to port 443, so the connection will time out; \(fix), or attach a group that allows it in `network.security_groups`"
          ))
      }
    }
  }
}
