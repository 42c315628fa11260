import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `capacity` (Fargate Spot) and `deployment.alarms`.
@Suite struct SpotRuleTests {
  @Test func aValidCapacityAndAlarmsAreClean() {
    expectClean(baseSpec("count: 3\ncapacity: {fargate_base: 1, spot: 75%}"))
    expectClean(baseSpec("count: 3\ncapacity: {fargate_weight: 1, spot_weight: 3}"))
    expectClean(baseSpec("deployment:\n  alarms: [orders-api-5xx, orders-api-p99]"))
  }

  @Test func theSpotPercentageDecodesWithOrWithoutPercentSign() throws {
    for text in ["75%", "75", "\"75 %\""] {
      let spec = try #require(load(baseSpec("capacity: {spot: \(text)}")).spec)
      #expect(spec.capacity?.spotPercent?.value == 75)
    }
    expectFinding("wrong-type", .error, at: 4, 18, in: baseSpec("capacity: {spot: most}"))
  }

  @Test(arguments: [
    (75, 1, 3), (100, 0, 1), (0, 1, 0), (50, 1, 1), (80, 1, 4), (33, 67, 33),
  ])
  func aPercentageBecomesTheSmallestWeights(percent: Int, fargate: Int, spot: Int) throws {
    let spec = try #require(load(baseSpec("capacity: {spot: \(percent)%}")).spec)
    let weights = try #require(spec.capacity?.weights)
    #expect(weights.fargate == fargate && weights.spot == spot)
  }

  @Test func spotAndWeightsAreExclusive() {
    expectFinding(
      "spot-weights", .error, at: 4, 36,
      in: baseSpec("capacity: {spot: 50%, spot_weight: 2}"))
    expectFinding("spot-weights", .error, at: 4, 11, in: baseSpec("capacity: {fargate_base: 1}"))
    expectFinding(
      "spot-weights", .error, at: 4, 28,
      in: baseSpec("capacity: {fargate_weight: 0, spot_weight: 0}"))
  }

  @Test func numbersOutsideWhatECSAcceptsAreErrors() {
    expectFinding("out-of-range", .error, at: 4, 18, in: baseSpec("capacity: {spot: 101%}"))
    expectFinding(
      "out-of-range", .error, at: 4, 28,
      in: baseSpec("capacity: {fargate_weight: 1001, spot_weight: 1}"))
    expectFinding(
      "out-of-range", .error, at: 4, 26, in: baseSpec("capacity: {fargate_base: 100001, spot: 5%}"))
  }

  /// AWS's documents disagree on ARM64 Spot (the API reference allows it from platform version
  /// 1.4.0, the developer guide does not), so ecsgen warns instead of refusing.
  @Test func spotOnArm64WarnsAtThePlatform() {
    expectFinding(
      "spot-arm64", .warning, at: 4, 11,
      in: baseSpec("platform: arm64\ncount: 2\ncapacity: {spot: 50%}"))
    // No Spot share: arm64 is fine.
    expectClean(baseSpec("platform: arm64\ncapacity: {fargate_base: 1, spot: 0%}"))
  }

  @Test func aSingleTaskOnlyOnSpotWarns() {
    expectFinding(
      "spot-only-single-task", .warning, at: 4, 18, in: baseSpec("capacity: {spot: 100%}"))
    expectFinding(
      "spot-only-single-task", .warning, at: 5, 25,
      in: baseSpec("autoscaling: {min: 1, max: 1, cpu: 50}\ncapacity: {spot_weight: 1}"))
    // A base on regular Fargate, or more than one task, keeps the service up.
    expectClean(baseSpec("count: 2\ncapacity: {spot: 100%}"))
  }

  @Test func aBaseThatCoversEveryTaskWarns() {
    expectFinding(
      "spot-base-covers-all", .warning, at: 5, 26,
      in: baseSpec("count: 2\ncapacity: {fargate_base: 2, spot: 50%}"))
  }

  @Test func anExistingClusterGetsANote() {
    expectFinding(
      "spot-existing-cluster", .note, at: 4, 10,
      in: baseSpec("cluster: platform\ncount: 2\ncapacity: {spot: 50%}"))
  }

  @Test func aJobCannotHaveCapacity() {
    let text = """
      name: nightly
      kind: job
      image: nginx:1.27
      schedule: {expression: "rate(1 day)"}
      capacity: {spot: 100%}
      """
    let loaded = load(text)
    #expect(loaded.diagnostics.contains { $0.rule == "kind-key" && $0.location.line == 5 })
    #expect(!loaded.diagnostics.contains { $0.rule.hasPrefix("spot-") })
  }

  @Test func alarmNames() {
    expectFinding("alarm-name", .error, at: 5, 12, in: baseSpec("deployment:\n  alarms: [\"\"]"))
    let long = String(repeating: "a", count: 256)
    expectFinding("alarm-name", .error, at: 5, 12, in: baseSpec("deployment:\n  alarms: [\(long)]"))
    expectFinding(
      "alarm-name", .error, at: 5, 19, in: baseSpec("deployment:\n  alarms: [a-5xx, a-5xx]"))
    expectFinding("empty-list", .error, at: 5, 11, in: baseSpec("deployment:\n  alarms: []"))
    expectClean(baseSpec("deployment:\n  alarms: [\(String(repeating: "a", count: 255))]"))
  }
}
