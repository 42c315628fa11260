import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Testing

/// Defect 5 of issue 9: a spec change that makes AWS replace a resource must not fail because the
/// new resource takes the old one's name. For each spec change the test renders the spec before
/// and after, works out from `ReplacementFacts` which resources each tool replaces (directly, or
/// because they refer to a replaced resource), checks that against the table below, and then
/// checks every replaced resource's name.
@Suite struct ReplacementNamingTests {
  /// A spec with every part a change can touch: a built image, HTTPS, autoscaling, fixed network.
  static let base = """
    name: orders-api
    image:
      build: .
    port: 8080
    health_check:
      path: /health
    load_balancer:
      public: true
      certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/0f8e9c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b
    network:
      vpc_id: vpc-0a1b2c3d4e5f60718
      subnets: [subnet-0a1b2c3d4e5f60711]
      load_balancer_subnets: [subnet-0a1b2c3d4e5f60712, subnet-0a1b2c3d4e5f60713]
    autoscaling:
      min: 1
      max: 3
      cpu: 60
    ci:
      role_arn: arn:aws:iam::123456789012:role/github-deploy

    """

  /// One spec change: the text replaced in `base`, and what each tool replaces as a result.
  struct Change: CustomStringConvertible, Sendable {
    var description: String
    var replacing: String
    var with: String
    var terraform: Set<String>
    var cloudFormation: Set<String>
    /// CloudFormation resources that keep their custom name on purpose, with the reason; the
    /// test requires that they are exactly these.
    var cloudFormationRefusals: Set<String> = []
  }

  static let taskDefinition = ("aws_ecs_task_definition.this", "TaskDefinition")
  static let listeners = (
    ["aws_lb_listener.https", "aws_lb_listener.http"], ["HttpsListener", "HttpListener"]
  )

  static let changes: [Change] = [
    Change(
      description: "port", replacing: "port: 8080", with: "port: 9090",
      terraform: ["aws_lb_target_group.this", taskDefinition.0],
      cloudFormation: ["TargetGroup", taskDefinition.1]),
    // The target group is replaced with the load balancer: a group belongs to one load balancer
    // at a time, and the new listeners are created before the old ones are deleted
    // (`TargetGroupAssociationLimit` otherwise).
    Change(
      description: "load_balancer.public",
      replacing: "  public: true", with: "  public: false\n  allowed_cidrs: [\"10.0.0.0/8\"]",
      terraform: Set(["aws_lb.this", "aws_lb_target_group.this"] + listeners.0),
      cloudFormation: Set(["LoadBalancer", "TargetGroup"] + listeners.1)),
    Change(
      description: "network.vpc_id", replacing: "vpc-0a1b2c3d4e5f60718",
      with: "vpc-0a1b2c3d4e5f60799",
      terraform: Set(
        [
          "aws_lb.this", "aws_lb_target_group.this", "aws_security_group.load_balancer",
          "aws_security_group.tasks",
        ] + listeners.0),
      cloudFormation: Set(
        ["LoadBalancer", "TargetGroup", "LoadBalancerSecurityGroup", "TaskSecurityGroup"]
          + listeners.1)),
    Change(
      description: "logs.group", replacing: "health_check:",
      with: "logs:\n  group: /ecs/shop/orders-api\nhealth_check:",
      terraform: ["aws_cloudwatch_log_group.this", taskDefinition.0],
      cloudFormation: ["LogGroup", taskDefinition.1]),
    Change(
      description: "image.repository", replacing: "  build: .",
      with: "  build: .\n  repository: shop/orders",
      terraform: ["aws_ecr_repository.this", "aws_ecr_lifecycle_policy.this", taskDefinition.0],
      cloudFormation: ["Repository", taskDefinition.1]),
    Change(
      description: "cpu", replacing: "port: 8080", with: "port: 8080\ncpu: 1 vCPU\nmemory: 2 GB",
      terraform: [taskDefinition.0], cloudFormation: [taskDefinition.1]),
    Change(
      description: "health_check.path", replacing: "path: /health", with: "path: /ready",
      terraform: [], cloudFormation: []),
    // Terraform: service and scaling policy names are unique per cluster and per scalable
    // target, so the replacements in the new cluster do not collide. CloudFormation never
    // replaces a custom-named resource under the same name: the service keeps its fixed name
    // (the deploy workflow and people use it), so moving a CloudFormation-deployed service to
    // another cluster means deleting the stack first (README, "What destroy keeps").
    Change(
      description: "cluster", replacing: "port: 8080", with: "port: 8080\ncluster: shared",
      terraform: [
        "aws_ecs_service.this", "aws_appautoscaling_target.this", "aws_appautoscaling_policy.cpu",
      ],
      cloudFormation: ["Service", "ScalableTarget", "CpuScalingPolicy"],
      cloudFormationRefusals: ["Service", "CpuScalingPolicy"]),
    Change(
      description: "name", replacing: "name: orders-api", with: "name: orders-v2",
      terraform: Set(
        [
          "aws_ecs_cluster.this", "aws_cloudwatch_log_group.this", "aws_iam_role.task",
          "aws_iam_role.execution", "aws_iam_role_policy_attachment.execution",
          "aws_ecr_repository.this", "aws_ecr_lifecycle_policy.this", taskDefinition.0,
          "aws_security_group.load_balancer", "aws_security_group.tasks", "aws_lb.this",
          "aws_lb_target_group.this", "aws_ecs_service.this", "aws_appautoscaling_target.this",
          "aws_appautoscaling_policy.cpu",
        ] + listeners.0),
      cloudFormation: Set(
        [
          "Cluster", "LogGroup", "TaskRole", "ExecutionRole", "Repository", taskDefinition.1,
          "LoadBalancerSecurityGroup", "TaskSecurityGroup", "LoadBalancer", "TargetGroup",
          "Service", "ScalableTarget", "CpuScalingPolicy",
        ] + listeners.1)),
  ]

