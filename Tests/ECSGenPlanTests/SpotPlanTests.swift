import ECSGenPlan
import ECSGenSpec
import Testing

/// The plan of `capacity` (Fargate Spot) and `deployment.alarms`.
@Suite struct SpotPlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let worker = """
    name: orders
    kind: worker
    image: nginx:1.27
    count: 4
    queue: {}

    """

  @Test func spotBecomesAStrategyWithTheBaseOnFargate() throws {
    let plan = try plan(worker + "capacity: {fargate_base: 1, spot: 75%}\n")
    let capacity = try #require(plan.ecsService?.deployment.capacity)
    #expect(
      capacity.strategy == [
        CapacityProviderStrategyItem(capacityProvider: "FARGATE", base: 1, weight: 1),
        CapacityProviderStrategyItem(capacityProvider: "FARGATE_SPOT", base: 0, weight: 3),
      ])
    #expect(capacity.terraformForceNewDeployment)
    let cluster = try #require(plan.clusterCapacityProviders)
    #expect(cluster.providers == ["FARGATE", "FARGATE_SPOT"])
  }

  @Test func aProviderWithoutBaseOrWeightIsLeftOut() throws {
    let plan = try plan(worker + "capacity: {spot: 100%}\n")
    #expect(
      plan.ecsService?.deployment.capacity?.strategy.map(\.capacityProvider) == ["FARGATE_SPOT"])
  }

  @Test func withoutCapacityTheServiceKeepsTheLaunchTypeAndTheClusterNoProviders() throws {
    let plan = try plan(worker)
    #expect(plan.ecsService?.deployment.capacity == nil)
    #expect(plan.ecsService?.deployment.launchType == "FARGATE")
    #expect(plan.clusterCapacityProviders == nil)
  }

  @Test func anExistingClusterGetsNoProvidersFromEcsgen() throws {
    let plan = try plan(worker + "cluster: platform\ncapacity: {spot: 50%}\n")
    #expect(plan.ecsService?.deployment.capacity != nil)
    #expect(plan.clusterCapacityProviders == nil)
  }

  @Test func alarmsRollBackAsTheCircuitBreakerDoes() throws {
    let on = try plan(worker + "deployment: {alarms: [a-5xx, a-p99]}\n")
    #expect(
      on.ecsService?.deployment.deploymentAlarms
        == DeploymentAlarmsPlan(alarmNames: ["a-5xx", "a-p99"], enable: true, rollback: true))
    let off = try plan(worker + "deployment: {alarms: [a-5xx], rollback: false}\n")
    #expect(off.ecsService?.deployment.deploymentAlarms?.rollback == false)
  }

  @Test func anEnvironmentCanTurnSpotOn() throws {
    let loaded = ServiceSpecLoader.load(
      text: worker + "environments:\n  dev: {}\n  prod:\n    capacity: {spot: 50%}\n",
      file: "test.yaml")
    let plans = try DeploymentPlanner().plans(loaded)
    #expect(plans.map { $0.ecsService?.deployment.capacity != nil } == [false, true])
  }
}
