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
    // Every environment's plan of a spec with `environments:`.
    // This test compares the facts of a `web`; other kinds have their own parity tests.
    for plan in try CloudFormationGoldenTests.plans(spec) where plan.web != nil {
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

      // A web on a shared listener has a listener rule instead of a load balancer.
      let tfBalancer = terraform.resource("aws_lb", "this")
      let cfBalancer = cloudFormation.resource("LoadBalancer")
      #expect((tfBalancer == nil) == (plan.ownLoadBalancer == nil))
      #expect((cfBalancer == nil) == (plan.ownLoadBalancer == nil))
      #expect(
        tfBalancer?.number("idle_timeout").map(String.init)
          == cfBalancer?.attribute("LoadBalancerAttributes", "idle_timeout.timeout_seconds"))
      let tfRule = terraform.resource("aws_lb_listener_rule", "this")
      let cfRule = cloudFormation.resource("ListenerRule")
      #expect((tfRule == nil) == (plan.ownLoadBalancer != nil))
      #expect((cfRule == nil) == (plan.ownLoadBalancer != nil))
      #expect(tfRule?.number("priority") == cfRule?.int("Priority"))
      #expect(tfRule?.string("listener_arn") == cfRule?.string("ListenerArn"))

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
      if plan.webParts.service.scaling == nil {
        #expect(tfService.number("desired_count") == cfService.int("DesiredCount"))
      }

      // Equal nils would agree vacuously: every fact compared above must have been found.
      let found: [Any?] = [
        tfTask.string("cpu"), tfTask.string("memory"), tfContainer.port, tfContainer.stopTimeout,
        tfContainer.readOnlyRoot, check.string("path"), check.number("interval"),
        check.string("matcher"),
        tfBalancer?.number("idle_timeout") ?? tfRule?.number("priority"),
        cfGroup.attribute("TargetGroupAttributes", "deregistration_delay.timeout_seconds"),
        cfBalancer?.attribute("LoadBalancerAttributes", "idle_timeout.timeout_seconds")
          ?? cfRule?.int("Priority"),
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
}

/// Settings of the service, the load balancer and the target group whose default differs between
/// the Terraform provider and CloudFormation (or the API behind it) must be written explicitly, with
/// the same value, in both outputs: an absent value would be decided by each tool differently
/// (provider 5.100 sends `availability_zone_rebalancing = DISABLED`; a template without it gets
/// `ENABLED` from ECS).
@Suite struct ExplicitDefaultsParityTests {
  /// One setting: its Terraform attribute (a nested block as `block.attribute`), its
  /// CloudFormation property (nested objects as `Object.Property`), and the value both must hold,
  /// spelled as the Terraform output writes it.
  struct Setting: CustomStringConvertible, Sendable {
    var terraform: String
    var cloudFormation: String
    var description: String { "\(terraform) / \(cloudFormation)" }
  }

  /// Every `aws_ecs_service` argument with a provider default or an API default that the other
  /// tool does not share, plus the ones ecsgen relies on being set.
  static let serviceSettings = [
    Setting(
      terraform: "availability_zone_rebalancing", cloudFormation: "AvailabilityZoneRebalancing"),
    Setting(terraform: "enable_ecs_managed_tags", cloudFormation: "EnableECSManagedTags"),
    Setting(terraform: "propagate_tags", cloudFormation: "PropagateTags"),
    Setting(terraform: "enable_execute_command", cloudFormation: "EnableExecuteCommand"),
    Setting(terraform: "deployment_controller.type", cloudFormation: "DeploymentController.Type"),
    Setting(terraform: "scheduling_strategy", cloudFormation: "SchedulingStrategy"),
    Setting(
      terraform: "health_check_grace_period_seconds",
      cloudFormation: "HealthCheckGracePeriodSeconds"),
    Setting(terraform: "platform_version", cloudFormation: "PlatformVersion"),
    Setting(terraform: "launch_type", cloudFormation: "LaunchType"),
    Setting(
      terraform: "deployment_circuit_breaker.enable",
      cloudFormation: "DeploymentConfiguration.DeploymentCircuitBreaker.Enable"),
    Setting(
      terraform: "deployment_circuit_breaker.rollback",
      cloudFormation: "DeploymentConfiguration.DeploymentCircuitBreaker.Rollback"),
    Setting(
      terraform: "deployment_minimum_healthy_percent",
      cloudFormation: "DeploymentConfiguration.MinimumHealthyPercent"),
    Setting(
      terraform: "deployment_maximum_percent",
      cloudFormation: "DeploymentConfiguration.MaximumPercent"),
  ]

