import ECSGenPlan
import ECSGenSpec
import Testing

/// The resolved plan: defaults applied, names derived, layouts chosen.
@Suite struct DeploymentPlannerTests {
  /// Plans a spec written inline; fails the test if the spec does not lint clean of errors.
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let minimal = """
    name: hello
    image: nginx:1.27
    port: 80
    """

  @Test func minimalSpecGetsEveryDefault() throws {
    let plan = try plan(minimal)
    #expect(plan.task.cpuUnits == 256)
    #expect(plan.task.memoryMiB == 512)
    #expect(plan.task.cpuArchitecture == "X86_64")
    #expect(plan.task.stopTimeoutSeconds == 30)
    #expect(plan.task.readOnlyRootFilesystem == false)
    #expect(plan.task.ephemeralStorageGiB == nil)
    #expect(plan.webParts.targetGroup.healthCheck.path == "/")
    #expect(plan.webParts.targetGroup.healthCheck.intervalSeconds == 30)
    #expect(plan.webParts.targetGroup.healthCheck.timeoutSeconds == 5)
    #expect(plan.webParts.targetGroup.healthCheck.healthyThreshold == 3)
    #expect(plan.webParts.targetGroup.healthCheck.unhealthyThreshold == 3)
    #expect(plan.webParts.targetGroup.healthCheck.matcher == "200")
    #expect(plan.webParts.targetGroup.deregistrationDelaySeconds == 60)
    #expect(plan.webParts.targetGroup.stickinessSeconds == nil)
    #expect(plan.ownParts.loadBalancer.idleTimeoutSeconds == 60)
    #expect(plan.ownParts.loadBalancer.isInternal == false)
    #expect(plan.ownParts.loadBalancer.allowedCIDRs == ["0.0.0.0/0"])
    #expect(plan.logs.groupName == "/ecs/hello")
    #expect(plan.logs.retentionDays == 30)
    #expect(plan.webParts.service.deployment.desiredCount == 1)
    #expect(plan.webParts.service.deployment.minimumHealthyPercent == 100)
    #expect(plan.webParts.service.deployment.maximumPercent == 200)
    #expect(plan.webParts.service.deployment.circuitBreakerRollback)
    #expect(plan.webParts.service.deployment.healthCheckGracePeriodSeconds == 60)
    #expect(plan.webParts.service.scaling == nil)
    #expect(plan.cluster == .create(name: "hello", containerInsights: true))
    #expect(plan.ci.role == .repositoryVariable("ECSGEN_DEPLOY_ROLE_ARN"))
    #expect(plan.ci.branch == "main")
    #expect(plan.ci.deployWith == "terraform")
  }

  @Test func namesAreDerivedFromTheServiceNameWithinAWSLimits() throws {
    let longest = String(repeating: "a", count: 28)
    let plan = try plan("name: \(longest)\nimage: nginx:1.27\nport: 80")
    #expect(plan.ownParts.loadBalancer.name.count <= 32)
    #expect(plan.webParts.targetGroup.name.count <= 32)
    // Cut to 25 characters so that `-HASH` fits in 32; the two still differ by their hash.
    #expect(plan.ownParts.loadBalancer.name.hasPrefix(String(longest.prefix(25)) + "-"))
    #expect(plan.webParts.targetGroup.name.hasPrefix(String(longest.prefix(25)) + "-"))
    #expect(plan.ownParts.loadBalancer.name != plan.webParts.targetGroup.name)
    #expect(plan.roles.task.created?.name == longest + "-task")
    #expect(plan.roles.execution.created?.name == longest + "-execution")
    #expect(plan.tasksSecurityGroup.namePrefix == longest + "-tasks-")
  }

