import ECSGenPlan
import ECSGenRendering
import ECSGenSpec
import ECSGenTerraform
import ECSGenTestSupport
import Foundation
import Testing

/// The bootstrap of each environment: its roles trust only that environment's jobs and may touch
/// only that environment's resources, so that dev's role cannot change prod in a shared account.
@Suite struct EnvironmentBootstrapTests {
  /// The spec with three environments, relative to the package (the one place to change when it
  /// moves to `specs/`).
  static let fixture = "specs/environments.yaml"

  static func loaded(_ text: String? = nil) throws -> LoadedSpec {
    let text =
      try text ?? String(contentsOfFile: GoldenFile.packageRoot + "/" + fixture, encoding: .utf8)
    return ServiceSpecLoader.load(text: text, file: fixture)
  }

  static func bootstraps() throws -> [(environment: String, bootstrap: BootstrapPlan)] {
    try DeploymentPlanner().plans(loaded()).map { ($0.environment?.name ?? "", $0.bootstrap) }
  }

  /// The fixture's service name (tests derive every expected name from it).
  static func service() throws -> String {
    try #require(DeploymentPlanner().plans(loaded()).first).service.name
  }

  @Test func eachRoleTrustsOnlyItsEnvironmentsSubject() throws {
    let bootstraps = try Self.bootstraps()
    let service = try Self.service()
    #expect(bootstraps.map(\.environment) == ["dev", "staging", "prod"])
    for (environment, bootstrap) in bootstraps {
      #expect(bootstrap.deployRole.subjectSuffixes == ["environment:\(environment)"])
      // The review job sends `pull_request`, or `environment:ENV` when it runs in the GitHub
      // environment to read its variables; never another environment's subject.
      #expect(bootstrap.planRole.subjectSuffixes == ["pull_request", "environment:\(environment)"])
      #expect(bootstrap.planRole.name == "ecsgen-\(service)-\(environment)-plan")
      #expect(bootstrap.deployRole.name == "ecsgen-\(service)-\(environment)-deploy")
    }
  }

  /// The plan role shares its subject with the deploy job, so its policy is what keeps it
  /// read-only: no action that creates, changes or deletes anything outside a change set.
  @Test func thePlanRoleStaysReadOnly() throws {
    let writes = [
      "Create", "Delete", "Put", "Update", "Modify", "Register", "Tag", "Untag", "Pass",
    ]
    for (_, bootstrap) in try Self.bootstraps() {
      let actions = bootstrap.planRole.statements.flatMap(\.actions)
      let written = actions.filter { action in
        let verb = action.split(separator: ":").last.map(String.init) ?? action
        return writes.contains { verb.hasPrefix($0) } && !verb.hasSuffix("ChangeSet")
      }
      #expect(written.isEmpty, "\(written)")
    }
  }

