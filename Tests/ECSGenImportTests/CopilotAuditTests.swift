import Testing
import Yams

@testable import ECSGenImport

/// The audit's rules: what counts as consumed, how user names and environments are checked,
/// and what each workload type knows.
@Suite struct CopilotAuditTests {
  func audit(
    _ text: String, _ type: CopilotWorkloadType = .loadBalancedWebService,
    consumed: Set<CopilotKeyPosition> = []
  ) throws -> [CopilotImportFinding] {
    CopilotManifestAudit.findings(
      in: try CopilotAuditSupport.root(text), workloadType: type, consumedKeys: consumed)
  }

  @Test func aKeyTheMapperDidNotReadIsReportedWithItsEcsgenKey() throws {
    let findings = try audit("name: web\ncount: 3\n", consumed: [.init(line: 1, column: 1)])
    #expect(findings.map(\.keyPath) == ["count"])
    #expect(findings.first?.line == 2 && findings.first?.column == 1)
    #expect(
      findings.first?.message.contains("write it by hand as ecsgen's `count or autoscaling`")
        == true)
  }

  @Test func consumedKeysAndEmptyValuesAreNotReported() throws {
    let text = "name: web\ncount: 3\nnlb:\nobservability: ~\n"
    let findings = try audit(
      text, consumed: [.init(line: 1, column: 1), .init(line: 2, column: 1)])
    #expect(findings.isEmpty, "\(findings)")
  }

  /// A key whose meaning is in its children is walked whether or not the mapper marked it, so a
  /// mapper that skips it cannot hide a typo below it.
  @Test func containersAreWalkedEvenWhenNotConsumed() throws {
    let text = """
      http:
        healthcheck:
          path: /health
          intervall: 10s
      """
    let findings = try audit(text, consumed: [.init(line: 3, column: 5)])
    #expect(findings.map(\.keyPath) == ["http.healthcheck.intervall"])
    #expect(findings.first?.message.contains("Did you mean `interval`?") == true)
  }

  /// A key reported as a whole (no ecsgen equivalent) is not walked: one finding, not one per
  /// child.
  @Test func aKeyReportedWholeIsNotWalked() throws {
    let text = """
      nlb:
        port: 443/tcp
        healthcheck: {port: 80, retries: 3}
        nonsense: 1
      """
    let findings = try audit(text)
    #expect(findings.map(\.keyPath) == ["nlb"])
    #expect(findings.first?.message.contains("Application Load Balancer only") == true)
  }

  @Test func environmentsAreCheckedAgainstTheWorkloadsOwnKeys() throws {
    let text = """
      environments:
        prod:
          name: other
          memroy: 2048
          http:
            alias: shop.example.com
        test:
      """
    let findings = try audit(text)
    #expect(
      findings.map(\.keyPath) == [
        "environments.prod.name", "environments.prod.memroy", "environments.prod.http.alias",
      ])
    #expect(findings[0].message.contains("Copilot ignored `name`"))
    #expect(findings[1].message.contains("Did you mean `memory`?"))
    #expect(findings[2].message.contains("`load_balancer.domain`"))
  }

  @Test func sidecarsAreCheckedAgainstTheSidecarKeys() throws {
    let text = """
      sidecars:
        nginx:
          image:
            build: ./nginx
          portt: 80
          mount_points:
            - source_volume: data
              path: /data
      """
    let findings = try audit(text, consumed: [.init(line: 2, column: 3)])
    #expect(
      findings.map(\.keyPath) == [
        "sidecars.nginx.image.build", "sidecars.nginx.portt", "sidecars.nginx.mount_points",
      ])
    #expect(findings[0].message.contains("builds only the main container's image"))
    #expect(findings[1].message.contains("Did you mean `port`?"))
  }

  /// Values of the user's maps are opaque unless Copilot gave them keys (`from_cfn`,
  /// `secretsmanager`); an unread name is reported with its map's ecsgen key.
  @Test func userNamedMaps() throws {
    let text = """
      variables:
        PLAIN: x
        FROM_STACK: {from_cfn: export-name}
      secrets:
        DB: {secretsmanager: db, from_cfn: other}
      """
    let findings = try audit(text, consumed: [.init(line: 5, column: 8)])
    #expect(
      findings.map(\.keyPath) == [
        "variables.PLAIN", "variables.FROM_STACK.from_cfn", "secrets.DB.from_cfn",
      ])
    #expect(findings[0].message.contains("`environment`"))
  }

  @Test func listItemsAreCheckedWithBracketsInThePath() throws {
    let text = """
      type: Worker Service
      subscribe:
        topics:
          - name: orders
            servce: api
      """
    let findings = try audit(
      text, .workerService, consumed: [.init(line: 1, column: 1), .init(line: 4, column: 7)])
    #expect(findings.map(\.keyPath) == ["subscribe.topics[].servce"])
    #expect(findings.first?.message.contains("Did you mean `service`?") == true)
  }

  @Test func keysOfAnotherWorkloadTypeAreUnknownWithAHint() throws {
    // A Request-Driven Web Service has no entrypoint, sidecars or logging (App Runner runs one
    // container); a Scheduled Job has no http.
    let rdws = try audit("entrypoint: [a]\nhttp: {path: /}\n", .requestDrivenWebService)
    #expect(rdws.map(\.keyPath) == ["entrypoint", "http.path"])
    #expect(rdws[0].message.contains("Copilot ignored `entrypoint`"))
    let job = try audit("http: {path: /}\n", .scheduledJob)
    #expect(job.map(\.keyPath) == ["http"])
  }

  @Test func catalogueCountsPerWorkloadType() {
    // The number of distinct key paths each workload type's manifest may hold, outside
    // `environments` (which repeats them): a change to the catalogue shows here.
    let counts = Dictionary(
      uniqueKeysWithValues: CopilotWorkloadType.allCases.map { type in
        (
          type,
          CopilotKeyCatalogue.manifest(type).keyPaths().filter {
            !$0.path.hasPrefix("environments.<name>")
          }.count
        )
      })
    for (type, count) in counts { print("catalogue \(type.rawValue): \(count) key paths") }
    #expect(counts.values.allSatisfy { $0 > 25 })
    #expect(counts[.loadBalancedWebService, default: 0] > counts[.backendService, default: 0])
    #expect(counts[.requestDrivenWebService, default: 0] < counts[.scheduledJob, default: 0])
  }

  @Test func everyTypeKnowsItsDocumentedTopLevelKeys() {
    let shared = [
      "name", "type", "image", "cpu", "memory", "platform", "variables", "secrets", "environments",
    ]
    let own: [CopilotWorkloadType: [String]] = [
      .loadBalancedWebService: [
        "http", "nlb", "count", "exec", "sidecars", "logging", "taskdef_overrides",
      ],
      .backendService: ["http", "count", "exec", "sidecars", "deployment", "observability"],
      .workerService: ["subscribe", "count", "deployment", "publish"],
      .scheduledJob: ["on", "timeout", "retries", "publish"],
      .requestDrivenWebService: ["http", "tags", "count", "command", "observability"],
    ]
    for type in CopilotWorkloadType.allCases {
      let schema = CopilotKeyCatalogue.manifest(type)
      for key in shared + (own[type] ?? []) {
        #expect(schema.key(key) != nil, "\(type.rawValue) lacks \(key)")
      }
    }
    #expect(CopilotKeyCatalogue.manifest(.backendService).key("nlb") == nil)
    #expect(CopilotKeyCatalogue.manifest(.scheduledJob).key("deployment") == nil)
  }

  @Test func spelling() {
    #expect(CopilotKeySpelling.closest(to: "queues", among: ["topics", "queue"]) == "queue")
    #expect(CopilotKeySpelling.closest(to: "healthCheck", among: ["healthcheck"]) == "healthcheck")
    #expect(CopilotKeySpelling.closest(to: "zzzzzz", among: ["queue"]) == nil)
    #expect(
      CopilotKeySpelling.closest(to: String(repeating: "q", count: 100_000), among: ["queue"])
        == nil)
  }
}

