import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import ECSGenTestSupport
import Foundation
import Testing

/// Both renderers read the same plan, so the facts a user cares about must agree. The test reads
/// the CloudFormation back by parsing the printed JSON, and the Terraform through the HCL
/// document model the renderer built, then compares them fact by fact.
@Suite struct RendererParityTests {
  static let specs = GoldenFile.files(in: "specs", suffix: ".yaml")

  @Test(arguments: specs)
  func terraformAndCloudFormationAgree(spec: String) throws {
    let plan = try CloudFormationGoldenTests.plan(spec)
    let terraform = TerraformFacts(TerraformRenderer().documents(plan))
    let text = try #require(CloudFormationRenderer().render(plan).first?.contents)
    let cloudFormation = try CloudFormationFacts(json: text)

    let tfTask = try #require(terraform.resource("aws_ecs_task_definition", "this"))
    let cfTask = try #require(cloudFormation.resource("TaskDefinition"))
    #expect(tfTask.string("cpu") == cfTask.string("Cpu"))
    #expect(tfTask.string("memory") == cfTask.string("Memory"))
    let tfContainer = try #require(terraform.container)
    let cfContainer = try #require(cloudFormation.container)
    #expect(tfContainer.imageDescription == cfContainer.imageDescription)
    #expect(tfContainer.port == cfContainer.port)
    #expect(tfContainer.environment == cfContainer.environment)
    #expect(tfContainer.secrets == cfContainer.secrets)
    #expect(tfContainer.stopTimeout == cfContainer.stopTimeout)
    #expect(tfContainer.readOnlyRoot == cfContainer.readOnlyRoot)
    #expect(tfContainer.healthCheck == cfContainer.healthCheck)

    let tfGroup = try #require(terraform.resource("aws_lb_target_group", "this"))
    let cfGroup = try #require(cloudFormation.resource("TargetGroup"))
    let check = try #require(tfGroup.block("health_check"))
    #expect(check.string("path") == cfGroup.string("HealthCheckPath"))
    #expect(check.number("interval") == cfGroup.int("HealthCheckIntervalSeconds"))
    #expect(check.number("timeout") == cfGroup.int("HealthCheckTimeoutSeconds"))
    #expect(check.number("healthy_threshold") == cfGroup.int("HealthyThresholdCount"))
    #expect(check.number("unhealthy_threshold") == cfGroup.int("UnhealthyThresholdCount"))
    #expect(check.string("matcher") == (cfGroup.object("Matcher")?["HttpCode"] as? String))
    #expect(check.string("port") == cfGroup.string("HealthCheckPort"))
    #expect(tfGroup.number("port") == cfGroup.int("Port"))
    #expect(
      tfGroup.number("deregistration_delay").map(String.init)
        == cfGroup.attribute("TargetGroupAttributes", "deregistration_delay.timeout_seconds"))

    let tfBalancer = try #require(terraform.resource("aws_lb", "this"))
    let cfBalancer = try #require(cloudFormation.resource("LoadBalancer"))
    #expect(
      tfBalancer.number("idle_timeout").map(String.init)
        == cfBalancer.attribute("LoadBalancerAttributes", "idle_timeout.timeout_seconds"))

    let tfLogs = try #require(terraform.resource("aws_cloudwatch_log_group", "this"))
    let cfLogs = try #require(cloudFormation.resource("LogGroup"))
    #expect(tfLogs.string("name") == cfLogs.string("LogGroupName"))
    #expect(tfLogs.number("retention_in_days") == cfLogs.int("RetentionInDays"))

    let tfService = try #require(terraform.resource("aws_ecs_service", "this"))
    let cfService = try #require(cloudFormation.resource("Service"))
    let cfDeployment = try #require(cfService.object("DeploymentConfiguration"))
    #expect(
      tfService.number("deployment_minimum_healthy_percent")
        == cfDeployment["MinimumHealthyPercent"] as? Int)
    #expect(
      tfService.number("deployment_maximum_percent") == cfDeployment["MaximumPercent"] as? Int)
    #expect(
      tfService.block("deployment_circuit_breaker")?.bool("rollback")
        == (cfDeployment["DeploymentCircuitBreaker"] as? [String: Any])?["Rollback"] as? Bool)
    #expect(
      tfService.number("health_check_grace_period_seconds")
        == cfService.int("HealthCheckGracePeriodSeconds"))
    if plan.scaling == nil {
      #expect(tfService.number("desired_count") == cfService.int("DesiredCount"))
    }

    // Equal nils would agree vacuously: every fact compared above must have been found.
    let found: [Any?] = [
      tfTask.string("cpu"), tfTask.string("memory"), tfContainer.port, tfContainer.stopTimeout,
      tfContainer.readOnlyRoot, check.string("path"), check.number("interval"),
      check.string("matcher"), tfBalancer.number("idle_timeout"),
      cfGroup.attribute("TargetGroupAttributes", "deregistration_delay.timeout_seconds"),
      cfBalancer.attribute("LoadBalancerAttributes", "idle_timeout.timeout_seconds"),
      tfLogs.string("name"), tfLogs.number("retention_in_days"),
      tfService.number("deployment_minimum_healthy_percent"),
      cfDeployment["MaximumPercent"], cfService.int("HealthCheckGracePeriodSeconds"),
    ]
    #expect(found.allSatisfy { $0 != nil })
    #expect(tfContainer.environment.count == plan.task.environment.count)
    #expect(tfContainer.secrets.count == plan.task.secrets.count)
    #expect(tfContainer.healthCheck.count == (plan.task.healthCheck == nil ? 0 : 4))

    let tfTarget = terraform.resource("aws_appautoscaling_target", "this")
    let cfTarget = cloudFormation.resource("ScalableTarget")
    #expect((tfTarget == nil) == (cfTarget == nil))
    if let tfTarget, let cfTarget {
      #expect(tfTarget.number("min_capacity") == cfTarget.int("MinCapacity"))
      #expect(tfTarget.number("max_capacity") == cfTarget.int("MaxCapacity"))
      #expect(terraform.scalingTargets == cloudFormation.scalingTargets)
      #expect(!terraform.scalingTargets.isEmpty)
    }
  }
}
