import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Testing

/// `capacity` and `deployment.alarms` in `main.tf`.
@Suite struct SpotTerraformTests {
  func main(_ yaml: String) throws -> String {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let files = TerraformRenderer().render(try DeploymentPlanner().plan(loaded))
    return try #require(files.first { $0.path == "terraform/main.tf" }?.contents)
  }

  let backend = "name: orders\nkind: backend\nimage: nginx:1.27\ncount: 3\n"

  @Test func aStrategyReplacesTheLaunchTypeAndWaitsForTheClusterProviders() throws {
    let main = try main(backend + "capacity: {fargate_base: 1, spot: 75%}\n")
    #expect(!main.contains("launch_type"))
    #expect(main.contains("  force_new_deployment               = true\n"))
    #expect(
      main.contains(
        "  capacity_provider_strategy {\n    capacity_provider = \"FARGATE_SPOT\"\n    base              = 0\n    weight            = 3\n  }\n"
      ))
    #expect(main.contains("resource \"aws_ecs_cluster_capacity_providers\" \"this\" {"))
    #expect(main.contains("capacity_providers = [\"FARGATE\", \"FARGATE_SPOT\"]"))
    #expect(main.contains("  depends_on = [aws_ecs_cluster_capacity_providers.this]\n"))
  }

  @Test func withoutCapacityNothingChanges() throws {
    let main = try main(backend)
    #expect(main.contains("launch_type"))
    #expect(!main.contains("capacity_provider"))
    #expect(!main.contains("force_new_deployment"))
    #expect(!main.contains("alarms"))
  }

  @Test func alarmsRenderAsTheServicesAlarmsBlock() throws {
    let main = try main(backend + "deployment: {alarms: [a-5xx, a-p99]}\n")
    #expect(
      main.contains(
        "  alarms {\n    alarm_names = [\"a-5xx\", \"a-p99\"]\n    enable      = true\n    rollback    = true\n  }\n"
      ))
  }
}
