import ECSGenPlan
import ECSGenSpec
import Foundation
import Testing

/// `specs/environments.yaml`, the bundled example: one service, three environments.
enum EnvironmentsExample {
  static let path = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("specs/environments.yaml").path

  static func loaded() throws -> LoadedSpec {
    try ServiceSpecLoader.load(path: path, displayName: "specs/environments.yaml")
  }

  static func plans() throws -> [DeploymentPlan] {
    try DeploymentPlanner().plans(loaded())
  }

  /// `specs/FILE` for every bundled example with `environments:`.
  static let bundled: [String] = {
    let directory = (path as NSString).deletingLastPathComponent
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "specs/" + $0 }.filter {
      let spec = try? ServiceSpecLoader.load(path: directory + "/" + $0.dropFirst(6))
      return spec?.environments.isEmpty == false
    }
  }()
}

/// One resolved plan per environment.
@Suite struct EnvironmentPlanTests {
  @Test func theExampleIsCleanOfErrorsAndWarnings() throws {
    let loaded = try EnvironmentsExample.loaded()
    #expect(loaded.diagnostics.allSatisfy { $0.severity == .note }, "\(loaded.diagnostics)")
  }

  @Test func oneReolvedPlanPerEnvironmentInTheOrderWritten() throws {
    let plans = try EnvironmentsExample.plans()
    #expect(plans.map(\.environment?.name) == ["dev", "staging", "prod"])
    #expect(plans.map(\.environment?.position) == [0, 1, 2])
    #expect(plans.map(\.environment?.promotedFrom) == [nil, "dev", "staging"])
    #expect(
      plans.map(\.environment?.qualifiedName) == [
        "payments-api-dev", "payments-api-staging", "payments-api-prod",
      ])
    #expect(Set(plans.map(\.service.name)) == ["payments-api"])
  }

  @Test func aSpecWithEnvironmentsHasNoSinglePlan() throws {
    #expect(throws: PlanningError.self) {
      try DeploymentPlanner().plan(EnvironmentsExample.loaded())
    }
  }

  @Test func aSpecWithoutEnvironmentsHasOnePlanWithoutAnEnvironment() throws {
    let loaded = ServiceSpecLoader.load(
      text: "name: hello\nimage: nginx:1.27\nport: 80\n", file: "hello.yaml")
    let plans = try DeploymentPlanner().plans(loaded)
    #expect(plans == [try DeploymentPlanner().plan(loaded)])
    #expect(plans.first?.environment == nil)
    #expect(plans.first?.resourceNames == ResourceNames(service: "hello"))
  }

  /// Each environment gets its own values: the overrides, and what it inherits.
  @Test func eachPlanHasItsEnvironmentsValues() throws {
    let plans = try EnvironmentsExample.plans()
    let dev = try #require(plans.first)
    let prod = try #require(plans.last)
    #expect(dev.task.cpuUnits == 256)
    #expect(prod.task.cpuUnits == 1024)
    #expect(prod.task.memoryMiB == 2048)
    #expect(dev.task.environment.map(\.name) == ["FEATURE_NEW_CHECKOUT", "LOG_LEVEL"])
    #expect(prod.task.environment.map { "\($0.name)=\($0.value)" } == ["LOG_LEVEL=info"])
    #expect(
      plans.map { $0.task.secrets.first?.valueFrom } == [
        "/payments/dev/database-password", "/payments/staging/database-password",
        "/payments/prod/database-password",
      ])
    #expect(dev.webParts.service.scaling == nil)
    #expect(prod.webParts.service.scaling != nil)
    #expect(prod.logs.retentionDays == 365)
    #expect(dev.logs.retentionDays == 30)
    #expect(prod.network.vpcID == .fixed("vpc-0f1e2d3c4b5a69788"))
    #expect(dev.network.vpcID == .fixed("vpc-0a1b2c3d4e5f60718"))
    #expect(prod.ci.role == .arn("arn:aws:iam::222222222222:role/ecsgen-payments-api-prod-deploy"))
    // The health check path is inherited by all three.
    #expect(Set(plans.map(\.webParts.targetGroup.healthCheck.path)) == ["/healthz"])
  }

  @Test func namesCarryTheEnvironment() throws {
    let prod = try #require(try EnvironmentsExample.plans().last)
    #expect(prod.cluster.name == "payments-api-prod")
    #expect(prod.webParts.service.deployment.serviceName == "payments-api-prod")
    #expect(prod.task.family == "payments-api-prod")
    #expect(prod.roles.task.created?.name == "payments-api-prod-task")
    #expect(prod.roles.execution.created?.name == "payments-api-prod-execution")
    #expect(prod.ownParts.loadBalancer.name.hasPrefix("payments-api-prod-alb-"))
    #expect(prod.webParts.targetGroup.name.hasPrefix("payments-api-prod-tg-"))
    #expect(prod.ownParts.loadBalancer.name.count <= 32)
    #expect(prod.webParts.targetGroup.name.count <= 32)
    #expect(prod.tasksSecurityGroup.namePrefix == "payments-api-prod-tasks-")
    #expect(prod.logs.groupName == "/ecs/payments-api-prod")
    guard case .built(let image) = prod.image else {
      Issue.record("the example builds its image")
      return
    }
    #expect(image.repositoryName == "payments-api-prod")
    guard case .partialS3(let state) = prod.terraform.state else {
      Issue.record("the example keeps state from repository variables")
      return
    }
    #expect(state.key == "ecsgen/payments-api/prod/terraform.tfstate")
    #expect(prod.ci.stackName == "payments-api-prod")
    #expect(prod.ci.environment == "prod")
    #expect(prod.ci.workflowFileName == "deploy-payments-api.yml")
    #expect(
      prod.bootstrap.deployRole.name == "ecsgen-payments-api-prod-deploy"
        || prod.ci.role != .repositoryVariable(""))
  }

  @Test func everyResourceIsTaggedWithItsEnvironment() throws {
    for plan in try EnvironmentsExample.plans() {
      let tags = Dictionary(uniqueKeysWithValues: plan.tags.map { ($0.key, $0.value) })
      #expect(tags["Environment"] == plan.environment?.name)
      #expect(tags["Service"] == "payments-api")
      #expect(tags["ManagedBy"] == "ecsgen")
      #expect(tags["Team"] == "payments")
      #expect(plan.tags.map(\.key) == plan.tags.map(\.key).sorted())
    }
  }

  /// An explicit `ci.environment` wins over the environment's own name.
  @Test func anExplicitGitHubEnvironmentIsKept() throws {
    let text = """
      name: hello
      image: nginx:1.27
      port: 80
      environments:
        dev: {}
        prod:
          ci: {environment: production}
      """
    let plans = try DeploymentPlanner().plans(ServiceSpecLoader.load(text: text, file: "x.yaml"))
    #expect(plans.map(\.ci.environment) == ["dev", "production"])
  }
}

