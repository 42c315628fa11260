import ECSGenPlan
import ECSGenRendering
import ECSGenTerraform
import ECSGenTestSupport
import Testing

/// The worker and job resources of the example specs.
@Suite struct KindTerraformTests {
  static func main(_ spec: String) throws -> [String] {
    try ExampleSpecs.plans(spec).map { plan in
      TerraformRenderer().render(plan).first { $0.path == "terraform/main.tf" }?.contents ?? ""
    }
  }

  @Test func jobDefinitionReferencesResolveToTerraformAddresses() throws {
    let main = try #require(try Self.main("job-schedule.yaml").first)
    #expect(main.contains("TaskDefinition       = aws_ecs_task_definition.this.arn"))
    #expect(main.contains("SecurityGroups = [aws_security_group.tasks.id]"))
    #expect(!main.contains("$ref"))
    #expect(main.contains("resource \"aws_scheduler_schedule\" \"this\""))
  }

  @Test func workerGetsTheQueueURLVariableAndWakeUpOnlyWithMinZero() throws {
    let mains = try Self.main("worker.yaml")
    #expect(mains.count == 2)
    for main in mains {
      #expect(main.contains("name  = \"QUEUE_URL\""))
      #expect(main.contains("value = aws_sqs_queue.this.url"))
    }
    #expect(mains.filter { $0.contains("aws_cloudwatch_metric_alarm\" \"wake_up\"") }.count == 1)
  }
}
