import ECSGenDiagnostics

extension SpecValidator {
  /// `load_balancer.listener_arn`: a forwarding rule on a listener of a load balancer the service
  /// does not own. The owner's settings (scheme, TLS, who may connect, DNS) belong to that load
  /// balancer, so the keys that would set them here are errors.
  func checkSharedListener(
    _ spec: ServiceSpec, _ listener: SharedListenerSpec, _ findings: inout Findings
  ) {
    checkListenerARN(spec, listener.listenerARN, &findings)
    checkOwnerKeys(spec, &findings)
    if let group = listener.securityGroup {
      if !IdentifierPatterns.isSecurityGroupID(group.value) {
        findings.add(
          .error(
            "listener-security-group", at: group.location,
            "`load_balancer.security_group` is `\(group.value)`, which is not a security group id; write the shared load balancer's group, such as `sg-0123456789abcdef0`"
          ))
      }
    } else if !findings.undecodableFields.contains("load_balancer.security_group") {
      findings.add(
        .error(
          "listener-security-group", at: listener.listenerARN.location,
          "`load_balancer.listener_arn` needs `load_balancer.security_group`, the shared load balancer's security group: the tasks admit the container port only from it; add `security_group: sg-...`"
        ))
    }
    if let priority = listener.priority {
      findings.checkRange(priority, AWSLimits.listenerRulePriority, field: "load_balancer.priority")
    } else if !findings.undecodableFields.contains("load_balancer.priority") {
      findings.add(
        .error(
          "listener-priority", at: listener.listenerARN.location,
          "`load_balancer.listener_arn` needs `load_balancer.priority`, the rule's place among the listener's rules (\(AWSLimits.listenerRulePriority.lowerBound) to \(AWSLimits.listenerRulePriority.upperBound), unique on the listener); add `priority: 100`, say"
        ))
    }
    checkConditions(listener, &findings)
  }

  private func checkListenerARN(
    _ spec: ServiceSpec, _ arn: Located<String>, _ findings: inout Findings
  ) {
    guard let parsed = IdentifierPatterns.listenerARN(arn.value) else {
      findings.add(
        .error(
          "listener-arn", at: arn.location,
          "`load_balancer.listener_arn` is `\(arn.value)`, which is not an Application Load Balancer listener ARN; write `arn:aws:elasticloadbalancing:REGION:ACCOUNT_ID:listener/app/NAME/ID/ID` (the listener's ARN, not the load balancer's)"
        ))
      return
    }
    if let region = spec.region, region.value != parsed.region {
      findings.add(
        .error(
          "listener-region", at: arn.location,
          "the listener is in `\(parsed.region)` but the spec's `region` is `\(region.value)`; a listener rule can only forward to a target group in its own region: use a listener in `\(region.value)` or change `region`"
        ))
    }
  }

  /// Keys that configure a load balancer: with `listener_arn` ecsgen creates none.
  private func checkOwnerKeys(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let balancer = spec.loadBalancer else { return }
    let owned: [(String, SourceLocation?)] = [
      ("public", balancer.isPublic?.location),
      ("idle_timeout", balancer.idleTimeout?.location),
      ("certificate_arn", balancer.certificateARN?.location),
      ("ssl_policy", balancer.sslPolicy?.location),
      ("allowed_cidrs", balancer.allowedCIDRs.map { $0.first?.location ?? balancer.location }),
      ("domain", balancer.domain?.location),
      ("hosted_zone_id", balancer.hostedZoneID?.location),
      ("deletion_protection", balancer.deletionProtection?.location),
      ("waf_acl_arn", balancer.wafACLARN?.location),
      ("access_logs", balancer.accessLogs?.location),
    ]
    for (key, location) in owned {
      guard let location else { continue }
      findings.add(
        .error(
          "listener-owner-key", at: location,
          "`load_balancer.\(key)` configures a load balancer, but with `load_balancer.listener_arn` the service joins an existing one and ecsgen creates none; set it on the shared load balancer, or remove `listener_arn` to give the service its own"
        ))
    }
    if let subnets = spec.network?.loadBalancerSubnets {
      findings.add(
        .error(
          "listener-owner-key", at: subnets.first?.location ?? balancer.location,
          "`network.load_balancer_subnets` places a load balancer, but with `load_balancer.listener_arn` ecsgen creates none; remove it"
        ))
    }
  }

  /// `hosts` and `paths`: the rule's conditions, within what ALB accepts.
  private func checkConditions(_ listener: SharedListenerSpec, _ findings: inout Findings) {
    let hosts = listener.hosts ?? []
    let paths = listener.paths ?? []
    if hosts.isEmpty && paths.isEmpty
      && !findings.undecodableFields.contains("load_balancer.hosts")
      && !findings.undecodableFields.contains("load_balancer.paths")
    {
      findings.add(
        .error(
          "listener-conditions", at: listener.listenerARN.location,
          "a rule on a shared listener needs `load_balancer.hosts` or `load_balancer.paths` (or both), or it would take every request of the listener; add, say, `hosts: [shop.example.com]` or `paths: [\"/catalog/*\"]`"
        ))
    }
    let total = hosts.count + paths.count
    if total > AWSLimits.listenerRuleConditionValues, let first = (hosts + paths).first {
      findings.add(
        .error(
          "listener-conditions", at: first.location,
          "`load_balancer.hosts` and `paths` have \(total) values; a listener rule matches at most \(AWSLimits.listenerRuleConditionValues) in total; use wildcards (`*.example.com`, `/catalog/*`) or split the service's traffic differently"
        ))
    }
    // ALB also compares at most 3 values per condition: 4 hosts fit the rule's 5 but not one
    // `host-header` condition, and CreateRule refuses them.
    for (key, values) in [("hosts", hosts), ("paths", paths)]
    where values.count > AWSLimits.listenerConditionValues {
      findings.add(
        .error(
          "listener-conditions", at: values[AWSLimits.listenerConditionValues].location,
          "`load_balancer.\(key)` has \(values.count) values; one condition of a listener rule compares at most \(AWSLimits.listenerConditionValues); use a wildcard (`*.example.com`, `/catalog/*`) to cover several, or split the service's traffic differently"
        ))
    }
    let wildcards = (hosts + paths).reduce(0) { sum, value in
      sum + value.value.filter { $0 == "*" || $0 == "?" }.count
    }
    if wildcards > AWSLimits.listenerRuleWildcards, let first = (hosts + paths).first {
      findings.add(
        .error(
          "listener-conditions", at: first.location,
          "`load_balancer.hosts` and `paths` hold \(wildcards) wildcards (`*` and `?`); a listener rule allows at most \(AWSLimits.listenerRuleWildcards) in all its values; use fewer wildcards, such as one `*` where several stand together"
        ))
    }
    for host in hosts where !IdentifierPatterns.isHostCondition(host.value) {
      findings.add(
        .error(
          "listener-host", at: host.location,
          "`\(host.value)` is not a host condition ALB accepts: at most 128 characters of letters, digits, `-`, `.`, and the wildcards `*` and `?`, with at least one `.` and only letters after the last one; write a host name such as `shop.example.com` or `*.example.com`"
        ))
    }
    for path in paths where !IdentifierPatterns.isPathCondition(path.value) {
      findings.add(
        .error(
          "listener-path", at: path.location,
          "`\(path.value)` is not a path pattern ALB accepts: 1 to 128 characters of letters, digits, `_-.$/~\"'@:+&` and the wildcards `*` and `?`; write, say, `/catalog/*`"
        ))
    }
  }
}
