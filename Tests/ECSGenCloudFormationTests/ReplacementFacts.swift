import ECSGenTerraform
import Foundation

/// What makes AWS replace a resource instead of updating it, per tool, for every resource type
/// ecsgen renders, and how each type is named. Terraform: the arguments the hashicorp/aws 5.100
/// documentation marks "Forces new resource" (schema `ForceNew`); CloudFormation: the properties
/// whose "Update requires" is "Replacement". Nameless rule resources (security group rules,
/// `AWS::EC2::SecurityGroupIngress`) are left out: a replaced rule has no name to collide.
enum ReplacementFacts {
  /// How a resource type is named, which decides when a replacement can collide.
  enum Naming: Equatable {
    /// No name at all.
    case none
    /// Named by this attribute; a replacement must use a new name unless `scope` (an attribute
    /// that names the namespace the name lives in, such as the service's cluster) changes too.
    case name(String, scope: String?)
    /// Each replacement is a new revision under the same family (task definitions).
    case revision
  }

  struct TypeFacts {
    var forcing: [String]
    var naming: Naming
  }

  static let terraform: [String: TypeFacts] = [
    "aws_ecs_cluster": TypeFacts(forcing: ["name"], naming: .name("name", scope: nil)),
    "aws_cloudwatch_log_group": TypeFacts(
      forcing: ["name", "name_prefix"], naming: .name("name", scope: nil)),
    "aws_iam_role": TypeFacts(
      forcing: ["name", "name_prefix", "path"], naming: .name("name", scope: nil)),
    "aws_iam_role_policy": TypeFacts(
      forcing: ["name", "role"], naming: .name("name", scope: "role")),
    "aws_iam_role_policy_attachment": TypeFacts(forcing: ["role", "policy_arn"], naming: .none),
    "aws_ecr_repository": TypeFacts(
      forcing: ["name", "encryption_configuration"], naming: .name("name", scope: nil)),
    "aws_ecr_lifecycle_policy": TypeFacts(forcing: ["repository"], naming: .none),
    "aws_ecs_task_definition": TypeFacts(
      forcing: [
        "family", "container_definitions", "cpu", "memory", "execution_role_arn",
        "task_role_arn", "network_mode", "requires_compatibilities", "runtime_platform",
        "ephemeral_storage",
      ], naming: .revision),
    "aws_security_group": TypeFacts(
      forcing: ["name", "name_prefix", "description", "vpc_id"],
      naming: .name("name", scope: nil)),
    "aws_lb": TypeFacts(
      forcing: ["name", "name_prefix", "internal", "load_balancer_type"],
      naming: .name("name", scope: nil)),
    "aws_lb_target_group": TypeFacts(
      forcing: [
        "name", "name_prefix", "port", "protocol", "protocol_version", "target_type", "vpc_id",
      ], naming: .name("name", scope: nil)),
    "aws_lb_listener": TypeFacts(forcing: ["load_balancer_arn"], naming: .none),
    // Service names are unique per cluster.
    "aws_ecs_service": TypeFacts(
      forcing: [
        "name", "cluster", "launch_type", "scheduling_strategy", "deployment_controller",
        "iam_role",
      ], naming: .name("name", scope: "cluster")),
    "aws_appautoscaling_target": TypeFacts(
      forcing: ["resource_id", "scalable_dimension", "service_namespace"], naming: .none),
    // Policy names are unique per scalable target.
    "aws_appautoscaling_policy": TypeFacts(
      forcing: ["name", "resource_id", "scalable_dimension", "service_namespace"],
      naming: .name("name", scope: "resource_id")),
  ]

