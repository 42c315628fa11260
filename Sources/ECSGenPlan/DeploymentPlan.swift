/// Stage 3 of the pipeline: everything the renderers need to write one service's infrastructure,
/// with every default applied and every name computed.
///
/// Renderers translate this value into Terraform, CloudFormation or a workflow; they never choose a
/// default, a name or a rule themselves. Two renderers given the same plan therefore describe the
/// same deployment.
public struct DeploymentPlan: Sendable, Equatable, Codable {
  /// The spec file the plan was resolved from, as given on the command line (for headers).
  public var specFile: String
  public var service: ServiceIdentity
  public var region: Configurable<String>
  public var cluster: ClusterPlan
  public var image: ImagePlan
  public var task: TaskPlan
  public var roles: RolesPlan
  public var network: NetworkPlan
  /// The tasks' security group, which every kind has.
  public var tasksSecurityGroup: SecurityGroupPlan
  /// What the service does, with the parts only its kind has: the load balancer and service of a
  /// `web`, the queue of a `worker`, the trigger and state machine of a `job`.
  public var workload: Workload
  public var logs: LogPlan
  /// The spec's tags plus `ManagedBy` and `Service` (and `Environment` with environments), sorted
  /// by key.
  public var tags: [Tag]
  public var terraform: TerraformSettings
  public var ci: CIPlan
  /// The values the spec left open, in a stable order: Terraform variables, CloudFormation
  /// parameters.
  public var inputs: [PlanInput]
  /// The environment this plan deploys, for a spec with `environments:`; nil otherwise.
  public var environment: EnvironmentPlan? = nil
  /// FARGATE and FARGATE_SPOT on the created cluster, for a service on Fargate Spot; nil otherwise.
  public var clusterCapacityProviders: ClusterCapacityProvidersPlan? = nil
}

/// Who the service is.
public struct ServiceIdentity: Sendable, Equatable, Codable {
  public var name: String
  public var description: String?
}

/// A value that is either fixed by the spec or left open as an input of the generated
/// infrastructure.
public enum Configurable<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
  case fixed(Value)
  case input(PlanInput)
}

/// A value the generated infrastructure asks for when it is applied.
public struct PlanInput: Sendable, Equatable, Codable, Hashable {
  /// What the input holds, which decides its type and its validation.
  public enum Kind: String, Sendable, Equatable, Codable, Hashable {
    case region
    case vpcID
    case subnetIDs
    case imageTag
  }

  /// The input's name in snake_case (`vpc_id`); renderers only change its case.
  public var name: String
  public var kind: Kind
  public var description: String
  /// For lists: the fewest items that can work (a load balancer needs two subnets).
  public var minimumCount: Int

  public init(name: String, kind: Kind, description: String, minimumCount: Int = 0) {
    self.name = name
    self.kind = kind
    self.description = description
    self.minimumCount = minimumCount
  }
}

extension PlanInput {
  /// The input's name in PascalCase (`VpcId`), as CloudFormation parameters are named.
  public var pascalCaseName: String {
    name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// The repository variable a deploy workflow reads the input from (`VPC_ID`).
  public var repositoryVariable: String { name.uppercased() }
}

/// One resource tag.
public struct Tag: Sendable, Equatable, Codable, Hashable {
  public var key: String
  public var value: String
}
