import ECSGenDiagnostics

extension SpecValidator {
  /// `load_balancer.domain` and `load_balancer.hosted_zone_id`, and HTTPS without a domain: a
  /// certificate never matches the load balancer's own DNS name, so `https://` on that name fails
  /// in every client.
  func checkDomain(_ spec: ServiceSpec, _ findings: inout Findings) {
    let balancer = spec.loadBalancer
    if let domain = balancer?.domain, let problem = Self.domainProblem(domain.value) {
      findings.add(
        .error(
          "domain-name", at: domain.location,
          "`load_balancer.domain` is `\(domain.value)`, which is not a DNS name: \(problem); write the name clients use, such as `orders.example.com`"
        ))
    }
    if let zone = balancer?.hostedZoneID {
      if !IdentifierPatterns.isHostedZoneID(zone.value) {
        let bare = zone.value.split(separator: "/").last.map(String.init) ?? zone.value
        let hint =
          IdentifierPatterns.isHostedZoneID(bare) && bare != zone.value
          ? "; write the id alone, `\(bare)`" : ""
        findings.add(
          .error(
            "hosted-zone", at: zone.location,
            "`load_balancer.hosted_zone_id` is `\(zone.value)`; a Route 53 hosted zone id is `Z` followed by up to 31 uppercase letters and digits, such as `Z0123456789ABCDEFGHIJ`\(hint)"
          ))
      }
      if balancer?.domain == nil && !spec.undecodableFields.contains("load_balancer.domain") {
        findings.add(
          .error(
            "hosted-zone", at: zone.location,
            "`load_balancer.hosted_zone_id` needs `load_balancer.domain`, the name of the alias record to create in that zone"
          ))
      }
    }
    // An ARN that is not a certificate ARN is an error of its own.
    if let certificate = balancer?.certificateARN, balancer?.domain == nil,
      IdentifierPatterns.isCertificateARN(certificate.value),
      !spec.undecodableFields.contains("load_balancer.domain")
    {
      findings.add(
        .warning(
          "https-domain", at: certificate.location,
          "HTTPS without `load_balancer.domain`: clients would call the load balancer's own DNS name (`...elb.amazonaws.com`), which the certificate cannot cover, so every HTTPS request fails its certificate check; set `load_balancer.domain` to the name the certificate is for, and `load_balancer.hosted_zone_id` to have ecsgen create its DNS record"
        ))
    }
  }

  /// Why `text` is not a fully qualified DNS name, or nil when it is one. A trailing dot is
  /// allowed (the plan drops it); letters may be upper case (the plan lowers them).
  static func domainProblem(_ text: String) -> String? {
    let name = text.hasSuffix(".") ? String(text.dropLast()) : text
    if name.isEmpty { return "it is empty" }
    if name.count > 253 { return "it has \(name.count) characters, and DNS allows 253" }
    if name.contains("*") { return "a wildcard names no single host to put in the service URL" }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    if labels.count < 2 { return "it has a single label; write the full name" }
    for label in labels {
      if label.isEmpty { return "it has an empty label (two dots in a row, or a leading dot)" }
      if label.count > 63 { return "the label `\(label)` is longer than 63 characters" }
      if !label.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }) {
        return "the label `\(label)` may hold only letters, digits and hyphens"
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        return "the label `\(label)` starts or ends with a hyphen"
      }
    }
    if let last = labels.last, last.allSatisfy(\.isASCIIDigit) {
      return "it ends in a number, like an IP address"
    }
    return nil
  }
}