  /// CloudFormation replaces a custom-named resource only under a new name, whatever the scope
  /// of the name, so no scope appears here.
  static let cloudFormation: [String: TypeFacts] = [
    "AWS::ECS::Cluster": TypeFacts(
      forcing: ["ClusterName"], naming: .name("ClusterName", scope: nil)),
    "AWS::Logs::LogGroup": TypeFacts(
      forcing: ["LogGroupName"], naming: .name("LogGroupName", scope: nil)),
    "AWS::IAM::Role": TypeFacts(
      forcing: ["RoleName", "Path"], naming: .name("RoleName", scope: nil)),
    "AWS::ECR::Repository": TypeFacts(
      forcing: ["RepositoryName", "EncryptionConfiguration"],
      naming: .name("RepositoryName", scope: nil)),
    "AWS::ECS::TaskDefinition": TypeFacts(
      forcing: [
        "Family", "ContainerDefinitions", "Cpu", "Memory", "ExecutionRoleArn", "TaskRoleArn",
        "NetworkMode", "RequiresCompatibilities", "RuntimePlatform", "EphemeralStorage",
      ], naming: .revision),
    "AWS::EC2::SecurityGroup": TypeFacts(
      forcing: ["GroupName", "GroupDescription", "VpcId"], naming: .name("GroupName", scope: nil)),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": TypeFacts(
      forcing: ["Name", "Scheme", "Type"], naming: .name("Name", scope: nil)),
    "AWS::ElasticLoadBalancingV2::TargetGroup": TypeFacts(
      forcing: ["Name", "Port", "Protocol", "ProtocolVersion", "TargetType", "VpcId"],
      naming: .name("Name", scope: nil)),
    "AWS::ElasticLoadBalancingV2::Listener": TypeFacts(
      forcing: ["LoadBalancerArn"], naming: .none),
    "AWS::ECS::Service": TypeFacts(
      forcing: [
        "ServiceName", "Cluster", "LaunchType", "SchedulingStrategy", "DeploymentController",
        "Role",
      ], naming: .name("ServiceName", scope: nil)),
    "AWS::ApplicationAutoScaling::ScalableTarget": TypeFacts(
      forcing: ["ResourceId", "ScalableDimension", "ServiceNamespace"], naming: .none),
    "AWS::ApplicationAutoScaling::ScalingPolicy": TypeFacts(
      forcing: [
        "PolicyName", "ScalingTargetId", "ResourceId", "ScalableDimension", "ServiceNamespace",
      ], naming: .name("PolicyName", scope: nil)),
  ]
}

/// The resources of a rendered Terraform configuration by address (`aws_lb.this`).
struct TerraformResources {
  let resources: [String: BlockReader]

  init(_ documents: [(path: String, document: HCLDocument)]) {
    var resources: [String: BlockReader] = [:]
    for block in documents.flatMap(\.document.blocks)
    where block.type == "resource" && block.labels.count == 2 {
      resources[block.labels.joined(separator: ".")] = BlockReader(block)
    }
    self.resources = resources
  }

  /// The attribute or nested block at `path`, as a comparable description, or nil when absent.
  static func value(_ resource: BlockReader, _ name: String) -> String? {
    if let expression = resource.value(name) { return String(describing: expression) }
    if let nested = resource.block(name) { return String(describing: nested.block) }
    return nil
  }

  /// Resource addresses an attribute (or nested block) refers to.
  static func references(_ resource: BlockReader, _ name: String) -> Set<String> {
    var found = Set<String>()
    func visit(_ expression: HCLExpression) {
      switch expression {
      case .reference(let text):
        let parts = text.split(separator: ".")
        if parts.count >= 2, parts[0].hasPrefix("aws_") {
          found.insert("\(parts[0]).\(parts[1])")
        }
      case .template(let parts):
        for case .interpolation(let inner) in parts { visit(inner) }
      case .call(_, let arguments): arguments.forEach(visit)
      case .list(let items): items.forEach(visit)
      case .object(let items): items.forEach { visit($0.value) }
      default: break
      }
    }
    func visitBlock(_ block: HCLBlock) {
      for item in block.body {
        switch item {
        case .attribute(_, let expression): visit(expression)
        case .block(let nested): visitBlock(nested)
        case .blankLine, .comment: break
        }
      }
    }
    if let expression = resource.value(name) { visit(expression) }
    if let nested = resource.block(name) { visitBlock(nested.block) }
    return found
  }
}

/// The resources of a rendered template by logical id.
struct CloudFormationResources {
  let resources: [String: [String: Any]]

  init(json: String) throws {
    resources = try CloudFormationFacts(json: json).resources
  }

  func type(_ id: String) -> String? { resources[id]?["Type"] as? String }

  func property(_ id: String, _ name: String) -> Any? {
    (resources[id]?["Properties"] as? [String: Any])?[name]
  }

  /// A property as canonical JSON, so that two values compare equal exactly when they are.
  func canonical(_ id: String, _ name: String) -> String? {
    guard let value = property(id, name) else { return nil }
    guard JSONSerialization.isValidJSONObject([value]),
      let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
    else { return String(describing: value) }
    return String(decoding: data, as: UTF8.self)
  }

  /// Logical ids a property refers to through `Ref`, `Fn::GetAtt` or `Fn::Sub`.
  func references(_ id: String, _ name: String) -> Set<String> {
    var found = Set<String>()
    func visit(_ value: Any) {
      if let object = value as? [String: Any] {
        if let target = object["Ref"] as? String { found.insert(target) }
        if let target = (object["Fn::GetAtt"] as? [Any])?.first as? String { found.insert(target) }
        if let text = object["Fn::Sub"] as? String {
          for match in text.matches(of: /\$\{([A-Za-z0-9]+)[.}]/) { found.insert(String(match.1)) }
        }
        object.values.forEach(visit)
      } else if let array = value as? [Any] {
        array.forEach(visit)
      }
    }
    if let value = property(id, name) { visit(value) }
    return found.filter { resources[$0] != nil }
  }
}
