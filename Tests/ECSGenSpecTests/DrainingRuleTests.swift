import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `idle-timeout-drain`: a request allowed to run for `idle_timeout` must survive a task's stop,
/// which lasts `deregistration_delay` + `stop_timeout`.
@Suite struct DrainingRuleTests {
  @Test func longIdleTimeoutWithDefaultDraining() throws {
    let text = baseSpec(loadBalancer: "idle_timeout: 25m")
    let finding = try #require(expectFinding("idle-timeout-drain", .warning, at: 5, 17, in: text))
    #expect(
      finding.message.hasPrefix(
        "`load_balancer.idle_timeout` is 1500 s, but a task stopped by a deploy or a scale-in gets only `load_balancer.deregistration_delay` (60 s) to drain plus `stop_timeout` (30 s)"
      ))
    #expect(
      finding.message.contains("raise `load_balancer.deregistration_delay` to at least 1500 s"))
  }

  @Test func idleTimeoutBeyondTheLongestDrain() throws {
    let text = baseSpec(loadBalancer: "idle_timeout: 4000")
    let finding = try #require(expectFinding("idle-timeout-drain", .warning, at: 5, 17, in: text))
    #expect(finding.message.contains("lower `load_balancer.idle_timeout` to at most 3630 s"))
  }

  /// A short drain with the default idle timeout is AWS's advice for fast services: no warning.
  /// Written explicitly, the same idle timeout warns.
  @Test func shortDrainWithTheDefaultIdleTimeout() {
    expectNoFinding("idle-timeout-drain", in: baseSpec(loadBalancer: "deregistration_delay: 5"))
    expectFinding(
      "idle-timeout-drain", .warning, at: 5, 17,
      in: baseSpec(loadBalancer: "idle_timeout: 60\nderegistration_delay: 5"))
  }

  @Test(arguments: [
    "idle_timeout: 25m\nderegistration_delay: 25m",
    "idle_timeout: 90\nderegistration_delay: 60",
    "idle_timeout: 60",
    "deregistration_delay: 30",
  ])
  func drainCoversIdleTimeout(lines: String) {
    expectNoFinding("idle-timeout-drain", in: baseSpec(loadBalancer: lines))
  }

  @Test func stopTimeoutCounts() {
    let lines = "idle_timeout: 150\nderegistration_delay: 60"
    expectFinding("idle-timeout-drain", .warning, at: 5, 17, in: baseSpec(loadBalancer: lines))
    expectNoFinding(
      "idle-timeout-drain", in: baseSpec("stop_timeout: 90s", loadBalancer: lines))
  }

  /// Out-of-range values are errors of their own and do not also warn.
  @Test func outOfRangeValuesDoNotWarn() {
    expectNoFinding("idle-timeout-drain", in: baseSpec(loadBalancer: "idle_timeout: 5000"))
  }
}
