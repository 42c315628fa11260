import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `load_balancer.hosts` and `paths` on a shared listener: what ALB's CreateRule accepts. ALB
/// compares at most 3 values per condition and 5 per rule, and allows at most 5 wildcard
/// characters in all of a rule's values ("Condition types for listener rules", condition basics).
@Suite struct ListenerConditionRuleTests {
  /// A clean shared-listener spec whose `hosts` are on line 9 and `paths` on line 10.
  func spec(hosts: String, paths: String) -> String {
    baseSpec(
      "region: eu-west-2",
      loadBalancer: [
        "listener_arn: arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/shared-public/50dc6c495c0c9188/f2f7dc8efc522ab2",
        "security_group: sg-0123456789abcdef0",
        "priority: 120",
        "hosts: \(hosts)",
        "paths: \(paths)",
      ].joined(separator: "\n"), certificate: false)
  }

  @Test func threeHostsAndTwoPathsAreClean() {
    expectClean(
      spec(
        hosts: "[a.example.com, b.example.com, c.example.com]", paths: "[/catalog, /catalog/*]"))
  }

  /// Four hosts fit the rule's five values but not one `host-header` condition.
  @Test func aConditionComparesAtMostThreeValues() throws {
    let hosts = try #require(
      expectFinding(
        "listener-conditions", .error, at: 9, 56,
        in: spec(
          hosts: "[a.example.com, b.example.com, c.example.com, d.example.com]", paths: "[]")))
    #expect(hosts.message.contains("`load_balancer.hosts` has 4 values"))
    #expect(hosts.message.contains("at most 3"))
    let paths = try #require(
      expectFinding(
        "listener-conditions", .error, at: 10, 23,
        in: spec(hosts: "[]", paths: "[/a, /b, /c, /d]")))
    #expect(paths.message.contains("`load_balancer.paths` has 4 values"))
  }

  @Test func aRuleHoldsAtMostFiveWildcards() throws {
    let finding = try #require(
      expectFinding(
        "listener-conditions", .error, at: 9, 11,
        in: spec(hosts: "[\"*.*.example.com\", \"??.example.com\"]", paths: "[\"/a/*\", \"/b*\"]")
      ))
    #expect(finding.message.contains("6 wildcards"))
    expectNoFinding(
      "listener-conditions",
      in: spec(hosts: "[\"*.*.example.com\", \"?.example.com\"]", paths: "[\"/a/*\", \"/b*\"]"))
  }
}
