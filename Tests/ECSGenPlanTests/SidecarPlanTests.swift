import ECSGenPlan
import ECSGenSpec
import Testing

/// The plan of `sidecars`, `depends_on` and `load_balancer.container`.
@Suite struct SidecarPlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  static let spec = head + body
  static let head = """
    name: orders
    image: nginx:1.27
    port: 8080

    """
  static let body = """
    read_only_root_filesystem: true
    secrets: {TOKEN: /orders/token}
    sidecars:
      - name: proxy
        image: public.ecr.aws/envoyproxy/envoy:v1.31.0
        port: 9000
        depends_on: {orders: START}
      - name: migrate
        image: public.ecr.aws/docker/library/busybox:1.36
        essential: false
        read_only_root_filesystem: false
        secrets: {DB_PASSWORD: /orders/db-password, TOKEN: /orders/token}
    depends_on: {migrate: SUCCESS}

    """

  @Test func sidecarDefaultsAndDependencies() throws {
    let task = try plan(Self.spec).task
    #expect(task.sidecars.map(\.name) == ["proxy", "migrate"])
    let proxy = task.sidecars[0]
    #expect(proxy.essential && proxy.portProtocol == "tcp" && proxy.logStreamPrefix == "ecs")
    // The service's read-only root filesystem applies unless the sidecar says otherwise.
    #expect(proxy.readOnlyRootFilesystem && !task.sidecars[1].readOnlyRootFilesystem)
    #expect(proxy.dependsOn.map { "\($0.containerName) \($0.condition)" } == ["orders START"])
    #expect(task.dependsOn.map { "\($0.containerName) \($0.condition)" } == ["migrate SUCCESS"])
  }

  @Test func theExecutionRoleReadsEverySecretOnce() throws {
    let plan = try plan(Self.spec)
    #expect(plan.task.allSecrets.map(\.valueFrom) == ["/orders/token", "/orders/db-password"])
    let statements = try #require(plan.roles.execution.created).statements
    let read = try #require(statements.first { $0.sid == "ReadSSMParameters" })
    #expect(read.resources.count == 2)
  }

  @Test func theLoadBalancerTargetsTheNamedSidecar() throws {
    let main = try plan(Self.spec)
    guard case .web(let web) = main.workload else { throw KindMismatch() }
    #expect(web.targetGroup.containerName == "orders" && web.targetGroup.port == 8080)

    let targeted = try plan(Self.head + "load_balancer: {container: proxy}\n" + Self.body)
    guard case .web(let proxied) = targeted.workload else { throw KindMismatch() }
    #expect(proxied.targetGroup.containerName == "proxy" && proxied.targetGroup.port == 9000)
    // The load balancer reaches the tasks on the sidecar's port.
    #expect(targeted.tasksSecurityGroup.ingress.map(\.fromPort) == [9000])
  }
}

private struct KindMismatch: Error {}

/// Sidecars under `environments:`: a list replaces the base's, a mapping merges into it.
@Suite struct SidecarEnvironmentTests {
  static let spec = """
    name: orders
    image: nginx:1.27
    port: 8080
    sidecars:
      - name: collector
        image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0
      - name: migrate
        image: public.ecr.aws/docker/library/busybox:1.36
        essential: false
    depends_on: {collector: START}
    environments:
      dev: {}
      prod:
        sidecars:
          - name: collector
            image: public.ecr.aws/aws-observability/aws-otel-collector:v0.41.0
            cpu: 128
        depends_on: {collector: START}

    """

  @Test func anEnvironmentReplacesTheSidecarList() throws {
    let loaded = ServiceSpecLoader.load(text: Self.spec, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plans = try DeploymentPlanner().plans(loaded)
    let byName = Dictionary(uniqueKeysWithValues: plans.map { ($0.environment?.name ?? "", $0) })
    #expect(byName["dev"]?.task.sidecars.map(\.name) == ["collector", "migrate"])
    let prod = try #require(byName["prod"]).task
    #expect(prod.sidecars.map(\.name) == ["collector"])
    #expect(prod.sidecars.first?.cpuUnits == 128)
    #expect(prod.dependsOn.map(\.containerName) == ["collector"])
  }
}