  static let targetGroupSettings = [
    Setting(terraform: "protocol", cloudFormation: "Protocol"),
    Setting(terraform: "target_type", cloudFormation: "TargetType"),
    Setting(terraform: "health_check.enabled", cloudFormation: "HealthCheckEnabled"),
    Setting(terraform: "health_check.protocol", cloudFormation: "HealthCheckProtocol"),
  ]

  static let cases = RendererParityTests.specs.flatMap { spec in
    serviceSettings.map { (spec, "aws_ecs_service", "Service", $0) }
      + targetGroupSettings.map { (spec, "aws_lb_target_group", "TargetGroup", $0) }
  }

  @Test(arguments: cases)
  func settingIsExplicitAndEqual(
    spec: String, terraformType: String, logicalID: String, setting: Setting
  ) throws {
    // Only the kinds that have the resource: a service (not a job), a target group (a web).
    for plan in try CloudFormationGoldenTests.plans(spec)
    where terraformType == "aws_ecs_service" ? plan.ecsService != nil : plan.web != nil {
      // ECS refuses a grace period on a service without a load balancer: none is written.
      if setting.terraform == "health_check_grace_period_seconds" && plan.web == nil { continue }
      // With `capacity` the strategy replaces the launch type in both (ECS refuses the two).
      if setting.terraform == "launch_type" && plan.ecsService?.deployment.capacity != nil {
        continue
      }
      let terraform = TerraformFacts(TerraformRenderer().documents(plan))
      let text = try #require(CloudFormationRenderer().render(plan).first?.contents)
      let cloudFormation = try CloudFormationFacts(json: text)
      let tfResource = try #require(terraform.resource(terraformType, "this"))
      let cfResource = try #require(cloudFormation.resource(logicalID))
      let tfValue = tfResource.scalar(path: setting.terraform)
      let cfValue = cfResource.scalar(path: setting.cloudFormation)
      #expect(tfValue != nil, "\(setting.terraform) is not written in the Terraform")
      #expect(cfValue != nil, "\(setting.cloudFormation) is not written in the CloudFormation")
      #expect(tfValue == cfValue)
    }
  }

  /// Terraform-only: `apply` does not wait for the service, written explicitly (the deploy
  /// workflow waits and reads the rollout); CloudFormation always waits and has no such switch.
  @Test(arguments: RendererParityTests.specs)
  func terraformWaitIsExplicit(spec: String) throws {
    for plan in try CloudFormationGoldenTests.plans(spec) where plan.ecsService != nil {
      let terraform = TerraformFacts(TerraformRenderer().documents(plan))
      let service = try #require(terraform.resource("aws_ecs_service", "this"))
      #expect(service.scalar(path: "wait_for_steady_state") == "false")
    }
  }

  /// The load balancer's scheme and header handling, in the two spellings.
  @Test(arguments: RendererParityTests.specs)
  func loadBalancerSettingsAgree(spec: String) throws {
    for plan in try CloudFormationGoldenTests.plans(spec) where plan.ownLoadBalancer != nil {
      let terraform = TerraformFacts(TerraformRenderer().documents(plan))
      let text = try #require(CloudFormationRenderer().render(plan).first?.contents)
      let cloudFormation = try CloudFormationFacts(json: text)
      let tfBalancer = try #require(terraform.resource("aws_lb", "this"))
      let cfBalancer = try #require(cloudFormation.resource("LoadBalancer"))
      let scheme = tfBalancer.bool("internal").map { $0 ? "internal" : "internet-facing" }
      #expect(scheme != nil)
      #expect(scheme == cfBalancer.string("Scheme"))
      #expect(tfBalancer.string("load_balancer_type") == cfBalancer.string("Type"))
      let dropHeaders = tfBalancer.bool("drop_invalid_header_fields").map { $0 ? "true" : "false" }
      #expect(dropHeaders != nil)
      #expect(
        dropHeaders
          == cfBalancer.attribute(
            "LoadBalancerAttributes", "routing.http.drop_invalid_header_fields.enabled"))
    }
  }
}
