import ECSGenPlan
import ECSGenSpec
import Testing

/// The bootstrap's roles trust exactly the OIDC subject their job sends, and may touch only this
/// service's resources.
@Suite struct BootstrapPlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let service = "name: hello\nimage: nginx:1.27\nport: 80\n"

  /// The deploy job has `environment:`, so GitHub sends `environment:NAME`, not the branch (what
  /// the README used to say).
  @Test func deployRoleWithEnvironmentTrustsTheEnvironmentSubject() throws {
    let bootstrap = try plan(service + "ci:\n  environment: production\n  branch: main\n")
      .bootstrap
    #expect(bootstrap.deployRole.subjectSuffixes == ["environment:production"])
    #expect(bootstrap.planRole.subjectSuffixes == ["pull_request"])
  }

  @Test func deployRoleWithoutEnvironmentTrustsTheBranch() throws {
    let bootstrap = try plan(service + "ci:\n  branch: release\n").bootstrap
    #expect(bootstrap.deployRole.subjectSuffixes == ["ref:refs/heads/release"])
    #expect(bootstrap.planRole.subjectSuffixes == ["pull_request"])
  }

  @Test func namesAndRepositoryVariables() throws {
    let bootstrap = try plan(service).bootstrap
    #expect(bootstrap.deployRole.name == "ecsgen-hello-deploy")
    #expect(bootstrap.planRole.name == "ecsgen-hello-plan")
    #expect(bootstrap.deployRole.repositoryVariable == "ECSGEN_DEPLOY_ROLE_ARN")
    #expect(bootstrap.planRole.repositoryVariable == "ECSGEN_PLAN_ROLE_ARN")
    #expect(bootstrap.oidcProvider.audience == "sts.amazonaws.com")
    let named = try plan(service + "ci:\n  role_arn: arn:aws:iam::123456789012:role/deployer\n")
    #expect(named.bootstrap.deployRole.repositoryVariable == nil)
  }

  /// The workflow assumes `ci.role_arn`, so the bootstrap must create that very role (it used to
  /// create `ecsgen-NAME-deploy`, which nothing assumed).
  @Test func aNamedDeployRoleIsTheRoleTheBootstrapCreates() throws {
    let named = try plan(service + "ci:\n  role_arn: arn:aws:iam::123456789012:role/deployer\n")
    #expect(named.bootstrap.deployRole.name == "deployer")
    #expect(named.bootstrap.deployRole.path == "/")
    let nested = try plan(
      service + "ci:\n  role_arn: arn:aws:iam::123456789012:role/ci/github/deployer\n")
    #expect(nested.bootstrap.deployRole.name == "deployer")
    #expect(nested.bootstrap.deployRole.path == "/ci/github/")
    #expect(nested.bootstrap.planRole.name == "ecsgen-hello-plan")
  }

  /// PassRole only for the task and execution roles, and only to ECS tasks.
  @Test func passRoleIsLimitedToTheTaskRoles() throws {
    let statements = try plan(service).bootstrap.deployRole.statements
    let pass = try #require(statements.first { $0.actions.contains("iam:PassRole") })
    #expect(pass.actions == ["iam:PassRole"])
    #expect(
      pass.resources == [
        .arn(service: "iam", regional: false, resource: "role/hello-task"),
        .arn(service: "iam", regional: false, resource: "role/hello-execution"),
      ])
    #expect(
      pass.conditions == [
        BootstrapCondition(
          test: "StringEquals", variable: "iam:PassedToService",
          values: ["ecs-tasks.amazonaws.com"])
      ])
    #expect(statements.filter { $0.actions.contains("iam:PassRole") }.count == 1)
  }

  /// Every `*` resource comes with a comment saying why, and no statement allows every action.
  @Test func everyWildcardIsExplained() throws {
    let built =
      "name: hello\nimage:\n  build: .\nport: 80\nautoscaling:\n  min: 1\n  max: 2\n  cpu: 60\n"
    for text in [service, built] {
      let bootstrap = try plan(text).bootstrap
      for statement in bootstrap.deployRole.statements + bootstrap.planRole.statements {
        if statement.resources.contains(.any) {
          #expect(statement.comment != nil, "\(statement.sid)")
        }
        #expect(!statement.actions.contains { $0 == "*" || $0.hasSuffix(":*") }, "\(statement.sid)")
      }
    }
  }

  @Test func stateAccessFollowsTheBackend() throws {
    let partial = try plan(service).bootstrap
    let bucket = try #require(partial.stateBucket)
    #expect(bucket.bucket == .variable("state_bucket"))
    #expect(bucket.stateKey == "ecsgen/hello/terraform.tfstate")
    #expect(bucket.lockKey == "ecsgen/hello/terraform.tfstate.tflock")
    // The plan role reads the state; only the deploy role writes it and its lock.
    let planResources = partial.planRole.statements.flatMap(\.resources)
    #expect(planResources.contains(.stateObject(key: "ecsgen/hello/terraform.tfstate")))
    #expect(!planResources.contains(.stateObject(key: "ecsgen/hello/terraform.tfstate.tflock")))
    let write = try #require(partial.deployRole.statements.first { $0.sid == "LockState" })
    #expect(write.resources == [.stateObject(key: "ecsgen/hello/terraform.tfstate.tflock")])
    #expect(!partial.planRole.statements.flatMap(\.actions).contains("s3:PutObject"))

    let cloudFormation = try plan(
      service + "terraform:\n  backend: local\nci:\n  deploy_with: cloudformation\n"
    ).bootstrap
    #expect(cloudFormation.stateBucket == nil)
    #expect(
      !(cloudFormation.deployRole.statements + cloudFormation.planRole.statements).flatMap(
        \.actions
      )
      .contains { $0.hasPrefix("s3:") })
    #expect(
      cloudFormation.deployRole.statements.contains {
        $0.actions.contains("cloudformation:UpdateStack")
      })
  }

  /// Security group ids are generated: Terraform's groups are scoped by the Service tag they
  /// are created with and carry.
  @Test func securityGroupsAreScopedByTheServiceTag() throws {
    let statements = try plan(service).bootstrap.deployRole.statements
    let create = try #require(statements.first { $0.sid == "CreateSecurityGroups" })
    #expect(create.conditions.map(\.variable) == ["aws:RequestTag/Service"])
    #expect(create.conditions.first?.values == ["hello"])
    let change = try #require(statements.first { $0.sid == "ChangeSecurityGroups" })
    #expect(change.conditions.map(\.variable) == ["aws:ResourceTag/Service"])
    #expect(change.actions.contains("ec2:DeleteSecurityGroup"))
  }

  /// With `load_balancer.hosted_zone_id`, the deploy role may change only the service's record.
  @Test func aliasRecordIsLimitedToItsNameAndType() throws {
    let yaml =
      service
      + "load_balancer:\n  certificate_arn: arn:aws:acm:eu-west-2:123456789012:certificate/0f8e9c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b\n  domain: hello.example.com\n  hosted_zone_id: Z0123456789ABCDEFGHIJ\n"
    let statements = try plan(yaml).bootstrap.deployRole.statements
    let change = try #require(statements.first { $0.sid == "AliasRecord" })
    #expect(
      change.resources == [
        .accountless(service: "route53", resource: "hostedzone/Z0123456789ABCDEFGHIJ")
      ])
    #expect(change.conditions.flatMap(\.values) == ["hello.example.com", "A"])
    #expect(
      try plan(service).bootstrap.deployRole.statements.allSatisfy { $0.sid != "AliasRecord" })
  }
}
