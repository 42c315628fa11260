import ECSGenPlan
import ECSGenSpec
import Testing

/// `ecsgen diff`: what one environment's plan does differently from another's.
@Suite struct EnvironmentDifferenceTests {
  func differences(_ from: String, _ to: String) throws -> [String: PlanDifference] {
    let list = try EnvironmentDifference.between(from, and: to, of: EnvironmentsExample.loaded())
    return Dictionary(uniqueKeysWithValues: list.map { ($0.path, $0) })
  }

  @Test func showsWhatTheSpecMakesDifferent() throws {
    let found = try differences("dev", "prod")
    #expect(
      found["task.cpuUnits"] == PlanDifference(path: "task.cpuUnits", from: "256", to: "1024"))
    #expect(found["task.environment[LOG_LEVEL].value"]?.to == "\"info\"")
    #expect(found["task.environment[FEATURE_NEW_CHECKOUT].value"]?.to == nil)
    #expect(found["workload.web.service.scaling.minCapacity"]?.from == nil)
    #expect(found["workload.web.service.scaling.minCapacity"]?.to == "2")
    #expect(found["logs.retentionDays"]?.to == "365")
  }

  /// Names that carry the environment differ in every two environments; they are not listed,
  /// except where the spec changes them too (prod's load balancer is in another VPC).
  @Test func leavesOutNamesThatOnlyCarryTheEnvironment() throws {
    let found = try differences("dev", "staging")
    for path in [
      "cluster.create.name", "task.family", "logs.groupName", "ci.stackName",
      "tags[Environment].value",
    ] {
      #expect(found[path] == nil, "\(path)")
    }
    #expect(found.count == 5, "\(found.keys.sorted())")
    let prod = try differences("dev", "prod")
    #expect(prod["task.family"] == nil)
    #expect(
      prod["workload.web.entry.loadBalancer.loadBalancer.name"]?.to?.hasPrefix(
        "\"payments-api-prod-alb-") == true)
  }

  @Test func anEnvironmentIsComparedWithItselfAsEqual() throws {
    #expect(try differences("prod", "prod").isEmpty)
  }

  @Test func anUnknownEnvironmentIsAnError() throws {
    #expect(throws: PlanningError.self) { try differences("dev", "qa") }
  }
}
