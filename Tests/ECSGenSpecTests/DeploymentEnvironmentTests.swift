import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// A valid spec with three environments, in a fixed layout so that tests can name positions:
///
///      1  name: orders-api
///      2  image: public.ecr.aws/nginx/nginx:1.27
///      3  port: 8080
///      4  cpu: 256
///      5  memory: 512
///      6  count: 2
///      7  environment:
///      8    LOG_LEVEL: debug
///      9    FEATURE_X: "on"
///     10  load_balancer:
///     11    idle_timeout: 30s
///     12    certificate_arn: ...
///     13    domain: orders.example.com  (overridden per environment, a shared name otherwise)
///     14  ci:
///     15    branch: main  (a `role_arn` here would be every environment's: environment-shared-name)
///     16  environments:
///     17    dev:
///     18      load_balancer: {domain: dev.orders.example.com}
///     19    staging:
///     20      load_balancer: {domain: staging.orders.example.com}
///     21    prod:
///     22      load_balancer: {domain: orders.example.com}
///     23      EXTRA (each line indented under prod)
func environmentsSpec(prod extra: [String] = [], environments: String? = nil) -> String {
  var lines = [
    "name: orders-api", "image: public.ecr.aws/nginx/nginx:1.27", "port: 8080", "cpu: 256",
    "memory: 512", "count: 2", "environment:", "  LOG_LEVEL: debug", "  FEATURE_X: \"on\"",
    "load_balancer:", "  idle_timeout: 30s", "  certificate_arn: \(Fixtures.certificateARN)",
    "  domain: \(Fixtures.domain)", "ci:", "  branch: main",
  ]
  if let environments {
    lines.append(environments)
  } else {
    lines += [
      "environments:", "  dev:", "    load_balancer: {domain: dev.orders.example.com}",
      "  staging:", "    load_balancer: {domain: staging.orders.example.com}", "  prod:",
      "    load_balancer: {domain: orders.example.com}",
    ]
    lines += extra.map { "    " + $0 }
  }
  return lines.joined(separator: "\n") + "\n"
}

/// Diagnostics other than the `terraform-state` notes, which every environment of these specs has
/// (they name no backend) and which say the environment's own state key.
func findingsBesideState(_ loaded: LoadedSpec) -> [Diagnostic] {
  loaded.diagnostics.filter { !["terraform-state", "ci-role"].contains($0.rule) }
}

