import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `sidecars`, `depends_on` and `load_balancer.container`: the `sidecar-*` rules.
@Suite struct SidecarRuleTests {
  /// `baseSpec` with `lines` from line 4 on.
  func spec(_ lines: [String], loadBalancer: String = "") -> String {
    baseSpec(lines.joined(separator: "\n"), loadBalancer: loadBalancer)
  }

  static let collector = [
    "sidecars:",
    "  - name: collector",
    "    image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
    "    port: 4317",
  ]

  @Test func aCollectorAndAMigrationTheAppWaitsForAreClean() {
    let text = spec(
      Self.collector + [
        "    health_check: {command: [CMD, /healthcheck]}",
        "  - name: migrate",
        "    image: public.ecr.aws/docker/library/busybox:1.36",
        "    essential: false",
        "depends_on: {migrate: SUCCESS, collector: HEALTHY}",
      ])
    let loaded = load(text)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)")
  }

  @Test func atMostNineSidecars() {
    var lines = ["sidecars:"]
    for index in 0..<10 {
      lines += ["  - name: side\(index)", "    image: public.ecr.aws/docker/library/busybox:1.36"]
    }
    // The tenth entry starts on line 4 + 1 + 9 * 2.
    expectFinding("sidecar-count", .error, at: 23, 5, in: spec(lines))
    expectNoFinding("sidecar-count", in: spec(Array(lines.dropLast(2))))
  }

  @Test func waitingForAnExitNeedsANonEssentialContainer() throws {
    let lines = [
      "sidecars:",
      "  - name: migrate",
      "    image: public.ecr.aws/docker/library/busybox:1.36",
    ]
    let finding = try #require(
      expectFinding(
        "sidecar-depends-on-essential", .error, at: 7, 23,
        in: spec(lines + ["depends_on: {migrate: SUCCESS}"])))
    #expect(finding.message.contains("set `essential: false` on `migrate`"))
    expectNoFinding(
      "sidecar-depends-on-essential",
      in: spec(lines + ["    essential: false", "depends_on: {migrate: COMPLETE}"]))
    // The main container is always essential.
    let main = expectFinding(
      "sidecar-depends-on-essential", .error, at: 7, 30,
      in: spec(lines + ["    depends_on: {orders-api: SUCCESS}"]))
    #expect(main?.message.contains("the main container is always essential") == true)
  }

  @Test func healthyNeedsAHealthCheck() {
    expectFinding(
      "sidecar-depends-on-healthy", .error, at: 8, 25,
      in: spec(Self.collector + ["depends_on: {collector: HEALTHY}"]))
    expectNoFinding(
      "sidecar-depends-on-healthy",
      in: spec(
        Self.collector + [
          "    health_check: {command: [CMD, /healthcheck]}", "depends_on: {collector: HEALTHY}",
        ]))
  }

  @Test func unknownContainersAndCycles() throws {
    expectFinding(
      "sidecar-depends-on-unknown", .error, at: 8, 14,
      in: spec(Self.collector + ["depends_on: {ghost: START}"]))
    let cycle = try #require(
      expectFinding(
        "sidecar-depends-on-cycle", .error, at: 9, 14,
        in: spec(
          Self.collector + [
            "    depends_on: {orders-api: START}", "depends_on: {collector: START}",
          ])
      ))
    #expect(cycle.message.contains("`orders-api` -> `collector` -> `orders-api`"))
    expectFinding(
      "sidecar-depends-on-cycle", .error, at: 8, 18,
      in: spec(Self.collector + ["    depends_on: {collector: START}"]))
  }

  @Test func namesAndPortsAreUniqueInTheTask() {
    expectFinding(
      "sidecar-port-conflict", .error, at: 10, 11,
      in: spec(
        Self.collector + [
          "  - name: other", "    image: public.ecr.aws/docker/library/busybox:1.36",
          "    port: 4317",
        ]))
    expectFinding(
      "sidecar-port-conflict", .error, at: 7, 11,
      in: spec(Array(Self.collector.dropLast()) + ["    port: 8080"]))
    expectFinding(
      "sidecar-name", .error, at: 8, 11,
      in: spec(
        Self.collector + [
          "  - name: collector", "    image: public.ecr.aws/docker/library/busybox:1.36",
        ]
      ))
    expectFinding(
      "sidecar-name", .error, at: 5, 11,
      in: spec(["sidecars:", "  - name: orders-api", "    image: public.ecr.aws/nginx/nginx:1.27"]))
  }

  /// With environments the main container is `NAME-ENVIRONMENT` in the task definition: a
  /// sidecar of that name would be a second container of the same name, which ECS refuses.
  @Test func aSidecarMayNotTakeAnEnvironmentsMainContainerName() throws {
    func text(_ sidecar: String) -> String {
      spec([
        "sidecars:", "  - name: \(sidecar)", "    image: public.ecr.aws/nginx/nginx:1.27",
        "environments:", "  dev: {}", "  prod: {}",
      ])
    }
    let finding = try #require(
      expectFinding("sidecar-name", .error, at: 5, 11, in: text("orders-api-prod")))
    #expect(finding.message.contains("in environment prod"))
    #expect(load(text("orders-api-prod")).findings("sidecar-name").count == 1)
    expectNoFinding("sidecar-name", in: text("orders-api-staging"))
  }

  @Test func sidecarsMustLeaveRoomForTheMainContainer() throws {
    let lines = [
      "cpu: 512", "memory: 1 GB", "sidecars:",
      "  - name: collector", "    image: public.ecr.aws/nginx/nginx:1.27",
    ]
    let cpu = try #require(
      expectFinding("sidecar-size", .error, at: 9, 10, in: spec(lines + ["    cpu: 512"])))
    #expect(cpu.message.contains("adds up to 512 CPU units, but the task has 512"))
    let memory = try #require(
      expectFinding("sidecar-size", .error, at: 9, 13, in: spec(lines + ["    memory: 2 GB"])))
    #expect(memory.message.contains("adds up to 2048 MiB, but the task has 1024 MiB"))
    expectNoFinding("sidecar-size", in: spec(lines + ["    cpu: 256", "    memory: 512 MiB"]))
  }

  @Test func theLoadBalancerTargetsASidecarWithAPort() {
    let lines = [
      "sidecars:", "  - name: proxy", "    image: public.ecr.aws/envoyproxy/envoy:v1.31.0",
    ]
    expectFinding(
      "sidecar-target-port", .error, at: 8, 14,
      in: spec(lines, loadBalancer: "container: proxy"))
    expectNoFinding(
      "sidecar-target-port", in: spec(lines + ["    port: 9000"], loadBalancer: "container: proxy"))
    expectFinding(
      "sidecar-target-unknown", .error, at: 8, 14,
      in: spec(lines, loadBalancer: "container: proxi"))
  }

  @Test func aConditionOutsideTheFourIsADecodingError() {
    expectFinding(
      "wrong-type", .error, at: 8, 25, in: spec(Self.collector + ["depends_on: {collector: READY}"])
    )
  }

  /// A sidecar's variables follow the main container's rules: a portable name, no secret written
  /// as a literal, no name both a variable and a secret.
  @Test func aSidecarsVariablesFollowTheMainContainersRules() {
    let text = spec(
      Self.collector + [
        "    environment: {my-var: x, API_TOKEN: abc123, MODE: a}",
        "    secrets: {MODE: /collector/mode}",
      ])
    expectFinding("env-name", .warning, at: 8, 19, in: text)
    expectFinding("env-secret-literal", .warning, at: 8, 41, in: text)
    expectFinding("env-secret-conflict", .error, at: 9, 15, in: text)
  }
}
