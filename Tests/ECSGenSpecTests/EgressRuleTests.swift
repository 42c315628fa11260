import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `network.egress` and the `egress-port` rule. With `baseSpec(extra)`, the extra lines start on
/// line 4.
@Suite struct EgressRuleTests {
  static func environment(_ name: String, _ value: String) -> String {
    "environment:\n  \(name): \(value)"
  }

  @Test func databaseURLWithoutEgressWarns() throws {
    let text = baseSpec(Self.environment("DATABASE_URL", "postgres://db.example.com/orders"))
    let finding = try #require(expectFinding("egress-port", .warning, at: 5, 17, in: text))
    #expect(
      finding.message.hasPrefix("`DATABASE_URL` points at port 5432 (the default of `postgres://`)")
    )
    #expect(finding.message.contains("network.egress"))
    #expect(finding.message.contains("network.security_groups"))
  }

  @Test func hostAndPortWithoutEgressWarns() throws {
    let text = baseSpec(Self.environment("REDIS", "cache.example.com:6379"))
    let finding = try #require(expectFinding("egress-port", .warning, at: 5, 10, in: text))
    #expect(finding.message.hasPrefix("`REDIS` points at port 6379, but"))
  }

  @Test func severalPortsInOneValue() throws {
    let text = baseSpec(Self.environment("BROKERS", "a.example.com:9092,b.example.com:9093"))
    let finding = try #require(expectFinding("egress-port", .warning, at: 5, 12, in: text))
    #expect(finding.message.hasPrefix("`BROKERS` points at ports 9092, 9093,"))
  }

  @Test func openedPortIsQuiet() {
    let network = """
      network:
        egress:
          - port: 5432
            security_groups: [sg-0123456789abcdef0]
      """
    let text = baseSpec(
      Self.environment("DATABASE_URL", "postgres://db.example.com/orders") + "\n" + network)
    expectClean(text)
  }

  @Test func portRangeOpensEveryPortInIt() {
    let network = "network:\n  egress:\n    - {port: 9000-9100, cidrs: [10.0.0.0/16]}"
    expectClean(baseSpec(Self.environment("API", "svc.example.com:9092") + "\n" + network))
    expectFinding(
      "egress-port", .warning, at: 5, 8,
      in: baseSpec(Self.environment("API", "svc.example.com:9200") + "\n" + network))
  }

  /// An attached security group may open the port: a note, not a warning.
  @Test func attachedSecurityGroupsTurnTheWarningIntoANote() throws {
    let network = "network:\n  security_groups: [sg-0123456789abcdef0]"
    let text = baseSpec(
      Self.environment("DATABASE_URL", "postgres://db.example.com/orders") + "\n" + network)
    let finding = try #require(expectFinding("egress-port", .note, at: 5, 17, in: text))
    #expect(finding.message.contains("make sure a group in `network.security_groups` allows it"))
  }

  @Test(arguments: [
    "\"12:30\"", "arn:aws:sns:eu-west-2:123456789012:orders", "https://api.example.com:443/v1",
    "https://api.example.com", "8080", "postgres:16", "http://localhost:4318",
  ])
  func ordinaryValuesAreQuiet(value: String) {
    expectClean(baseSpec(Self.environment("VALUE", value)))
  }

  @Test func validRules() {
    let network = """
      network:
        egress:
          - port: 5432
            cidrs: [10.0.0.0/16, "2001:db8::/32"]
          - port: 8125
            protocol: udp
            cidrs: [10.0.0.0/16]
          - port: 1024-65535
            prefix_lists: [pl-6ca54005]
      """
    expectClean(baseSpec(network))
  }

  @Test func ruleWithoutDestination() {
    expectFinding(
      "egress-rule", .error, at: 6, 7, in: baseSpec("network:\n  egress:\n    - port: 5432"))
  }

  @Test func ruleWithoutPort() {
    expectFinding(
      "missing-key", .error, at: 6, 7,
      in: baseSpec("network:\n  egress:\n    - cidrs: [10.0.0.0/16]"))
  }

  @Test func reversedRangeAndOutOfRangePort() {
    let reversed = "network:\n  egress:\n    - port: 6000-5000\n      cidrs: [10.0.0.0/16]"
    expectFinding("egress-rule", .error, at: 6, 13, in: baseSpec(reversed))
    let high = "network:\n  egress:\n    - port: 70000\n      cidrs: [10.0.0.0/16]"
    expectFinding("out-of-range", .error, at: 6, 13, in: baseSpec(high))
    let word = "network:\n  egress:\n    - port: postgres\n      cidrs: [10.0.0.0/16]"
    expectFinding("wrong-type", .error, at: 6, 13, in: baseSpec(word))
  }

  @Test func badDestinations() {
    let text = """
      network:
        egress:
          - port: 5432
            cidrs: [10.0.0.0/33]
            security_groups: [sg-123]
            prefix_lists: [pl-zz]
      """
    expectFinding("egress-rule", .error, at: 7, 15, in: baseSpec(text))
    expectFinding("network-id", .error, at: 8, 25, in: baseSpec(text))
    expectFinding("network-id", .error, at: 9, 22, in: baseSpec(text))
  }

  @Test func duplicateRules() throws {
    let text = """
      network:
        egress:
          - {port: 5432, cidrs: [10.0.0.0/16]}
          - {port: 5432, cidrs: [10.0.0.0/16]}
          - {port: 443, cidrs: [0.0.0.0/0]}
          - {port: 5432, protocol: udp, cidrs: [10.0.0.0/16]}
      """
    let second = try #require(expectFinding("egress-rule", .error, at: 7, 28, in: baseSpec(text)))
    #expect(second.message.contains("repeats another egress rule"))
    let https = try #require(expectFinding("egress-rule", .error, at: 8, 27, in: baseSpec(text)))
    #expect(https.message.contains("repeats the HTTPS rule ecsgen always adds"))
    // The UDP rule differs by protocol and is fine.
    #expect(load(baseSpec(text)).findings("egress-rule").count == 2)
  }
}
