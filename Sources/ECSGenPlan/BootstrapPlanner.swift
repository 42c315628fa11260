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
        description: "Deploys \(plan.service.name) from GitHub Actions (ecsgen deploy job).",
        subjectSuffixes: [deploySubject], repositoryVariable: deployRoleVariable,
        statements: deployStatements(stateBucket)),
      planRole: CIRolePlan(
        name: names.planRole,
        description: "Read-only: plans \(plan.service.name) in pull requests (ecsgen review job).",
        subjectSuffixes: ["pull_request"], repositoryVariable: plan.ci.planRoleVariable,
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