@Suite struct EnvironmentMergeTests {
  @Test func eachEnvironmentIsMergedInTheOrderWritten() throws {
    let loaded = load(environmentsSpec())
    #expect(findingsBesideState(loaded).isEmpty, "\(loaded.summary)")
    #expect(
      loaded.environments.map { $0.deploymentEnvironment?.name.value } == [
        "dev", "staging", "prod",
      ])
    #expect(loaded.environments.map { $0.deploymentEnvironment?.position } == [0, 1, 2])
    #expect(loaded.spec?.name?.value == "orders-api")
    #expect(loaded.spec?.deploymentEnvironment == nil)
  }

  @Test func aSpecWithoutEnvironmentsHasNone() {
    let loaded = load(baseSpec())
    #expect(loaded.environments.isEmpty)
    #expect(loaded.spec?.deploymentEnvironment == nil)
  }

  /// `environments:` with no value counts as not written, like every key.
  @Test func environmentsWithoutAValueIsAsIfAbsent() {
    let text = baseSpec("environments:")
    let loaded = load(text)
    #expect(loaded.environments.isEmpty)
    #expect(loaded.diagnostics == load(baseSpec()).diagnostics)
  }

  /// Mappings merge key by key: prod changes one load balancer key and keeps the others.
  @Test func mappingsMergeKeyByKey() throws {
    let text = environmentsSpec(
      environments: """
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
          prod:
            load_balancer: {idle_timeout: 90s}
            environment: {LOG_LEVEL: info, NEW: "1"}
        """)
    let merged = load(text)
    let prod = try #require(merged.environments.last)
    #expect(prod.loadBalancer?.idleTimeout?.value == 90)
    #expect(prod.loadBalancer?.idleTimeout?.location.line == 20)
    #expect(prod.loadBalancer?.certificateARN?.value == Fixtures.certificateARN)
    #expect(prod.loadBalancer?.certificateARN?.location.line == 12)
    #expect(prod.loadBalancer?.domain?.value == Fixtures.domain)
    let variables = (prod.environment ?? []).map { "\($0.key.value)=\($0.value.value)" }
    #expect(variables == ["LOG_LEVEL=info", "FEATURE_X=on", "NEW=1"])
    let dev = try #require(merged.environments.first)
    #expect(dev.loadBalancer?.idleTimeout?.value == 30)
    #expect(dev.loadBalancer?.idleTimeout?.location.line == 11)
  }

  /// Scalars and lists replace; null removes an inherited value.
  @Test func scalarsAndListsReplaceAndNullRemoves() throws {
    let text = environmentsSpec(
      environments: """
        command: ["serve", "--verbose"]
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
            command: ["serve"]
            count: ~
            environment: {FEATURE_X: ~}
          prod: {}
        """)
    let loaded = load(text)
    let dev = try #require(loaded.environments.first)
    #expect(dev.command?.value.map(\.value) == ["serve"])
    #expect(dev.count == nil)
    #expect((dev.environment ?? []).map(\.key.value) == ["LOG_LEVEL"])
    let prod = try #require(loaded.environments.last)
    #expect(prod.command?.value.map(\.value) == ["serve", "--verbose"])
    #expect(prod.count?.value == 2)
  }

  /// A value whose shape changes is replaced, not merged: an image reference by a build.
  @Test func aChangedShapeReplaces() throws {
    let text = environmentsSpec(
      environments: """
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
            image: {build: ., repository: orders-dev}
          prod: {}
        """)
    let loaded = load(text)
    let dev = try #require(loaded.environments.first)
    guard case .build(let build) = dev.image?.value else {
      Issue.record("dev's image should be a build: \(String(describing: dev.image))")
      return
    }
    #expect(build.repository?.value == "orders-dev")
    guard case .reference = loaded.environments.last?.image?.value else {
      Issue.record("prod keeps the base's image reference")
      return
    }
  }
}