  /// Short service names stay readable: `NAME-alb-HASH` and `NAME-tg-HASH`, six hex digits.
  @Test func replaceableNamesAreReadableAndStable() throws {
    let plan = try plan(minimal)
    #expect(plan.ownParts.loadBalancer.name.wholeMatch(of: /hello-alb-[0-9a-f]{6}/) != nil)
    #expect(plan.webParts.targetGroup.name.wholeMatch(of: /hello-tg-[0-9a-f]{6}/) != nil)
    #expect(try self.plan(minimal).webParts.targetGroup.name == plan.webParts.targetGroup.name)
    #expect(
      plan.ownParts.loadBalancer.name.hasPrefix(
        ResourceNames(service: "hello").loadBalancerNamePrefix))
    #expect(
      plan.webParts.targetGroup.name.hasPrefix(
        ResourceNames(service: "hello").targetGroupNamePrefix))
    #expect(plan.ownParts.loadBalancer.createBeforeDestroy)
    #expect(plan.webParts.targetGroup.createBeforeDestroy)
    #expect(plan.ownParts.loadBalancerSecurityGroup.createBeforeDestroy)
  }

  /// Defect 11 of issue 9: settings whose default differs between the tools are decided here.
  @Test func serviceSettingsThatToolsDefaultDifferentlyAreDecided() throws {
    let deployment = try plan(minimal).webParts.service.deployment
    #expect(deployment.availabilityZoneRebalancing == "ENABLED")
    #expect(deployment.enableExecuteCommand == false)
    #expect(deployment.schedulingStrategy == "REPLICA")
    #expect(deployment.deploymentController == "ECS")
    #expect(deployment.terraformWaitsForSteadyState == false)
  }

  /// Defect 6 of issue 9: destroy deletes the log group unless the spec keeps it, and deletes
  /// images only when the spec says so.
  @Test func destroyBehaviourComesFromTheSpec() throws {
    let built = "name: hello\nimage:\n  build: .\nport: 80\n"
    let defaults = try plan(built)
    #expect(defaults.logs.keepOnDestroy == false)
    guard case .built(let image) = defaults.image else {
      Issue.record("expected a built image")
      return
    }
    #expect(image.deleteImagesOnDestroy == false)
    let chosen = try plan(
      "name: hello\nimage:\n  build: .\n  delete_images_on_destroy: true\nport: 80\n"
        + "logs:\n  on_destroy: keep\n")
    #expect(chosen.logs.keepOnDestroy)
    if case .built(let image) = chosen.image { #expect(image.deleteImagesOnDestroy) }
  }

  @Test func openValuesBecomeInputs() throws {
    let plan = try plan(minimal)
    #expect(
      plan.inputs.map(\.name) == [
        "aws_region", "vpc_id", "task_subnet_ids", "load_balancer_subnet_ids",
      ])
    guard case .input(let vpc) = plan.network.vpcID else {
      Issue.record("vpc_id should be an input")
      return
    }
    #expect(vpc.kind == .vpcID)
  }

  @Test func writtenNetworkValuesAreFixed() throws {
    let plan = try plan(
      minimal + """

        region: eu-west-2
        network:
          vpc_id: vpc-0a1b2c3d4e5f67890
          subnets: [subnet-0aa11bb22cc33dd44]
          load_balancer_subnets: [subnet-01234567890abcdef, subnet-0fedcba9876543210]
        """)
    #expect(plan.inputs.isEmpty)
    #expect(plan.region == .fixed("eu-west-2"))
    #expect(plan.network.taskSubnetIDs == .fixed(["subnet-0aa11bb22cc33dd44"]))
  }

  @Test func withoutACertificateThereIsOneHTTPListener() throws {
    let plan = try plan(minimal)
    #expect(plan.ownParts.listeners.count == 1)
    #expect(plan.ownParts.listeners.first?.listenerProtocol == .http)
    #expect(plan.ownParts.listeners.first?.action == .forwardToTargetGroup)
    #expect(plan.ownParts.loadBalancer.urlScheme == "http")
    #expect(plan.ownParts.loadBalancerSecurityGroup.ingress.map(\.fromPort) == [80])
  }

  @Test func aCertificateGivesHTTPSAndARedirect() throws {
    let plan = try plan(
      minimal + """

        load_balancer:
          certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/abc-123
        """)
    #expect(plan.ownParts.listeners.map(\.listenerProtocol) == [.https, .http])
    #expect(plan.ownParts.listeners[0].sslPolicy == "ELBSecurityPolicy-TLS13-1-2-2021-06")
    #expect(plan.ownParts.listeners[0].action == .forwardToTargetGroup)
    #expect(plan.ownParts.listeners[1].action == .redirectToHTTPS(port: 443))
    #expect(plan.ownParts.loadBalancerSecurityGroup.ingress.map(\.fromPort) == [443, 80])
  }

  @Test func tasksAcceptTrafficOnlyFromTheLoadBalancer() throws {
    let resolved = try plan(minimal)
    let tasks = resolved.tasksSecurityGroup
    #expect(tasks.ingress.count == 1)
    #expect(tasks.ingress.first?.peer == .loadBalancerGroup)
    #expect(tasks.ingress.first?.fromPort == 80)
    #expect(resolved.ownParts.loadBalancerSecurityGroup.egress.first?.peer == .tasksGroup)
    #expect((tasks.ingress + tasks.egress).allSatisfy { !$0.description.isEmpty })
  }

  @Test func theExecutionRoleReadsExactlyTheListedSecrets() throws {
    let plan = try plan(
      minimal + """

        secrets:
          DB_PASSWORD: /hello/db-password
          API_KEY: "arn:aws:secretsmanager:eu-west-2:123456789012:secret:hello/api-AbCdEf:key::"
          OTHER: arn:aws:ssm:eu-west-2:123456789012:parameter/shared/other
        """)
    let execution = try #require(plan.roles.execution.created)
    #expect(
      execution.managedPolicies == [.awsManaged("service-role/AmazonECSTaskExecutionRolePolicy")])
    #expect(execution.statements.count == 2)
    #expect(execution.statements[0].actions == ["ssm:GetParameters"])
    #expect(
      execution.statements[0].resources == [
        .ssmParameter(path: "/hello/db-password"),
        .literal("arn:aws:ssm:eu-west-2:123456789012:parameter/shared/other"),
      ])
    #expect(execution.statements[1].actions == ["secretsmanager:GetSecretValue"])
    // IAM needs the secret's ARN without the JSON-key selector that ECS reads.
    #expect(
      execution.statements[1].resources == [
        .literal("arn:aws:secretsmanager:eu-west-2:123456789012:secret:hello/api-AbCdEf")
      ])
    #expect(plan.task.secrets.map(\.name) == ["API_KEY", "DB_PASSWORD", "OTHER"])
    #expect(plan.roles.task.created?.statements.isEmpty == true)
    #expect(execution.confusedDeputyGuard)
    #expect(execution.trustedService == "ecs-tasks.amazonaws.com")
  }

  @Test func anExistingRoleIsUsedAsIs() throws {
    let plan = try plan(
      minimal + "\nroles: {task: {arn: \"arn:aws:iam::123456789012:role/hello\"}}")
    #expect(plan.roles.task == .existing(arn: "arn:aws:iam::123456789012:role/hello"))
  }

  @Test func autoscalingStartsAtMinWithOnePolicyPerMetric() throws {
    let plan = try plan(
      minimal + """

        cluster: shared
        autoscaling: {min: 2, max: 6, cpu: 50, requests_per_target: 100, scale_in_cooldown: 10m}
        """)
    let scaling = try #require(plan.webParts.service.scaling)
    #expect(plan.webParts.service.deployment.desiredCount == 2)
    #expect(scaling.resourceID == "service/shared/hello")
    #expect(scaling.policies.map(\.metric) == [.cpu, .requestCountPerTarget])
    #expect(scaling.policies.map(\.targetValue) == [50, 100])
    #expect(scaling.policies.allSatisfy { $0.scaleInCooldownSeconds == 600 })
    #expect(scaling.policies.allSatisfy { $0.scaleOutCooldownSeconds == 60 })
    #expect(plan.cluster == .existing(name: "shared"))
  }

  @Test func aBuiltImageGetsARepositoryAndATagInput() throws {
    let plan = try plan("name: hello\nimage: {build: app}\nport: 80")
    guard case .built(let image) = plan.image else {
      Issue.record("expected a built image")
      return
    }
    #expect(image.repositoryName == "hello")
    #expect(image.buildContext == "app")
    #expect(image.scanOnPush && image.immutableTags)
    #expect(plan.inputs.contains { $0.kind == .imageTag && $0.name == "image_tag" })
  }

  @Test func environmentIsSortedAndTagsIncludeOurs() throws {
    let plan = try plan(
      minimal + "\nenvironment: {ZED: z, ALPHA: a, FEATURE: on}\ntags: {Team: web, Area: shop}")
    #expect(plan.task.environment.map(\.name) == ["ALPHA", "FEATURE", "ZED"])
    #expect(plan.task.environment.first { $0.name == "FEATURE" }?.value == "on")
    #expect(plan.tags.map(\.key) == ["Area", "ManagedBy", "Service", "Team"])
    #expect(plan.tags.first { $0.key == "ManagedBy" }?.value == "ecsgen")
  }

  @Test func shorthandsAreExpanded() throws {
    let plan = try plan(
      minimal + """

        platform: arm64
        load_balancer: {stickiness: true}
        container_health_check: {command: "curl -f http://localhost/ || exit 1"}
        """)
    #expect(plan.task.cpuArchitecture == "ARM64")
    #expect(plan.webParts.targetGroup.stickinessSeconds == 86_400)
    #expect(plan.task.healthCheck?.command == ["CMD-SHELL", "curl -f http://localhost/ || exit 1"])
    #expect(plan.task.healthCheck?.retries == 3)
  }

  @Test func aSpecWithErrorsIsNotPlanned() {
    let loaded = ServiceSpecLoader.load(text: "name: hello\nport: 80", file: "t.yaml")
    #expect(throws: PlanningError.self) { try DeploymentPlanner().plan(loaded) }
  }
}