  /// Every named resource of an environment's policies is that environment's; no ARN names
  /// another environment's resources.
  @Test func policiesNameOnlyTheirEnvironmentsResources() throws {
    let bootstraps = try Self.bootstraps()
    let service = try Self.service()
    for (environment, bootstrap) in bootstraps {
      let others = bootstraps.map(\.environment).filter { $0 != environment }
      let resources = (bootstrap.deployRole.statements + bootstrap.planRole.statements)
        .flatMap(\.resources).compactMap(Self.text)
      #expect(resources.contains("cluster/\(service)-\(environment)"))
      #expect(resources.contains("log-group:/ecs/\(service)-\(environment)"))
      #expect(resources.contains("role/\(service)-\(environment)-task"))
      #expect(resources.contains("repository/\(service)-\(environment)"))
      #expect(resources.contains("loadbalancer/app/\(service)-\(environment)-alb-*/*"))
      for resource in resources where resource.contains("\(service)") {
        #expect(
          resource.contains("\(service)-\(environment)")
            || resource.contains("ecsgen/\(service)/\(environment)/"), "\(resource)")
        for other in others {
          #expect(!resource.contains("\(service)-\(other)"), "\(resource)")
          #expect(!resource.contains("\(service)/\(other)/"), "\(resource)")
        }
      }
    }
  }

  /// Statements that scope by tag require both `Service = NAME` and `Environment = ENV`.
  @Test func tagConditionsRequireServiceAndEnvironment() throws {
    let service = try Self.service()
    for (environment, bootstrap) in try Self.bootstraps() {
      let tagged = bootstrap.deployRole.statements.filter { statement in
        statement.conditions.contains { $0.variable.contains("Tag/Service") }
      }
      #expect(Set(tagged.map(\.sid)) == ["CreateSecurityGroups", "ChangeSecurityGroups"])
      for statement in tagged {
        let byVariable = Dictionary(
          statement.conditions.map { ($0.variable, $0.values) }, uniquingKeysWith: { $1 })
        let prefix = statement.sid == "CreateSecurityGroups" ? "aws:RequestTag" : "aws:ResourceTag"
        #expect(byVariable["\(prefix)/Service"] == [.literal(service)])
        #expect(byVariable["\(prefix)/Environment"] == [.literal(environment)])
      }
    }
  }

  /// One bucket per account and region is shared; each environment reads and writes only the
  /// objects under its own prefix `ecsgen/NAME/ENV/`.
  @Test func stateObjectsAreUnderTheEnvironmentsPrefix() throws {
    let service = try Self.service()
    for (environment, bootstrap) in try Self.bootstraps() {
      let bucket = try #require(bootstrap.stateBucket)
      #expect(bucket.bucket == .variable("state_bucket"))
      #expect(bucket.stateKey == "ecsgen/\(service)/\(environment)/terraform.tfstate")
      let objects = (bootstrap.deployRole.statements + bootstrap.planRole.statements)
        .flatMap(\.resources).compactMap { resource -> String? in
          if case .stateObject(let key) = resource { return key }
          return nil
        }
      #expect(!objects.isEmpty)
      #expect(objects.allSatisfy { $0.hasPrefix("ecsgen/\(service)/\(environment)/") })
    }
  }

  /// The rendered trust policy spells exactly these subjects, and the header names the
  /// environment.
  @Test func theRenderedBootstrapNamesTheEnvironment() throws {
    let plans = try DeploymentPlanner().plans(Self.loaded())
    let prod = try #require(plans.last)
    let service = prod.service.name
    let files = BootstrapRenderer().render(prod)
    let main = try #require(files.first { $0.path == "bootstrap/main.tf" }).contents
    #expect(main.contains("\"${prefix}:environment:prod\"]"))
    #expect(main.contains("[\"pull_request\", \"environment:prod\"]"))
    #expect(main.contains("variable = \"aws:ResourceTag/Environment\""))
    #expect(!main.contains("environment:dev") && !main.contains("\(service)-dev"))
    let versions = try #require(files.first { $0.path == "bootstrap/versions.tf" }).contents
    #expect(versions.contains("This is the bootstrap of environment prod only"))
  }

  /// A deploy role two environments share would be created by both bootstraps and serve both.
  @Test func aSharedDeployRoleIsAnError() throws {
    let text = try String(
      contentsOfFile: GoldenFile.packageRoot + "/" + Self.fixture, encoding: .utf8)
    let plans = try DeploymentPlanner().plans(Self.loaded())
    guard plans.count == 3, case .arn(let dev) = plans[0].ci.role,
      case .arn(let staging) = plans[1].ci.role, case .arn(let prod) = plans[2].ci.role
    else {
      Issue.record("the fixture names a role per environment")
      return
    }
    #expect(Set([dev, staging, prod]).count == 3)
    // Staging names dev's role; prod's (in another account) stays its own.
    let loaded = try Self.loaded(text.replacingOccurrences(of: staging, with: dev))
    let errors = loaded.diagnostics.filter { $0.rule == "environment-shared-name" }
    #expect(errors.count == 1, "\(loaded.diagnostics)")
    let message = try #require(errors.first?.message)
    #expect(message.contains("`ci.role_arn`"))
    #expect(message.contains("dev and staging"))
    #expect(!message.contains("prod"))
  }

  @Test func aSharedGitHubEnvironmentIsAnError() throws {
    let text = try String(
      contentsOfFile: GoldenFile.packageRoot + "/" + Self.fixture, encoding: .utf8)
    let shared = text.replacingOccurrences(of: "\nci:\n", with: "\nci:\n  environment: shared\n")
    let loaded = try Self.loaded(shared)
    let errors = loaded.diagnostics.filter { $0.rule == "environment-shared-name" }
    #expect(errors.count == 1, "\(loaded.diagnostics)")
    #expect(errors.first?.message.contains("`ci.environment`") == true)
  }

  /// What follows the account in an ARN, to compare names.
  static func text(_ resource: BootstrapResource) -> String? {
    switch resource {
    case .arn(_, _, let name), .accountless(_, let name): name
    case .literal(let arn): arn
    case .stateObject(let key): key
    case .any, .stateBucket: nil
    }
  }
}

/// Found by review: with environments, the deploy role's variable belongs to the GitHub
/// environment, so the bootstrap's outputs say so instead of "repository variable".
@Suite struct EnvironmentBootstrapOutputTests {
  @Test func theDeployRoleVariableIsAnEnvironmentVariable() throws {
    let text = try String(
      contentsOfFile: GoldenFile.packageRoot + "/" + EnvironmentBootstrapTests.fixture,
      encoding: .utf8
    )
    // Without `ci.role_arn` anywhere, every deploy job reads ECSGEN_DEPLOY_ROLE_ARN.
    let withoutRoles = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("role_arn:") }.joined(separator: "\n")
    let plans = try DeploymentPlanner().plans(try EnvironmentBootstrapTests.loaded(withoutRoles))
    let prod = try #require(plans.last)
    let outputs = try #require(
      BootstrapRenderer().render(prod).first { $0.path.hasSuffix("outputs.tf") }?.contents)
    let environmentBlock = try #require(
      outputs.range(of: "output \"environment_variables\"").map { outputs[$0.lowerBound...] })
    #expect(environmentBlock.contains("GitHub environment prod"))
    #expect(environmentBlock.contains("ECSGEN_DEPLOY_ROLE_ARN = aws_iam_role.deploy.arn"))
    let repositoryBlock = try #require(
      outputs.range(of: "output \"repository_variables\"").map {
        outputs[$0.lowerBound..<environmentBlock.startIndex]
      })
    #expect(!repositoryBlock.contains("ECSGEN_DEPLOY_ROLE_ARN"))
  }
}
