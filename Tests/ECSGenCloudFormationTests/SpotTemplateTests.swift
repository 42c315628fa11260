import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import Foundation
import Testing

/// `capacity` and `deployment.alarms` in the template.
@Suite struct SpotTemplateTests {
  func resources(_ yaml: String) throws -> [String: Any] {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let text = try #require(
      CloudFormationRenderer().render(try DeploymentPlanner().plan(loaded)).first?.contents)
    let template = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return try #require(template["Resources"] as? [String: Any])
  }

  func properties(_ resources: [String: Any], _ id: String) throws -> [String: Any] {
    let resource = try #require(resources[id] as? [String: Any])
    return try #require(resource["Properties"] as? [String: Any])
  }

  let backend = "name: orders\nkind: backend\nimage: nginx:1.27\ncount: 3\n"

  @Test func aStrategyReplacesTheLaunchTypeAndTheClusterGetsBothProviders() throws {
    let resources = try resources(backend + "capacity: {fargate_base: 1, spot: 75%}\n")
    let service = try properties(resources, "Service")
    #expect(service["LaunchType"] == nil)
    let strategy = try #require(service["CapacityProviderStrategy"] as? [[String: Any]])
    #expect(strategy.map { $0["CapacityProvider"] as? String } == ["FARGATE", "FARGATE_SPOT"])
    #expect(strategy.map { $0["Weight"] as? Int } == [1, 3])
    #expect(strategy.map { $0["Base"] as? Int } == [1, 0])
    let cluster = try properties(resources, "Cluster")
    #expect(cluster["CapacityProviders"] as? [String] == ["FARGATE", "FARGATE_SPOT"])
  }

  @Test func alarmsGoIntoTheDeploymentConfiguration() throws {
    let resources = try resources(backend + "deployment: {alarms: [a-5xx]}\n")
    let configuration = try #require(
      try properties(resources, "Service")["DeploymentConfiguration"] as? [String: Any])
    let alarms = try #require(configuration["Alarms"] as? [String: Any])
    #expect(alarms["AlarmNames"] as? [String] == ["a-5xx"])
    #expect(alarms["Enable"] as? Bool == true)
    #expect(alarms["Rollback"] as? Bool == true)
    #expect(configuration["DeploymentCircuitBreaker"] != nil)
  }
}
