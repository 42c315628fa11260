import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import Testing

/// The destinations `network.egress` allows, the alias record and the service URL in the template.
@Suite struct EgressAndDomainTemplateTests {
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

  func template(_ yaml: String) throws -> String {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    return try CloudFormationRenderer().render(DeploymentPlanner().plan(loaded)).map(\.contents)
      .joined()
  }

  @Test func everyDestinationKind() throws {
    let text = try template(Self.spec)
    #expect(text.contains(#""CidrIpv6": "2001:db8::/32""#))
    #expect(text.contains(#""DestinationSecurityGroupId": "sg-0123456789abcdef0""#))
    #expect(text.contains(#""DestinationPrefixListId": "pl-6ca54005""#))
    #expect(text.contains(#""IpProtocol": "udp""#))
  }

  @Test func aliasRecordAndServiceURL() throws {
    let text = try template(Self.spec)
    #expect(text.contains(#""Type": "AWS::Route53::RecordSet""#))
    #expect(text.contains(#""CanonicalHostedZoneID""#))
    #expect(text.contains(#""HostedZoneId": "Z0123456789ABCDEFGHIJ""#))
    #expect(text.contains(#""EvaluateTargetHealth": true"#))
    #expect(text.contains(#""Value": "https://hello.example.com""#))
  }

  @Test func withoutDomainNoRecord() throws {
    let text = try template("name: hello\nimage: nginx:1.27\nport: 80\n")
    #expect(!text.contains("AWS::Route53::RecordSet"))
    #expect(text.contains(#""Fn::Sub": "http://${LoadBalancer.DNSName}""#))
  }
}
