import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Testing

/// The destinations `network.egress` allows, the alias record and the service URL in Terraform.
@Suite struct EgressAndDomainRenderingTests {
  static let spec = """
    name: hello
    image: nginx:1.27
    port: 80
    load_balancer:
      certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/abc-123
      domain: hello.example.com
      hosted_zone_id: Z0123456789ABCDEFGHIJ
    network:
      egress:
        - port: 5432
          cidrs: ["2001:db8::/32"]
          security_groups: [sg-0123456789abcdef0]
        - port: 8000-8100
          protocol: udp
          prefix_lists: [pl-6ca54005]
    """

  func main(_ yaml: String) throws -> String {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    let plan = try DeploymentPlanner().plan(loaded)
    let files = TerraformRenderer().render(plan)
    return files.filter { $0.path.hasSuffix("main.tf") || $0.path.hasSuffix("outputs.tf") }
      .map(\.contents).joined()
  }

  @Test func everyDestinationKind() throws {
    let text = try main(Self.spec)
    #expect(text.contains(#"cidr_ipv6         = "2001:db8::/32""#))
    #expect(text.contains(#"referenced_security_group_id = "sg-0123456789abcdef0""#))
    #expect(text.contains(#"prefix_list_id    = "pl-6ca54005""#))
    #expect(text.contains(#"ip_protocol       = "udp""#))
    #expect(text.contains("to_port           = 8100"))
  }

  /// Adding rules never renames the HTTPS rule, and each added rule is named by its content.
  @Test func ruleAddressesAreStable() throws {
    let text = try main(Self.spec)
    for address in [
      "tasks_egress", "tasks_egress_tcp_5432_to_2001_db8___32",
      "tasks_egress_tcp_5432_to_sg_0123456789abcdef0", "tasks_egress_udp_8000_8100_to_pl_6ca54005",
    ] {
      #expect(text.contains(#"resource "aws_vpc_security_group_egress_rule" "\#(address)" {"#))
    }
    #expect(!text.contains(#""tasks_egress_1""#))
  }

  @Test func aliasRecordAndServiceURL() throws {
    let text = try main(Self.spec)
    #expect(text.contains(#"resource "aws_route53_record" "this" {"#))
    #expect(text.contains(#"zone_id = "Z0123456789ABCDEFGHIJ""#))
    #expect(text.contains("zone_id                = aws_lb.this.zone_id"))
    #expect(text.contains("evaluate_target_health = true"))
    #expect(text.contains(#"value       = "https://hello.example.com""#))
  }

  @Test func withoutDomainTheURLIsTheLoadBalancerName() throws {
    let text = try main("name: hello\nimage: nginx:1.27\nport: 80\n")
    #expect(!text.contains("aws_route53_record"))
    #expect(text.contains(#"value       = "http://${aws_lb.this.dns_name}""#))
  }
}
