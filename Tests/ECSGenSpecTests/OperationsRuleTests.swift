import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `logs`, `count`, `autoscaling` and `deployment`.
@Suite struct OperationsRuleTests {
  @Test(arguments: [
    "aws/ecs/orders", "\"my group\"", "/ecs/orders:api", "/" + String(repeating: "a", count: 512),
  ])
  func invalidLogGroupName(group: String) {
    expectFinding("log-group-name", .error, at: 5, 10, in: baseSpec("logs:\n  group: \(group)"))
  }

  @Test(arguments: [
    "/ecs/orders-api", "orders_api.logs#1", "/aws/ecs/orders", String(repeating: "a", count: 512),
  ])
  func validLogGroupName(group: String) {
    expectClean(baseSpec("logs:\n  group: \(group)"))
  }

  @Test(arguments: [0, 2, 4000])
  func logRetention(days: Int) throws {
    let text = baseSpec("logs:\n  retention_days: \(days)")
    let finding = try #require(expectFinding("log-retention", .error, at: 5, 19, in: text))
    #expect(finding.notes.first?.hasPrefix("allowed: 1, 3, 5, 7, 14, 30, 60, 90") == true)
    #expect(finding.notes.first?.hasSuffix(", 3653") == true)
  }

  @Test(arguments: [1, 30, 731, 3653])
  func validLogRetention(days: Int) {
    expectClean(baseSpec("logs:\n  retention_days: \(days)"))
  }

  /// CloudWatch Logs takes a key ARN, not an alias.
  @Test func kmsKeyARN() {
    let alias = "arn:aws:kms:eu-west-2:123456789012:alias/logs"
    expectFinding("kms-key-arn", .error, at: 5, 16, in: baseSpec("logs:\n  kms_key_arn: \(alias)"))
    expectClean(baseSpec("logs:\n  kms_key_arn: \(Fixtures.kmsKeyARN)"))
  }

  @Test func countWithAutoscaling() throws {
    let text = baseSpec("count: 2\nautoscaling:\n  min: 1\n  max: 3\n  cpu: 60")
    let finding = try #require(expectFinding("count-with-autoscaling", .error, at: 4, 8, in: text))
    #expect(finding.message.hasPrefix("`count` and `autoscaling` both set the number of tasks"))
    expectClean(baseSpec("count: 2"))
    expectClean(baseSpec("autoscaling:\n  min: 1\n  max: 3\n  cpu: 60"))
  }

  @Test func autoscalingWithoutTarget() {
    expectFinding(
      "autoscaling-metric", .error, at: 5, 3, in: baseSpec("autoscaling:\n  min: 1\n  max: 3"))
  }

  @Test(arguments: ["cpu: 60", "memory: 70", "requests_per_target: 100"])
  func autoscalingWithTarget(target: String) {
    expectClean(baseSpec("autoscaling:\n  min: 1\n  max: 3\n  \(target)"))
  }

  @Test func autoscalingNeedsMinAndMax() {
    let loaded = load(baseSpec("autoscaling:\n  cpu: 60"))
    let missing = loaded.findings("missing-key")
    #expect(
      missing.map(\.message) == [
        "`autoscaling.max` is required; for example `max: 10`",
        "`autoscaling.min` is required; for example `min: 2`",
      ])
    #expect(missing.allSatisfy { $0.location.line == 5 && $0.location.column == 3 })
    // A `min` of the wrong type is reported once, as the wrong type.
    let wrong = load(baseSpec("autoscaling:\n  min: lots\n  max: 3\n  cpu: 60"))
    #expect(wrong.findings("missing-key").isEmpty, "\(wrong.summary)")
  }

  @Test func autoscalingMaxZero() throws {
    let text = baseSpec("autoscaling:\n  min: 0\n  max: 0\n  cpu: 60")
    let finding = try #require(expectFinding("out-of-range", .error, at: 6, 8, in: text))
    #expect(finding.message == "`autoscaling.max` is 0; it must be at least 1")
  }

  @Test func autoscalingMaxBelowMin() throws {
    let text = baseSpec("autoscaling:\n  min: 5\n  max: 3\n  cpu: 60")
    let finding = try #require(expectFinding("out-of-range", .error, at: 6, 8, in: text))
    #expect(finding.message.hasPrefix("`autoscaling.max` (3) is below `autoscaling.min` (5)"))
    expectClean(baseSpec("autoscaling:\n  min: 3\n  max: 3\n  cpu: 60"))
  }

  /// With one task, max 100% and min healthy 100%, ECS can neither add a task nor stop one.
  @Test func deploymentStuckWithDefaultCount() throws {
    let text = baseSpec("deployment:\n  max_percent: 100\n  min_healthy_percent: 100")
    let finding = try #require(expectFinding("deployment-stuck", .warning, at: 5, 3, in: text))
    #expect(
      finding.message.hasPrefix(
        "with 1 task(s), max_percent 100 and min_healthy_percent 100, a rolling deployment can neither start a new task nor stop an old one"
      ))
  }

  /// ECS rounds the maximum down and the minimum up: 3 tasks at 67% still need all 3 healthy.
  @Test(arguments: [
    (1, 100, 100, true), (3, 67, 100, true), (3, 66, 100, false), (1, 100, 200, false),
    (1, 0, 100, false), (0, 100, 100, false), (2, 100, 149, true), (2, 100, 150, false),
  ])
  func deploymentStuck(count: Int, minHealthy: Int, maxPercent: Int, stuck: Bool) {
    let text = baseSpec(
      "count: \(count)\ndeployment:\n  min_healthy_percent: \(minHealthy)\n  max_percent: \(maxPercent)"
    )
    if stuck {
      expectFinding("deployment-stuck", .warning, at: 6, 3, in: text)
    } else {
      expectClean(text)
    }
  }

  /// With autoscaling, the service starts at `autoscaling.min` tasks.
  @Test func deploymentStuckCountsAutoscalingMin() {
    let scaling = "autoscaling:\n  min: 2\n  max: 4\n  cpu: 60\n"
    let deployment = "deployment:\n  min_healthy_percent: 100\n  max_percent: 100"
    expectFinding("deployment-stuck", .warning, at: 9, 3, in: baseSpec(scaling + deployment))
  }
}