@Suite struct EnvironmentDiagnosticTests {
  /// The issue's example: a value that is wrong only in prod, at the override line, named prod.
  @Test func aProblemOnlyOneEnvironmentHasNamesItAndPointsAtTheOverride() throws {
    let finding = try #require(
      expectFinding(
        "fargate-size", .error, at: 23, 13, in: environmentsSpec(prod: ["memory: 3072"])))
    #expect(finding.message.hasPrefix("in environment prod: memory 3072 MiB does not fit cpu 256"))
  }

  /// The base is wrong only for the environments that do not override it: the base line, named
  /// with those environments.
  @Test func anInheritedValueWrongForSomeEnvironmentsPointsAtTheBase() throws {
    let text = environmentsSpec(
      environments: """
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
            cpu: 1 vCPU
          staging:
            load_balancer: {domain: staging.orders.example.com}
          prod: {}
        """
    ).replacingOccurrences(of: "memory: 512", with: "memory: 3072")
    let finding = try #require(expectFinding("fargate-size", .error, at: 5, 9, in: text))
    #expect(finding.message.hasPrefix("in environments staging and prod: memory 3072 MiB"))
    // dev changes the cpu, which makes the inherited memory valid: nothing about dev.
    #expect(load(text).findings("fargate-size").count == 1)
  }

  /// A problem every environment inherits from the base is reported once, without a prefix.
  @Test func aProblemOfEveryEnvironmentIsReportedOnce() throws {
    let text = environmentsSpec().replacingOccurrences(of: "memory: 512", with: "memory: 3072")
    let loaded = load(text)
    let findings = loaded.findings("fargate-size")
    #expect(findings.count == 1, "\(loaded.summary)")
    #expect(findings.first?.location.line == 5)
    #expect(findings.first?.message.hasPrefix("memory 3072 MiB") == true)
  }

  @Test func anUnknownKeyInAnOverrideGetsADidYouMean() throws {
    let finding = try #require(
      expectFinding(
        "unknown-key", .error, at: 23, 5, in: environmentsSpec(prod: ["stop_timout: 10s"])))
    #expect(
      finding.message
        == "in environment prod: unknown key `stop_timout` at the top level of a spec; did you mean `stop_timeout`?"
    )
    let nested = try #require(
      expectFinding(
        "unknown-key", .error, at: 23, 18,
        in: environmentsSpec(prod: ["deployment: {rolback: false}"])))
    #expect(nested.message.contains("did you mean `rollback`?"))
  }

  @Test(arguments: ["name: other", "kind: web", "version: 1", "environments: {x: {}}"])
  func overridingAFixedKeyIsAnError(line: String) throws {
    let loaded = load(environmentsSpec(prod: [line]))
    let finding = try #require(loaded.findings("environment-override").first, "\(loaded.summary)")
    #expect(finding.location.line == 23)
    #expect(finding.location.column == 5)
    #expect(finding.message.hasPrefix("environment prod overrides `"))
    // Reported once, and the override is not applied.
    #expect(loaded.findings("environment-override").count == 1)
    #expect(loaded.environments.last?.name?.value == "orders-api")
  }

  @Test(arguments: ["Prod", "1st", "prod_eu", "-prod", "pr od", "\"\""])
  func aBadEnvironmentNameIsAnError(name: String) throws {
    let text = environmentsSpec(
      environments:
        "environments:\n  dev:\n    load_balancer: {domain: dev.orders.example.com}\n  \(name): {}")
    let loaded = load(text)
    let finding = try #require(loaded.findings("environment-name").first, "\(loaded.summary)")
    #expect(finding.location.line == 19)
    #expect(finding.message.contains("starts with a lowercase letter"))
  }

  @Test func environmentNamesHaveALengthLimit() throws {
    let long = String(repeating: "e", count: EnvironmentRules.maxNameLength + 1)
    let loaded = load(environmentsSpec(environments: "environments:\n  \(long): {}"))
    let finding = try #require(loaded.findings("environment-name").first, "\(loaded.summary)")
    #expect(finding.message.contains("at most 25"))
    #expect(EnvironmentRules.maxNameLength == 25)
    let fits = String(repeating: "e", count: EnvironmentRules.maxNameLength)
    #expect(
      load(environmentsSpec(environments: "environments:\n  \(fits): {}")).findings(
        "environment-name"
      ).isEmpty)
  }

  /// name + `-` + the longest environment must fit in 28: here 24 + 1 + 7 = 32.
  @Test func theNameBudgetDependsOnTheLongestEnvironment() throws {
    let name = "orders-api-with-long-nam"
    #expect(name.count == 24)
    let text = environmentsSpec().replacingOccurrences(
      of: "name: orders-api", with: "name: \(name)")
    let loaded = load(text)
    let findings = loaded.findings("invalid-name")
    #expect(findings.count == 1, "\(loaded.summary)")
    let finding = try #require(findings.first)
    #expect(finding.location.line == 1)
    #expect(finding.message.contains("this spec allows at most 20"))
    #expect(finding.message.contains("`\(name)-staging`"))
    // The same name is fine without environments, and with short ones.
    expectNoFinding("invalid-name", in: baseSpec(name: name))
    let short = environmentsSpec(
      environments:
        "environments:\n  dev:\n    load_balancer: {domain: dev.orders.example.com}\n  prd: {}"
    ).replacingOccurrences(of: "name: orders-api", with: "name: \(name)")
    expectNoFinding("invalid-name", in: short)
  }

  @Test func theEnvironmentTagIsReserved() throws {
    let text = environmentsSpec(prod: ["tags: {Environment: production}"])
    let finding = try #require(expectFinding("tag-key", .error, at: 23, 12, in: text))
    #expect(finding.message.contains("set by ecsgen"))
    expectNoFinding("tag-key", in: baseSpec("tags: {Environment: production}"))
  }

  /// One note for all environments, naming the key pattern and the environments.
  @Test func theStateNoteNamesTheKeyOfEachEnvironment() {
    let notes = load(environmentsSpec()).findings("terraform-state").map(\.message)
    #expect(notes.count == 1)
    #expect(
      notes.first?.contains(
        "`ecsgen/orders-api/ENV/terraform.tfstate` for each environment ENV (dev, staging, prod)")
        == true)
  }

  @Test func anEmptyEnvironmentsMappingIsAnError() {
    expectFinding(
      "environment-count", .error, at: 16, 15,
      in: environmentsSpec(environments: "environments: {}"))
  }

  @Test func tooManyEnvironmentsIsAnError() throws {
    let entries = (0...EnvironmentRules.maxCount).map {
      "  e\($0):\n    load_balancer: {domain: e\($0).example.com}"
    }
    let text = environmentsSpec(environments: "environments:\n" + entries.joined(separator: "\n"))
    let loaded = load(text)
    let finding = try #require(loaded.findings("environment-count").first, "\(loaded.summary)")
    #expect(finding.message.contains("at most \(EnvironmentRules.maxCount)"))
    #expect(loaded.environments.count == EnvironmentRules.maxCount)
  }

  @Test func environmentsMustBeAMapping() {
    expectFinding(
      "wrong-type", .error, at: 16, 15,
      in: environmentsSpec(environments: "environments: [dev, prod]"))
    expectFinding(
      "wrong-type", .error, at: 17, 8,
      in: environmentsSpec(environments: "environments:\n  dev: large"))
  }
}

