import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `health_check` (the target group's) and `container_health_check` (ECS's).
@Suite struct HealthCheckRuleTests {
  /// `health_check:` on line 4, `lines` from line 5 (so a value is at column `key.count + 5`).
  func healthCheck(_ lines: String...) -> String {
    baseSpec("health_check:\n" + lines.map { "  " + $0 }.joined(separator: "\n"))
  }

  func containerCheck(_ lines: String...) -> String {
    baseSpec("container_health_check:\n" + lines.map { "  " + $0 }.joined(separator: "\n"))
  }

  @Test func path() {
    expectFinding("health-check-path", .error, at: 5, 9, in: healthCheck("path: health"))
    let tooLong = "/" + String(repeating: "a", count: 1024)
    expectFinding("health-check-path", .error, at: 5, 9, in: healthCheck("path: \(tooLong)"))
    expectClean(healthCheck("path: /health"))
    expectClean(healthCheck("path: /" + String(repeating: "a", count: 1023)))
  }

  /// The default interval is 30s, so `timeout: 30` alone is already too long.
  @Test func timeoutNotShorterThanDefaultInterval() throws {
    let finding = try #require(
      expectFinding("health-check-timeout", .error, at: 5, 12, in: healthCheck("timeout: 30")))
    #expect(
      finding.message.hasPrefix(
        "`health_check.timeout` (30s) must be shorter than `health_check.interval` (30s)"))
  }

  /// The default timeout is 5s; with only `interval` written, the error points at it.
  @Test func intervalNotLongerThanDefaultTimeout() {
    expectFinding("health-check-timeout", .error, at: 5, 13, in: healthCheck("interval: 5"))
  }

  @Test func timeoutEqualToInterval() {
    let text = healthCheck("interval: 10s", "timeout: 10")
    expectFinding("health-check-timeout", .error, at: 6, 12, in: text)
  }

  @Test(arguments: [["interval: 10", "timeout: 9"], ["timeout: 29"], ["interval: 6"]])
  func timeoutShorterThanInterval(lines: [String]) {
    expectClean(baseSpec("health_check:\n" + lines.map { "  " + $0 }.joined(separator: "\n")))
  }

  @Test(arguments: [
    "200-199", "199", "500", "abc", "200,", "200-300-400", "200-200", "\"200, 202\"", "\"\"",
  ])
  func invalidSuccessCodes(codes: String) {
    expectFinding("success-codes", .error, at: 5, 18, in: healthCheck("success_codes: \(codes)"))
  }

  @Test(arguments: ["200", "200,202", "200-299", "499", "200-499,302"])
  func validSuccessCodes(codes: String) {
    expectClean(healthCheck("success_codes: \(codes)"))
  }

  @Test(arguments: ["\"\"", "\"   \""])
  func emptyShellCommand(command: String) {
    expectFinding(
      "container-health-command", .error, at: 5, 12, in: containerCheck("command: \(command)"))
  }

  @Test func listNotStartingWithCMD() throws {
    let text = containerCheck("command: [curl, -f, http://localhost/]")
    let finding = try #require(
      expectFinding("container-health-command", .error, at: 5, 13, in: text))
    #expect(finding.message.contains("not `curl`"))
  }

  @Test(arguments: ["[CMD]", "[CMD-SHELL]", "[]"])
  func listWithoutCommand(command: String) {
    expectFinding(
      "container-health-command", .error, at: 5, 12, in: containerCheck("command: \(command)"))
  }

  @Test(arguments: [
    "[CMD, /bin/check]", "[CMD-SHELL, curl -f http://localhost/ || exit 1]",
    "curl -f http://localhost:8080/ || exit 1",
  ])
  func validCommands(command: String) {
    expectClean(containerCheck("command: \(command)"))
  }
}