  static func plan(_ text: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: text, file: "replacement.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  static func variant(_ change: Change) throws -> String {
    #expect(base.contains(change.replacing), "the base spec has no `\(change.replacing)`")
    return base.replacingOccurrences(of: change.replacing, with: change.with)
  }

  @Test(arguments: changes)
  func terraformReplacementsNeverCollide(change: Change) throws {
    let before = TerraformResources(TerraformRenderer().documents(try Self.plan(Self.base)))
    let after = TerraformResources(
      TerraformRenderer().documents(try Self.plan(try Self.variant(change))))
    var replaced = Set<String>()
    // Until nothing changes: a resource is replaced when a forcing argument changes, or refers
    // to a replaced resource (whose id is new).
    while true {
      let previous = replaced
      for (address, new) in after.resources {
        guard let old = before.resources[address],
          let facts = ReplacementFacts.terraform[String(address.prefix { $0 != "." })]
        else { continue }
        let forced = facts.forcing.contains { argument in
          TerraformResources.value(old, argument) != TerraformResources.value(new, argument)
            || !TerraformResources.references(new, argument).isDisjoint(with: replaced)
        }
        if forced { replaced.insert(address) }
      }
      if replaced == previous { break }
    }
    #expect(replaced == change.terraform)

    for address in replaced {
      guard let old = before.resources[address], let new = after.resources[address],
        let facts = ReplacementFacts.terraform[String(address.prefix { $0 != "." })]
      else { continue }
      let createsFirst = new.block("lifecycle")?.bool("create_before_destroy") == true
      switch facts.naming {
      case .none, .revision: continue
      case .name(let attribute, let scope):
        // `name_prefix`: Terraform adds a unique suffix to every new resource.
        if new.value("name_prefix") != nil { continue }
        let oldName = TerraformResources.value(old, attribute)
        let newName = TerraformResources.value(new, attribute)
        let scopeChanged =
          scope.map { argument in
            TerraformResources.value(old, argument) != TerraformResources.value(new, argument)
              || !TerraformResources.references(new, argument).isDisjoint(with: replaced)
          } ?? false
        #expect(
          oldName != newName || (scopeChanged && !createsFirst),
          "\(address) is replaced under its old name \(oldName ?? "?")")
      }
    }
    // Groups in use by a listener or by network interfaces cannot be deleted first.
    for address in replaced
    where address.hasPrefix("aws_lb_target_group.") || address.hasPrefix("aws_security_group.") {
      #expect(
        after.resources[address]?.block("lifecycle")?.bool("create_before_destroy") == true,
        "\(address) is in use and must be created before the old one is destroyed")
    }
  }

  @Test(arguments: changes)
  func cloudFormationReplacementsNeverCollide(change: Change) throws {
    let renderer = CloudFormationRenderer()
    let beforeText = try #require(renderer.render(try Self.plan(Self.base)).first?.contents)
    let afterText = try #require(
      renderer.render(try Self.plan(try Self.variant(change))).first?.contents)
    let before = try CloudFormationResources(json: beforeText)
    let after = try CloudFormationResources(json: afterText)
    var replaced = Set<String>()
    while true {
      let previous = replaced
      for id in after.resources.keys {
        guard before.resources[id] != nil, let type = after.type(id),
          let facts = ReplacementFacts.cloudFormation[type]
        else { continue }
        let forced = facts.forcing.contains { property in
          before.canonical(id, property) != after.canonical(id, property)
            || !after.references(id, property).isDisjoint(with: replaced)
        }
        if forced { replaced.insert(id) }
      }
      if replaced == previous { break }
    }
    #expect(replaced == change.cloudFormation)

    var keptNames = Set<String>()
    for id in replaced {
      guard let type = after.type(id), let facts = ReplacementFacts.cloudFormation[type],
        case .name(let property, _) = facts.naming
      else { continue }
      // No name: CloudFormation generates a new one for every replacement.
      guard let newName = after.canonical(id, property) else { continue }
      if before.canonical(id, property) == newName { keptNames.insert(id) }
    }
    #expect(keptNames == change.cloudFormationRefusals)
  }

  /// A target group that moves to another load balancer gets a new name, so that the new group
  /// can take the new listener or rule while the old one still serves the old load balancer:
  /// AWS refuses one group on two load balancers (`TargetGroupAssociationLimit`), and
  /// CloudFormation creates the new rule before it deletes the old one. Another listener of the
  /// same load balancer keeps the group.
  @Test func aTargetGroupMovingToAnotherLoadBalancerIsRenamed() throws {
    let ownKeys =
      "  public: true\n  certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/0f8e9c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b\n"
    let subnets =
      "  load_balancer_subnets: [subnet-0a1b2c3d4e5f60712, subnet-0a1b2c3d4e5f60713]\n"
    #expect(Self.base.contains(ownKeys) && Self.base.contains(subnets))
    func shared(_ listener: String) -> String {
      let rule = [
        "  listener_arn: arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/\(listener)",
        "  security_group: sg-0123456789abcdef0", "  priority: 120", "  paths: [\"/orders/*\"]",
      ]
      return Self.base.replacingOccurrences(
        of: ownKeys, with: rule.joined(separator: "\n") + "\n"
      ).replacingOccurrences(of: subnets, with: "")
    }
    func name(_ text: String) throws -> String { try Self.plan(text).webParts.targetGroup.name }
    let own = try name(Self.base)
    let sharedA = try name(shared("shared-a/50dc6c495c0c9188/f2f7dc8efc522ab2"))
    let sharedAOtherListener = try name(shared("shared-a/50dc6c495c0c9188/0123456789abcdef"))
    let sharedB = try name(shared("shared-b/60dc6c495c0c9188/f2f7dc8efc522ab2"))
    #expect(Set([own, sharedA, sharedB]).count == 3)
    #expect(sharedA == sharedAOtherListener)
  }

  /// Without the changes above, names are stable: rendering the same spec twice, or changing a
  /// setting that is updated in place, keeps every name.
  @Test func inPlaceChangesKeepNames() throws {
    let before = try Self.plan(Self.base)
    let after = try Self.plan(
      Self.base.replacingOccurrences(of: "path: /health", with: "path: /ready"))
    #expect(before.ownParts.loadBalancer.name == after.ownParts.loadBalancer.name)
    #expect(before.webParts.targetGroup.name == after.webParts.targetGroup.name)
  }
}
