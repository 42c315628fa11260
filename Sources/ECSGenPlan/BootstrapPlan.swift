/// The one-time setup a service's deploy workflow needs, rendered as its own Terraform
/// configuration (`ecsgen render --target bootstrap`): GitHub's OIDC provider (created once per
/// account, referenced everywhere else), the deploy role, the read-only plan role, and the state
/// bucket (created once per repository, referenced everywhere else).
///
/// Every name, subject and permission is decided here; the renderer only spells it.
public struct BootstrapPlan: Sendable, Equatable, Codable {
  /// The Terraform variables that say which repository's workflows may assume the roles.
  public var repository: GitHubRepositoryInputs
  public var oidcProvider: OIDCProviderPlan
  public var deployRole: CIRolePlan
  public var planRole: CIRolePlan
  /// Absent when Terraform state is local (only with `ci.deploy_with: cloudformation`).
  public var stateBucket: StateBucketPlan?
}

/// Where the GitHub repository comes from: a variable of the bootstrap configuration, `ORG/REPO`,
/// and optionally the numeric ids that repositories created after 15 July 2026 put in the `sub`
/// claim (`repo:ORG@ORG_ID/REPO@REPO_ID:...`).
public struct GitHubRepositoryInputs: Sendable, Equatable, Codable {
  public var repositoryVariable: String
  public var idsVariable: String
}

/// GitHub's OIDC identity provider in IAM: one per account, so the configuration references the
/// existing one unless asked to create it.
public struct OIDCProviderPlan: Sendable, Equatable, Codable {
  public var url: String
  /// The URL without its scheme: the prefix of the claim keys in trust conditions (`HOST:sub`).
  public var host: String
  /// The audience `aws-actions/configure-aws-credentials` asks for.
  public var audience: String
  /// The bool variable that makes this configuration create the provider.
  public var createVariable: String
}

/// A role a job of the workflow assumes through OIDC.
public struct CIRolePlan: Sendable, Equatable, Codable {
  public var name: String
  /// The IAM path (`/` unless the spec's `ci.role_arn` names a role under a path).
  public var path: String = "/"
  public var description: String
  /// What follows `repo:ORG/REPO:` in the `sub` claim of exactly the job that assumes the role
  /// (`environment:production`, `pull_request`, `ref:refs/heads/main`).
  public var subjectSuffixes: [String]
  /// The repository variable the workflow reads the role's ARN from; nil when the spec names
  /// the role itself (`ci.role_arn`).
  public var repositoryVariable: String?
  public var statements: [BootstrapStatement]
}

/// One statement of a role's inline policy.
public struct BootstrapStatement: Sendable, Equatable, Codable {
  public var sid: String
  /// Why the statement is as wide as it is, when it cannot be narrower (written above it).
  public var comment: String?
  public var actions: [String]
  public var resources: [BootstrapResource]
  public var conditions: [BootstrapCondition]

  public init(
    sid: String, comment: String? = nil, actions: [String], resources: [BootstrapResource],
    conditions: [BootstrapCondition] = []
  ) {
    self.sid = sid
    self.comment = comment
    self.actions = actions
    self.resources = resources
    self.conditions = conditions
  }
}

/// A resource of a policy statement; ARNs are completed with the partition, region and account
/// the configuration runs in.
public enum BootstrapResource: Sendable, Equatable, Codable {
  /// `*`: only for actions AWS does not scope to a resource (each statement says why).
  case any
  /// An ARN used as written (an existing role the spec names).
  case literal(String)
  /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` (no region when `regional` is false).
  case arn(service: String, regional: Bool, resource: String)
  /// `arn:PARTITION:SERVICE:::RESOURCE`, for services whose ARNs name neither region nor account
  /// (Route 53).
  case accountless(service: String, resource: String)
  /// The state bucket itself (for `s3:ListBucket`).
  case stateBucket
  /// An object in the state bucket.
  case stateObject(key: String)
}

public struct BootstrapCondition: Sendable, Equatable, Codable {
  public var test: String
  public var variable: String
  public var values: [BootstrapConditionValue]

  public init(test: String, variable: String, values: [BootstrapConditionValue]) {
    self.test = test
    self.variable = variable
    self.values = values
  }
}

public enum BootstrapConditionValue: Sendable, Equatable, Codable, ExpressibleByStringLiteral {
  case literal(String)
  /// An ARN, completed like a statement's resources.
  case resource(BootstrapResource)
  /// `SERVICE.REGION.amazonaws.com`, in the configuration's region (for `kms:ViaService`).
  case serviceEndpoint(String)

  public init(stringLiteral value: String) { self = .literal(value) }
}

/// A value fixed by the spec, or a variable of the bootstrap configuration.
public enum BootstrapValue: Sendable, Equatable, Codable {
  case fixed(String)
  case variable(String)
}

/// The bucket that holds every service's Terraform state: versioned, encrypted, private, reached
/// only over TLS. Shared by all services of a repository, so one configuration creates it and the
/// others reference it.
public struct StateBucketPlan: Sendable, Equatable, Codable {
  public var bucket: BootstrapValue
  /// The bucket's region when the spec names one that the service's region may not be (a spec
  /// backend in another region): the bucket is then created and read there. Nil: the region the
  /// configuration runs in.
  public var region: String?
  /// The bool variable that makes this configuration create the bucket.
  public var createVariable: String
  /// This service's state object.
  public var stateKey: String
  /// The S3 lock file Terraform writes beside the state (`KEY.tflock`), when it locks that way.
  public var lockKey: String?
  /// The DynamoDB lock table the spec names, when it locks that way.
  public var dynamoDBTable: String?
  /// Old versions of state are kept this long, to recover from a bad apply.
  public var noncurrentVersionDays: Int
  /// The repository variables the workflow reads the bucket and its region from (partial S3).
  public var bucketRepositoryVariable: String?
  public var regionRepositoryVariable: String?
}

extension DeploymentPlan {
  /// The bootstrap of this service, resolved from the rest of the plan (so it always agrees with
  /// the names, roles and state the other targets use).
  public var bootstrap: BootstrapPlan {
    BootstrapPlanner(plan: self, names: resourceNames).bootstrap()
  }
}
