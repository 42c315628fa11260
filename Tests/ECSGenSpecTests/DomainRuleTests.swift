import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `load_balancer.domain`, `load_balancer.hosted_zone_id` and the `https-domain` warning. With
/// `baseSpec(loadBalancer:)`, the given lines start on line 5, at column 3.
@Suite struct DomainRuleTests {
  @Test func certificateWithoutDomain() throws {
    let text = baseSpec(
      loadBalancer: "certificate_arn: \(Fixtures.certificateARN)", certificate: false)
    let finding = try #require(expectFinding("https-domain", .warning, at: 5, 20, in: text))
    #expect(finding.message.contains("set `load_balancer.domain`"))
  }

  @Test func certificateWithDomainIsQuiet() {
    expectClean(baseSpec())
  }

  /// Without a certificate the load balancer serves HTTP: the existing warning names the URL.
  @Test func domainWithoutCertificate() throws {
    let text = baseSpec(loadBalancer: "domain: orders.example.com", certificate: false)
    let finding = try #require(expectFinding("https-missing", .warning, at: 5, 3, in: text))
    #expect(finding.message.contains("`service_url` is `http://orders.example.com`"))
    expectNoFinding("https-domain", in: text)
  }

  @Test(arguments: [
    "orders.example.com", "Orders.Example.COM", "orders.example.com.", "a-b.c-d.example",
    "xn--bcher-kva.example",
  ])
  func validDomain(domain: String) {
    let text = baseSpec(loadBalancer: "domain: \(domain)", certificate: false)
    expectNoFinding("domain-name", in: text)
  }

  @Test(arguments: [
    "orders", "orders..example.com", "-orders.example.com", "orders-.example.com",
    "\"*.example.com\"", "orders_api.example.com", "10.0.0.1", "https://orders.example.com",
    String(repeating: "a", count: 64) + ".example.com",
    Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: "."),
  ])
  func invalidDomain(domain: String) {
    let text = baseSpec(loadBalancer: "domain: \(domain)", certificate: false)
    expectFinding("domain-name", .error, at: 5, 11, in: text)
  }

  @Test func hostedZone() {
    let valid = "domain: orders.example.com\nhosted_zone_id: Z0123456789ABCDEFGHIJ"
    expectClean(baseSpec(loadBalancer: valid, certificate: false, ciRole: true).replacingHTTPS())
    let prefixed = "domain: orders.example.com\nhosted_zone_id: /hostedzone/Z0123456789ABCDEFGHIJ"
    let finding = expectFinding(
      "hosted-zone", .error, at: 6, 19, in: baseSpec(loadBalancer: prefixed, certificate: false))
    #expect(finding?.message.contains("write the id alone, `Z0123456789ABCDEFGHIJ`") == true)
    expectFinding(
      "hosted-zone", .error, at: 5, 19, in: baseSpec(loadBalancer: "hosted_zone_id: z123"))
  }

  @Test func hostedZoneWithoutDomain() throws {
    let text = baseSpec(
      loadBalancer:
        "certificate_arn: \(Fixtures.certificateARN)\nhosted_zone_id: Z0123456789ABCDEFGHIJ",
      certificate: false)
    let finding = try #require(expectFinding("hosted-zone", .error, at: 6, 19, in: text))
    #expect(finding.message.contains("needs `load_balancer.domain`"))
  }
}

extension String {
  /// The spec with an internal load balancer, so that a spec without a certificate is clean.
  fileprivate func replacingHTTPS() -> String {
    replacingOccurrences(
      of: "load_balancer:\n",
      with: "load_balancer:\n  public: false\n  allowed_cidrs: [10.0.0.0/8]\n")
  }
}
