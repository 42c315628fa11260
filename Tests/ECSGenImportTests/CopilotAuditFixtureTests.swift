import Testing

@testable import ECSGenImport

/// The audit on the "mistakes" fixtures: every silent mistake is found, at its line, with the
/// hint that says where the key belongs; every key without an ecsgen equivalent says what to do.
/// A mapper that carries over all that ecsgen can express is assumed, so these are exactly the
/// findings no mapping can remove.
@Suite struct CopilotAuditFixtureTests {
  struct Expected: CustomStringConvertible {
    let keyPath: String
    let line: Int
    let column: Int
    let phrase: String
    var description: String { "\(line):\(column) \(keyPath)" }
  }

  func check(_ workload: String, _ type: CopilotWorkloadType, _ expected: [Expected]) throws {
    // `http.path: /` is what ecsgen's own load balancer does: a mapper reads it.
    let findings = try CopilotAuditSupport.findings(
      CopilotAuditSupport.fixture(workload), type, alsoConsumed: ["http.path"])
    #expect(
      findings.map { "\($0.line):\($0.column) \($0.keyPath)" } == expected.map(\.description),
      "\(findings.map { "\($0.line):\($0.column) \($0.keyPath): \($0.message)" })")
    for (finding, wanted) in zip(findings, expected) {
      #expect(finding.message.contains(wanted.phrase), "\(finding.keyPath): \(finding.message)")
    }
  }

  @Test func loadBalancedWebServiceMistakes() throws {
    try check(
      "mistakes-web", .loadBalancedWebService,
      [
        Expected(
          keyPath: "image.build.healthcheck", line: 11, column: 5,
          phrase:
            "A health check under `image.build` is never read: move it up to `image.healthcheck`"),
        Expected(
          keyPath: "http.healthcheck.retries", line: 21, column: 5,
          phrase: "Copilot reads at `image.healthcheck.retries`"),
        Expected(
          keyPath: "http.healthcheck.start_period", line: 22, column: 5,
          phrase: "Copilot reads at `image.healthcheck.start_period`"),
        Expected(
          keyPath: "http.stickyness", line: 23, column: 3, phrase: "Did you mean `stickiness`?"),
        Expected(
          keyPath: "port", line: 30, column: 1, phrase: "Copilot reads `port` at `image.port`"),
        Expected(
          keyPath: "variables.ORDERS_TABLE.from_cfn", line: 35, column: 5,
          phrase: "ecsgen cannot read CloudFormation exports"),
        Expected(
          keyPath: "env_file", line: 39, column: 1, phrase: "ecsgen has no environment files"),
        Expected(keyPath: "logging.destination", line: 43, column: 3, phrase: "no FireLens"),
        Expected(keyPath: "network.connect", line: 47, column: 3, phrase: "no Service Connect"),
        Expected(keyPath: "publish", line: 51, column: 1, phrase: "ecsgen creates no SNS topics"),
        Expected(
          keyPath: "taskdef_overrides", line: 55, column: 1,
          phrase: "no raw task definition patches"),
        Expected(keyPath: "observability", line: 62, column: 1, phrase: "no tracing collector"),
        Expected(
          keyPath: "environments.prod.count.cpu_percentge", line: 69, column: 7,
          phrase: "Did you mean `cpu_percentage`?"),
      ])
  }

  @Test func workerServiceMistakes() throws {
    try check(
      "mistakes-worker", .workerService,
      [
        Expected(
          keyPath: "image.healthcheck.healthy_threshold", line: 10, column: 5,
          phrase: "this workload has no load balancer"),
        Expected(keyPath: "subscribe.queues", line: 22, column: 3, phrase: "Did you mean `queue`?"),
        Expected(
          keyPath: "deployment.rollback_alarms.messages_delayed", line: 37, column: 5,
          phrase: "create the alarm yourself"),
        Expected(
          keyPath: "queue", line: 39, column: 1, phrase: "Copilot reads `queue` at"),
      ])
  }

  /// Every unknown-key message says what is wrong, what is allowed and that Copilot ignored it.
  @Test func unknownKeyMessagesSayWhatIsAllowed() throws {
    let findings = try CopilotAuditSupport.findings(
      CopilotAuditSupport.fixture("mistakes-web"), .loadBalancedWebService)
    let stickyness = try #require(findings.first { $0.keyPath == "http.stickyness" })
    #expect(stickyness.message.hasPrefix("Copilot ignored `stickyness`: it is not a key of `http`"))
    #expect(stickyness.message.contains("Keys allowed here: `path`, `version`, `healthcheck`"))
    #expect(stickyness.message.contains("never took effect"))
  }
}