/// AWS requires some names to be unique (per account, region, cluster or VPC). No two
/// environments of one spec may share one: the second apply would fail or take the first's.
@Suite struct EnvironmentUniqueNameTests {
  /// Every name of one plan that AWS (or the state) requires to be unique, by kind.
  static func uniqueNames(_ plan: DeploymentPlan) -> [String: String] {
    var names: [String: String] = [
      "cluster": plan.cluster.name,
      "task family": plan.task.family,
      "tasks security group": plan.tasksSecurityGroup.namePrefix,
      "log group": plan.logs.groupName,
      "stack": plan.ci.stackName,
      // A role the spec names is that role, in its account: the ARN identifies it.
      "deploy role": plan.ci.role.arn ?? plan.bootstrap.deployRole.name,
      "plan role": plan.bootstrap.planRole.name,
    ]
    if let service = plan.ecsService { names["ecs service"] = service.deployment.serviceName }
    switch plan.workload {
    case .web(let web):
      names["target group"] = web.targetGroup.name
      if case .loadBalancer(let own) = web.entry {
        names["load balancer"] = own.loadBalancer.name
        names["load balancer security group"] = own.loadBalancerSecurityGroup.namePrefix
      }
    case .backend: break
    case .worker(let worker):
      if case .created(let queue) = worker.queue {
        names["queue"] = queue.name
        names["dead-letter queue"] = queue.deadLetterQueue.name
      }
    case .job(let job):
      names["state machine"] = job.stateMachine.name
      names["state machine role"] = job.stateMachine.role.name
      names["invoke role"] = job.invokeRole.name
      names["dead-letter queue"] = job.deadLetterQueue.name
    }
    if let role = plan.roles.task.created { names["task role"] = role.name }
    if let role = plan.roles.execution.created { names["execution role"] = role.name }
    if case .built(let image) = plan.image { names["repository"] = image.repositoryName }
    switch plan.terraform.state {
    case .partialS3(let state): names["state key"] = state.key
    case .specified(let backend): names["state key"] = "s3://\(backend.bucket)/\(backend.key)"
    case .local: break
    }
    for policy in plan.ecsService?.scaling?.policies ?? [] {
      names["scaling policy \(policy.metric)"] = policy.name
    }
    return names
  }

  /// Every bundled example with environments (by path), then specs written for this test.
  static let specs =
    EnvironmentsExample.bundled + [
      // The longest service name the budget allows with these environments (28 - 1 - 7).
      "name: abcdefghij-klmnopqrs\nimage: {build: .}\nport: 80\nautoscaling: {min: 1, max: 2, cpu: 50}\nenvironments:\n  dev: {}\n  staging: {}\n  prod: {}\n",
      // Environments whose names share a prefix, and a cluster the spec names (shared, not created).
      "name: web\nimage: nginx:1.27\nport: 80\ncluster: shared\nenvironments:\n  prod: {}\n  prod-eu: {}\n  prod-e: {}\n",
    ]

  /// The bundled example is among the specs checked, so that moving it cannot drop it unseen.
  @Test func theBundledExampleIsChecked() {
    #expect(EnvironmentsExample.bundled.contains("specs/environments.yaml"))
  }

  @Test(arguments: specs)
  func noTwoEnvironmentsShareAUniqueName(spec: String) throws {
    let loaded =
      spec.hasPrefix("specs/")
      ? try ServiceSpecLoader.load(
        path: (EnvironmentsExample.path as NSString).deletingLastPathComponent + "/"
          + spec.dropFirst(6))
      : ServiceSpecLoader.load(text: spec, file: "x.yaml")
    let plans = try DeploymentPlanner().plans(loaded)
    #expect(plans.count >= 2)
    var seen: [String: String] = [:]
    for plan in plans {
      let environment = plan.environment?.name ?? "?"
      for (kind, name) in Self.uniqueNames(plan) {
        if kind == "cluster", case .existing = plan.cluster { continue }
        if let other = seen["\(kind)/\(name)"] {
          Issue.record("\(kind) `\(name)` is used by \(other) and \(environment)")
        }
        seen["\(kind)/\(name)"] = environment
      }
      #expect((plan.ownLoadBalancer?.loadBalancer.name.count ?? 0) <= 32)
      #expect((plan.web?.targetGroup.name.count ?? 0) <= 32)
      #expect(plan.bootstrap.deployRole.name.count <= 64)
      #expect((plan.roles.execution.created?.name.count ?? 0) <= 64)
    }
  }
}

extension CIPlan.Role {
  fileprivate var arn: String? {
    if case .arn(let arn) = self { return arn }
    return nil
  }
}
