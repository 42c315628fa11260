import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `load_balancer`. With `baseSpec(loadBalancer:)`, `load_balancer:` is on line 4 and the given
/// lines start on line 5, so a value is at column `key.count + 5`.
@Suite struct LoadBalancerRuleTests {
  @Test func certificateARN() {
    let iamCertificate = "arn:aws:iam::123456789012:server-certificate/orders"
    let text = baseSpec(loadBalancer: "certificate_arn: \(iamCertificate)", certificate: false)
    expectFinding("certificate-arn", .error, at: 5, 20, in: text)
    expectNoFinding("certificate-arn", in: baseSpec())
  }

  @Test func noLoadBalancerSectionMeansPlainHTTP() throws {
    let finding = try #require(
      expectFinding("https-missing", .warning, at: 1, 1, in: baseSpec(certificate: false)))
    #expect(
      finding.message.hasPrefix("the public load balancer has no `load_balancer.certificate_arn`"))
  }

  @Test func publicLoadBalancerWithoutCertificate() {
    let text = baseSpec(loadBalancer: "public: true", certificate: false)
    expectFinding("https-missing", .warning, at: 5, 3, in: text)
  }

  /// Internal load balancers and non-web services are not warned about.
  @Test func noHTTPSWarning() {
    let internalBalancer = "public: false\nallowed_cidrs: [10.0.0.0/8]"
    expectClean(baseSpec(loadBalancer: internalBalancer, certificate: false))
    expectNoFinding("https-missing", in: baseSpec("kind: worker", certificate: false))
  }

  @Test(arguments: ["ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-1-2017-01"])
  func legacyTLSPolicy(policy: String) throws {
    let text = baseSpec(loadBalancer: "ssl_policy: \(policy)")
    let finding = try #require(expectFinding("ssl-policy", .error, at: 5, 15, in: text))
    #expect(
      finding.message
        == "`\(policy)` still allows TLS 1.0 or 1.1; use a TLS 1.2+ policy such as `ELBSecurityPolicy-TLS13-1-2-2021-06` (the default)"
    )
    #expect(load(text).findings("ssl-policy").count == 1)
  }

  @Test func unknownTLSPolicy() {
    let text = baseSpec(loadBalancer: "ssl_policy: ELBSecurityPolicy-Made-Up")
    expectFinding("ssl-policy", .warning, at: 5, 15, in: text)
  }

  @Test func tlsPolicyWithoutCertificate() throws {
    let text = baseSpec(
      loadBalancer: "ssl_policy: ELBSecurityPolicy-TLS13-1-2-2021-06", certificate: false)
    let finding = try #require(expectFinding("ssl-policy", .warning, at: 5, 15, in: text))
    #expect(finding.message.contains("has no effect without `load_balancer.certificate_arn`"))
  }

  @Test(arguments: ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06"])
  func modernTLSPolicy(policy: String) {
    expectClean(baseSpec(loadBalancer: "ssl_policy: \(policy)"))
  }

  /// ecsgen opens nothing by default: an internal load balancer must say who may call it.
  @Test func internalWithoutAllowedCIDRs() throws {
    let finding = try #require(
      expectFinding(
        "allowed-cidrs", .error, at: 5, 11, in: baseSpec(loadBalancer: "public: false")))
    #expect(
      finding.message.hasPrefix("an internal load balancer needs `load_balancer.allowed_cidrs`"))
  }

  @Test func emptyAllowedCIDRs() {
    expectFinding(
      "allowed-cidrs", .error, at: 5, 3, in: baseSpec(loadBalancer: "allowed_cidrs: []"))
  }

  @Test(arguments: [
    "10.0.0.0/33", "10.0.0/8", "256.0.0.0/8", "10.0.0.0", "corp-network", "2001:db8::/129",
    "10.0.0.0/-1",
  ])
  func invalidCIDR(cidr: String) {
    let text = baseSpec(loadBalancer: "public: false\nallowed_cidrs: [\(cidr)]")
    expectFinding("allowed-cidrs", .error, at: 6, 19, in: text)
  }

  @Test(arguments: ["10.0.0.0/8", "0.0.0.0/0", "192.168.1.0/24", "2001:db8::/32"])
  func validCIDR(cidr: String) {
    expectClean(baseSpec(loadBalancer: "public: false\nallowed_cidrs: [\(cidr)]"))
  }
}
