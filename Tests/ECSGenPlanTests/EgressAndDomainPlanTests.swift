import ECSGenPlan
import ECSGenSpec
import Testing

/// `network.egress` becomes egress rules of the tasks' group; `load_balancer.domain` becomes the
/// service URL and, with a hosted zone, an alias record.
@Suite struct EgressAndDomainPlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let minimal = """
    name: hello
    image: nginx:1.27
    port: 80

    """

  @Test func egressEntriesBecomeOneRulePerDestination() throws {
    let plan = try plan(
      minimal + """
        network:
          egress:
            - port: 5432
              cidrs: [10.0.0.0/16, "2001:db8::/32"]
              security_groups: [sg-0123456789abcdef0]
            - port: 8000-8100
              protocol: udp
              prefix_lists: [pl-6ca54005]
        """)
    let egress = plan.tasksSecurityGroup.egress
    // The HTTPS rule comes first and keeps its positional name.
    #expect(egress.first?.fromPort == 443)
    #expect(egress.first?.name == nil)
    #expect(
      egress.dropFirst().map(\.peer) == [
        .ipv4CIDR("10.0.0.0/16"), .ipv6CIDR("2001:db8::/32"),
        .securityGroup("sg-0123456789abcdef0"), .prefixList("pl-6ca54005"),
      ])
    #expect(egress.dropFirst().map(\.ipProtocol) == ["tcp", "tcp", "tcp", "udp"])
    #expect(egress.last?.fromPort == 8000)
    #expect(egress.last?.toPort == 8100)
    #expect(
      egress.dropFirst().map(\.name) == [
        "tcp_5432_to_10_0_0_0_16", "tcp_5432_to_2001_db8___32",
        "tcp_5432_to_sg_0123456789abcdef0", "udp_8000_8100_to_pl_6ca54005",
      ])
    #expect(egress.dropFirst().map(\.description).first == "TCP 5432 to 10.0.0.0/16")
  }

  @Test func withoutEgressOnlyHTTPSIsOpen() throws {
    let egress = try plan(minimal).tasksSecurityGroup.egress
    #expect(egress.count == 1)
    #expect(egress.first?.fromPort == 443)
  }

  @Test func domainIsTheServiceURLHost() throws {
    let plan = try plan(
      minimal + """
        load_balancer:
          certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/abc-123
          domain: Orders.Example.com.
        """)
    #expect(plan.ownParts.loadBalancer.urlScheme == "https")
    #expect(plan.ownParts.loadBalancer.domain == "orders.example.com")
    #expect(plan.ownParts.loadBalancer.aliasRecord == nil)
  }

  @Test func hostedZoneGivesAnAliasRecord() throws {
    let plan = try plan(
      minimal + """
        load_balancer:
          certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/abc-123
          domain: orders.example.com
          hosted_zone_id: Z0123456789ABCDEFGHIJ
        """)
    let record = try #require(plan.ownParts.loadBalancer.aliasRecord)
    #expect(record.hostedZoneID == "Z0123456789ABCDEFGHIJ")
    #expect(record.name == "orders.example.com")
    #expect(record.type == "A")
    #expect(record.evaluateTargetHealth)
  }

  @Test func withoutDomainTheURLUsesTheLoadBalancerName() throws {
    let plan = try plan(minimal)
    #expect(plan.ownParts.loadBalancer.domain == nil)
    #expect(plan.ownParts.loadBalancer.aliasRecord == nil)
  }
}
