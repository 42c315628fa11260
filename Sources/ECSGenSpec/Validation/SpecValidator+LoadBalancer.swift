import ECSGenDiagnostics

extension SpecValidator {
  /// `load_balancer`.
  func checkLoadBalancer(_ spec: ServiceSpec, _ findings: inout Findings) {
    let balancer = spec.loadBalancer
    let isPublic = balancer?.isPublic?.value ?? SpecDefaults.LoadBalancer.isPublic
    findings.checkRange(
      balancer?.idleTimeout, AWSLimits.idleTimeout, field: "load_balancer.idle_timeout",
      unit: "seconds")
    findings.checkRange(
      balancer?.deregistrationDelay, AWSLimits.deregistrationDelay,
      field: "load_balancer.deregistration_delay", unit: "seconds")
    if let certificate = balancer?.certificateARN,
      !IdentifierPatterns.isCertificateARN(certificate.value)
    {
      findings.add(
        .error(
          "certificate-arn", at: certificate.location,
          "`load_balancer.certificate_arn` is `\(certificate.value)`, which is not an ACM certificate ARN; write `arn:aws:acm:REGION:ACCOUNT_ID:certificate/ID`"
        ))
    }
    if let listener = balancer?.sharedListener {
      checkSharedListener(spec, listener, &findings)
    }
    if isPublic && balancer?.certificateARN == nil && (spec.kind?.value ?? .web) == .web
      && balancer?.sharedListener == nil
    {
      let url = balancer?.domain.map { "; `service_url` is `http://\($0.value)`" } ?? ""
      findings.add(
        .warning(
          "https-missing", at: balancer?.location ?? spec.location,
          "the public load balancer has no `load_balancer.certificate_arn`, so it serves plain HTTP\(url); add an ACM certificate to serve HTTPS on 443 and redirect HTTP to it"
        ))
    }
    if let policy = balancer?.sslPolicy {
      checkTLSPolicy(policy, hasCertificate: balancer?.certificateARN != nil, &findings)
    }
    if case .duration(let seconds) = balancer?.stickiness?.value,
      !AWSLimits.stickinessDuration.contains(seconds), let location = balancer?.stickiness?.location
    {
      findings.add(
        .error(
          "out-of-range", at: location,
          "`load_balancer.stickiness` is \(seconds) seconds; a cookie duration must be 1s to 7d")
      )
    }
    if let cidrs = balancer?.allowedCIDRs {
      if cidrs.isEmpty, let location = balancer?.location {
        findings.add(
          .error(
            "allowed-cidrs", at: location,
            "`load_balancer.allowed_cidrs` is empty, so nothing could reach the service; list the networks allowed in, such as `10.0.0.0/8`"
          ))
      }
      for cidr in cidrs
      where !IdentifierPatterns.isIPv4CIDR(cidr.value) && !IdentifierPatterns.isIPv6CIDR(cidr.value)
      {
        findings.add(
          .error(
            "allowed-cidrs", at: cidr.location,
            "`\(cidr.value)` is not a CIDR block; write an address and prefix length, such as `10.0.0.0/16`"
          ))
      }
    } else if !isPublic, let location = balancer?.isPublic?.location,
      balancer?.sharedListener == nil,
      !spec.undecodableFields.contains("load_balancer.allowed_cidrs")
    {
      findings.add(
        .error(
          "allowed-cidrs", at: location,
          "an internal load balancer needs `load_balancer.allowed_cidrs`, the networks allowed to call it (for example your VPC's `10.0.0.0/16`); ecsgen opens nothing by default"
        ))
    }
  }

  private func checkTLSPolicy(
    _ policy: Located<String>, hasCertificate: Bool, _ findings: inout Findings
  ) {
    if AWSLimits.legacyTLSPolicies.contains(policy.value) {
      findings.add(
        .error(
          "ssl-policy", at: policy.location,
          "`\(policy.value)` still allows TLS 1.0 or 1.1; use a TLS 1.2+ policy such as `\(SpecDefaults.LoadBalancer.sslPolicy)` (the default)"
        ))
    } else if !AWSLimits.modernTLSPolicies.contains(policy.value) {
      findings.add(
        .warning(
          "ssl-policy", at: policy.location,
          "`\(policy.value)` is not a TLS 1.2+ policy ecsgen knows; check the name against the ELB documentation, or leave it out to use `\(SpecDefaults.LoadBalancer.sslPolicy)`"
        ))
    }
    if !hasCertificate {
      findings.add(
        .warning(
          "ssl-policy", at: policy.location,
          "`load_balancer.ssl_policy` has no effect without `load_balancer.certificate_arn`, because there is no HTTPS listener"
        ))
    }
  }
}