@Suite struct CopilotAuditEnvironmentHintTests {
  @Test func anEnvironmentCannotChangeTheNameOrType() throws {
    let findings = CopilotManifestAudit.findings(
      in: try CopilotAuditSupport.root("environments:\n  prod:\n    type: Backend Service\n"),
      workloadType: .loadBalancedWebService, consumedKeys: [])
    #expect(findings.map(\.keyPath) == ["environments.prod.type"])
    #expect(findings.first?.message.contains("An environment cannot change `type`") == true)
  }
}

@Suite struct CopilotAuditScalarFormTests {
  func audit(_ text: String) throws -> [CopilotImportFinding] {
    CopilotManifestAudit.findings(
      in: try CopilotAuditSupport.root(text), workloadType: .loadBalancedWebService,
      consumedKeys: [])
  }

  /// `efs: true` (a file system Copilot created) and `efs: {id: fs-...}` (an existing one) are
  /// different instructions; `efs: false` needs none.
  @Test func managedEFSHasItsOwnInstruction() throws {
    let managed = try audit("storage:\n  volumes:\n    data:\n      efs: true\n")
    #expect(managed.map(\.keyPath) == ["storage.volumes.data.efs"])
    #expect(managed.first?.message.contains("`efs: true` asked Copilot to create") == true)
    let existing = try audit("storage:\n  volumes:\n    data:\n      efs: {id: fs-1, uid: 1000}\n")
    #expect(
      existing.map(\.keyPath) == ["storage.volumes.data.efs.id", "storage.volumes.data.efs.uid"])
    #expect(existing.first?.message.contains("`volumes[].file_system`") == true)
    #expect(try audit("storage:\n  volumes:\n    data:\n      efs: false\n").isEmpty)
  }

  @Test func aPathOtherThanTheRootNeedsASharedListener() throws {
    let findings = try audit("http:\n  path: /api\n")
    #expect(findings.first?.message.contains("`load_balancer.paths`") == true)
    #expect(findings.first?.message.hasPrefix("ecsgen gives a service a load balancer") == true)
  }
}
