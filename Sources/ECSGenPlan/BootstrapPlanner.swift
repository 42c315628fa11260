import ECSGenSpec

/// Resolves the bootstrap of one service from its `DeploymentPlan`: which roles, which subjects
/// they trust, what they may do, and where state lives.
struct BootstrapPlanner {
  let plan: DeploymentPlan
  let names: ResourceNames

  func bootstrap() -> BootstrapPlan {
    let stateBucket = stateBucketPlan()
    let deployRoleVariable: String?
    // A spec that names its deploy role (`ci.role_arn`) gets exactly that role from the
    // bootstrap, so the workflow assumes the role whose trust and permissions are rendered here.
    var deployRoleName = (name: names.deployRole, path: "/")
    switch plan.ci.role {
    case .arn(let arn):
      deployRoleVariable = nil
      if let named = Self.roleNameAndPath(arn) { deployRoleName = named }
    case .repositoryVariable(let name): deployRoleVariable = name
    }
    return BootstrapPlan(
      repository: GitHubRepositoryInputs(
        repositoryVariable: "github_repository", idsVariable: "github_repository_ids"),
      oidcProvider: OIDCProviderPlan(
        url: "https://token.actions.githubusercontent.com",
        host: "token.actions.githubusercontent.com", audience: "sts.amazonaws.com",
        createVariable: "create_github_oidc_provider"),
      deployRole: CIRolePlan(
        name: deployRoleName.name, path: deployRoleName.path,
        description: "Deploys \(described) from GitHub Actions (ecsgen deploy job).",
        subjectSuffixes: [deploySubject], repositoryVariable: deployRoleVariable,
        statements: deployStatements(stateBucket)),
      planRole: CIRolePlan(
        name: names.planRole,
        description: "Read-only: plans \(described) in pull requests (ecsgen review job).",
        subjectSuffixes: reviewSubjects, repositoryVariable: plan.ci.planRoleVariable,
        statements: reviewStatements(stateBucket)),
      stateBucket: stateBucket)
  }

  /// The name and path of the role in an IAM role ARN (`arn:aws:iam::ACCOUNT:role/PATH/NAME`);
  /// nil when the ARN has no role part (validation refuses such ARNs first).
  static func roleNameAndPath(_ arn: String) -> (name: String, path: String)? {
    guard let range = arn.range(of: ":role/") else { return nil }
    let parts = arn[range.upperBound...].split(separator: "/").map(String.init)
    guard let name = parts.last else { return nil }
    let path = parts.dropLast().isEmpty ? "/" : "/" + parts.dropLast().joined(separator: "/") + "/"
    return (name, path)
  }

  /// GitHub's `sub` claim names the environment when the job has one, and the branch only when
  /// it has none; the review job runs on `pull_request` (see GitHub's OIDC reference).
  private var deploySubject: String {
    plan.ci.environment.map { "environment:\($0)" } ?? "ref:refs/heads/\(plan.ci.branch)"
  }

  /// The subjects of the review job. It is triggered by `pull_request`, which GitHub puts in the
  /// subject only when the job names no environment. With environments each environment has its
  /// own plan role, whose ARN lives in that GitHub environment's variables, so a review job may
  /// run in the environment to read them and then sends `environment:ENV`, the deploy job's
  /// subject: AWS checks no other claim (GitHub's AWS guide: no custom claims), so trust cannot
  /// tell the two jobs apart. The plan role accepts both; it stays read-only through its policy,
  /// not its trust, and the deploy job gains nothing by assuming it. The deploy role still trusts
  /// only `environment:ENV`; what keeps pull requests away from it is the GitHub environment's
  /// deployment branch rule (README, first-time setup).
  private var reviewSubjects: [String] {
    guard plan.environment != nil, let environment = plan.ci.environment else {
      return ["pull_request"]
    }
    return ["pull_request", "environment:\(environment)"]
  }

  /// The service, and its environment when the spec has environments (role descriptions).
  private var described: String {
    plan.environment.map { "\(plan.service.name) (\($0.name))" } ?? plan.service.name
  }

  /// The tag conditions that scope resources by tag: this service's `Service` tag, and with
  /// environments also its `Environment` tag, so that in an account shared by two environments
  /// one environment's role cannot change the other's resources (both carry `Service = NAME`).
  func tagConditions(_ prefix: String) -> [BootstrapCondition] {
    var conditions = [
      BootstrapCondition(
        test: "StringEquals", variable: "\(prefix)/\(SpecDefaults.Tags.serviceKey)",
        values: [.literal(plan.service.name)])
    ]
    if let environment = plan.environment {
      conditions.append(
        BootstrapCondition(
          test: "StringEquals", variable: "\(prefix)/\(SpecDefaults.Tags.environmentKey)",
          values: [.literal(environment.name)]))
    }
    return conditions
  }

  /// The tags `tagConditions` require, for the statements' comments.
  var taggedBy: String { plan.environment == nil ? "Service tag" : "Service and Environment tags" }

  private func stateBucketPlan() -> StateBucketPlan? {
    let keepVersionsDays = 90
    switch plan.terraform.state {
    case .local:
      return nil
    case .specified(let backend):
      return StateBucketPlan(
        bucket: .fixed(backend.bucket),
        region: plan.region == .fixed(backend.region) ? nil : backend.region,
        createVariable: "create_state_bucket",
        stateKey: backend.key, lockKey: backend.useLockfile ? backend.key + ".tflock" : nil,
        dynamoDBTable: backend.dynamoDBTable, noncurrentVersionDays: keepVersionsDays,
        bucketRepositoryVariable: nil, regionRepositoryVariable: nil)
    case .partialS3(let partial):
      return StateBucketPlan(
        bucket: .variable("state_bucket"), region: nil, createVariable: "create_state_bucket",
        stateKey: partial.key, lockKey: partial.useLockfile ? partial.key + ".tflock" : nil,
        dynamoDBTable: nil, noncurrentVersionDays: keepVersionsDays,
        bucketRepositoryVariable: partial.bucketVariable,
        regionRepositoryVariable: partial.regionVariable)
    }
  }

  /// Shorthands for ARNs in this account.
  func regional(_ service: String, _ resource: String) -> BootstrapResource {
    .arn(service: service, regional: true, resource: resource)
  }

  func global(_ service: String, _ resource: String) -> BootstrapResource {
    .arn(service: service, regional: false, resource: resource)
  }

  /// The created roles by ARN, and the existing ones as the spec names them.
  var serviceRoles: [BootstrapResource] {
    [plan.roles.task, plan.roles.execution].map { role in
      switch role {
      case .existing(let arn): .literal(arn)
      case .create(let created): global("iam", "role/\(created.name)")
      }
    }
  }

  var createdRoles: [BootstrapResource] {
    [plan.roles.task, plan.roles.execution].compactMap(\.created).map {
      global("iam", "role/\($0.name)")
    }
  }

  var repositoryName: String? {
    if case .built(let image) = plan.image { return image.repositoryName }
    return nil
  }

  var usesTerraform: Bool { plan.ci.deployWith == DeployTool.terraform.rawValue }

  /// Reading this service's state: the review job plans with `-lock=false`, so it needs no lock.
  func readState(_ bucket: StateBucketPlan?) -> [BootstrapStatement] {
    guard let bucket, usesTerraform else { return [] }
    return [
      BootstrapStatement(
        sid: "ListStateBucket", actions: ["s3:ListBucket"], resources: [.stateBucket]),
      BootstrapStatement(
        sid: "ReadState", actions: ["s3:GetObject"],
        resources: [.stateObject(key: bucket.stateKey)]),
    ]
  }
}