/// Names the spec writes itself are used in every environment that inherits them.
@Suite struct SharedNameTests {
  @Test func anInheritedDomainIsShared() throws {
    let text = environmentsSpec(environments: "environments:\n  dev: {}\n  prod: {}")
    let finding = try #require(
      expectFinding("environment-shared-name", .error, at: 13, 11, in: text))
    #expect(finding.message.contains("in environments dev and prod"))
    // ecsgen derives no domain, so the fix cannot be to leave it out.
    #expect(finding.message.contains("ecsgen derives no domain"))
    #expect(!finding.message.contains("leave it out"))
  }

  @Test func anInheritedLogGroupIsSharedUnlessTheRegionsDiffer() throws {
    let spec = environmentsSpec(prod: ["logs: {group: /ecs/orders}"])
    expectNoFinding("environment-shared-name", in: spec)
    let shared = environmentsSpec(
      environments: """
        logs: {group: /ecs/orders}
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
          prod: {}
        """)
    expectFinding("environment-shared-name", .error, at: 16, 15, in: shared)
    let regions = environmentsSpec(
      environments: """
        logs: {group: /ecs/orders}
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
            region: eu-west-1
          prod:
            region: eu-west-2
        """)
    expectNoFinding("environment-shared-name", in: regions)
  }

  @Test func aSharedStateKeyIsAnError() {
    let text = environmentsSpec(
      environments: """
        terraform: {backend: {s3: {bucket: b, key: k.tfstate, region: eu-west-2, use_lockfile: true}}}
        environments:
          dev:
            load_balancer: {domain: dev.orders.example.com}
          prod: {}
        """)
    expectFinding("environment-shared-name", .error, at: 16, 44, in: text)
  }

  /// Each environment costs a whole validation: a large spec times many environments is refused
  /// like a document that expands too far, instead of taking 20 times as long.
  @Test func aLargeSpecTimesManyEnvironmentsIsRefused() throws {
    let variables = (0..<3000).map { "  VAR_\($0): value" }.joined(separator: "\n")
    let environments = (0..<20).map { "  e\($0): {}" }.joined(separator: "\n")
    let text = baseSpec("environment:\n\(variables)\nenvironments:\n\(environments)")
    let loaded = load(text)
    let finding = try #require(loaded.findings("document-too-large").first, "\(loaded.summary)")
    #expect(finding.location.line == 3005)
    #expect(loaded.environments.isEmpty)
    // The same spec with two environments is checked.
    let two = baseSpec("environment:\n\(variables)\nenvironments:\n  dev: {}\n  prod: {}")
    #expect(load(two).findings("document-too-large").isEmpty)
    #expect(load(two).environments.count == 2)
  }
}
