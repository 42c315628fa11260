import ECSGenSpec

/// Resolves `roles` into the two roles of the task, adding what ECS itself needs: the execution
/// role gets the ECS execution policy and read access to exactly the listed secrets.
struct RolesPlanner {
  let names: ResourceNames

  static let trustedService = "ecs-tasks.amazonaws.com"
  static let executionPolicy = ManagedPolicy.awsManaged(
    "service-role/AmazonECSTaskExecutionRolePolicy")

  /// `taskStatements`: what the kind needs the application to do (a worker's queue access).
  func plan(_ spec: ServiceSpec, secrets: [SecretPlan], taskStatements: [PolicyStatement] = [])
    -> RolesPlan
  {
    RolesPlan(
      task: role(
        spec.roles?.task, name: names.taskRole,
        description: "Role the \(names.service) application runs as", required: [],
        requiredStatements: taskStatements),
      execution: role(
        spec.roles?.execution, name: names.executionRole,
        description: "Role ECS uses to start \(names.service) tasks",
        required: [Self.executionPolicy], requiredStatements: secretStatements(secrets)))
  }

  private func role(
    _ spec: RoleSpec?, name: String, description: String, required: [ManagedPolicy],
    requiredStatements: [PolicyStatement]
  ) -> RolePlan {
    if let arn = spec?.arn?.value { return .existing(arn: arn) }
    let userPolicies = (spec?.managedPolicies ?? []).map { ManagedPolicy.arn($0.value) }
    let userStatements = (spec?.statements ?? []).map { statement in
      PolicyStatement(
        sid: "",
        effect: (statement.effect?.value ?? .allow).rawValue,
        actions: statement.actions.map(\.value),
        resources: statement.resources.map { .literal($0.value) })
    }
    return .create(
      CreatedRolePlan(
        name: name, description: description, trustedService: Self.trustedService,
        confusedDeputyGuard: true, managedPolicies: required + userPolicies,
        statements: requiredStatements + userStatements))
  }

  /// One statement per secret store, each listing exactly the secrets the task reads.
  private func secretStatements(_ secrets: [SecretPlan]) -> [PolicyStatement] {
    var parameters: [PolicyResource] = []
    var secretARNs: [PolicyResource] = []
    for secret in secrets {
      switch secret.source {
      case .ssmParameterPath(let path): parameters.append(.ssmParameter(path: path))
      case .ssmParameterARN(let arn): parameters.append(.literal(arn))
      case .secretsManagerARN(let arn): secretARNs.append(.literal(arn))
      }
    }
    var statements: [PolicyStatement] = []
    if !parameters.isEmpty {
      statements.append(
        PolicyStatement(
          sid: "ReadSSMParameters", effect: "Allow", actions: ["ssm:GetParameters"],
          resources: parameters.uniqued()))
    }
    if !secretARNs.isEmpty {
      statements.append(
        PolicyStatement(
          sid: "ReadSecrets", effect: "Allow", actions: ["secretsmanager:GetSecretValue"],
          resources: secretARNs.uniqued()))
    }
    return statements
  }
}

extension Array where Element: Hashable {
  /// The elements in their order, without repeats.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
