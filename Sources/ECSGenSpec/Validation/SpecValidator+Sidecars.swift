import ECSGenDiagnostics

/// `sidecars`, `depends_on` and `load_balancer.container`: the task's further containers, the
/// order they start in, and which container the load balancer targets.
extension SpecValidator {
  /// ECS allows 10 containers in a task definition; the main container is one of them.
  static let maxSidecars = 9

  func checkSidecars(_ spec: ServiceSpec, _ findings: inout Findings) {
    let sidecars = spec.sidecars ?? []
    if sidecars.count > Self.maxSidecars, let extra = sidecars.dropFirst(Self.maxSidecars).first {
      findings.add(
        .error(
          "sidecar-count", at: extra.location,
          "the spec lists \(sidecars.count) sidecars; a task holds at most 10 containers, the main one included, so at most \(Self.maxSidecars) sidecars; move the rest into a service of their own"
        ))
    }
    let graph = ContainerGraph(spec)
    var seen: [String: SourceLocation] = [:]
    // With environments the main container is named `NAME-ENVIRONMENT` in the task definition
    // (the plan's `ResourceNames.container`), so a sidecar may not take that name either.
    let qualified = spec.deploymentEnvironment.flatMap { environment in
      spec.name.map { "\($0.value)-\(environment.name.value)" }
    }
    for sidecar in sidecars {
      if let name = sidecar.name {
        checkSidecarName(
          name, main: spec.name?.value, qualifiedMain: qualified, seen: &seen, &findings)
      }
      checkSidecarContainer(sidecar, &findings)
      // A sidecar's variables follow the main container's rules (portable names, no secret
      // written as a literal, no name both a variable and a secret).
      for entry in sidecar.environment ?? [] {
        checkVariableName(entry, spec: spec, &findings)
      }
      checkSecretConflict(
        environment: sidecar.environment, secrets: sidecar.secrets, &findings)
    }
    checkPorts(spec, &findings)
    checkSidecarSize(spec, &findings)
    for (owner, dependencies) in graph.dependencies {
      for dependency in dependencies {
        checkDependency(dependency, of: owner, graph: graph, &findings)
      }
    }
    if let cycle = graph.firstCycle(), let first = cycle.first,
      let location = graph.dependencies.first(where: { $0.owner == first })?.entries.first?
        .container.location
    {
      findings.add(
        .error(
          "sidecar-depends-on-cycle", at: location,
          "the containers wait for each other in a circle (\((cycle + [first]).map { "`\($0)`" }.joined(separator: " -> "))), so none of them would ever start; remove one of these `depends_on` entries"
        ))
    }
    checkTargetContainer(spec, graph: graph, &findings)
  }

  private func checkSidecarName(
    _ name: Located<String>, main: String?, qualifiedMain: String?,
    seen: inout [String: SourceLocation], _ findings: inout Findings
  ) {
    if !IdentifierPatterns.isContainerName(name.value) {
      findings.add(
        .error(
          "sidecar-name", at: name.location,
          "sidecar name `\(name.value)` is not a container name; use 1 to 255 letters, digits, `-` and `_`, such as `otel-collector`"
        ))
    }
    if name.value == main {
      findings.add(
        .error(
          "sidecar-name", at: name.location,
          "sidecar name `\(name.value)` is the main container's name (the service's `name`); give the sidecar another name"
        ))
    } else if let qualifiedMain, name.value == qualifiedMain {
      findings.add(
        .error(
          "sidecar-name", at: name.location,
          "sidecar name `\(name.value)` is the main container's name in this environment (the service's `name` and the environment's); give the sidecar another name"
        ))
    } else if let first = seen[name.value] {
      findings.add(
        .error(
          "sidecar-name", at: name.location,
          "two sidecars are named `\(name.value)` (the first at line \(first.line)); container names in a task must be unique, so rename one"
        ))
    } else {
      seen[name.value] = name.location
    }
  }

  private func checkSidecarContainer(_ sidecar: SidecarSpec, _ findings: inout Findings) {
    let label = sidecar.name.map { "sidecar `\($0.value)`" } ?? "the sidecar"
    if let image = sidecar.image, !ImageReference(image.value).isWellFormed {
      findings.add(
        .error(
          "image-reference", at: image.location,
          "\(label)'s `image` is `\(image.value)`, which is not an image reference; write `REPOSITORY:TAG` or `REPOSITORY@sha256:DIGEST` (ecsgen builds only the main container's image)"
        ))
    }
    findings.checkRange(sidecar.port, AWSLimits.port, field: "sidecars.port")
    if let command = sidecar.command, command.value.isEmpty {
      findings.add(
        .error(
          "empty-list", at: command.location,
          "\(label)'s `command` is an empty list; leave it out to use the image's own command"))
    }
    if let check = sidecar.healthCheck {
      checkContainerCheck(check, &findings, field: "sidecars.health_check")
    }
    for entry in (sidecar.environment ?? []) + (sidecar.secrets ?? [])
    where EnvironmentNames.awsCredentials.contains(entry.key.value) {
      findings.add(
        .error(
          "env-aws-credentials", at: entry.key.location,
          "`\(entry.key.value)` must not be set: the task role gives every container of the task AWS credentials; remove it"
        ))
    }
    for entry in sidecar.secrets ?? [] where SecretReference(entry.value.value) == nil {
      findings.add(
        .error(
          "secret-reference", at: entry.value.location,
          "\(label)'s secret `\(entry.key.value)` refers to `\(entry.value.value)`, which is neither an SSM parameter (a name starting with `/`, or its ARN) nor a Secrets Manager secret ARN"
        ))
    }
  }

  /// Every container of a task shares one network namespace (awsvpc), so two cannot listen on
  /// one port.
  private func checkPorts(_ spec: ServiceSpec, _ findings: inout Findings) {
    var owners: [Int: String] = [:]
    if let port = spec.port?.value { owners[port] = "the main container" }
    for sidecar in spec.sidecars ?? [] {
      guard let port = sidecar.port else { continue }
      let name = sidecar.name.map { "sidecar `\($0.value)`" } ?? "a sidecar"
      if let owner = owners[port.value] {
        findings.add(
          .error(
            "sidecar-port-conflict", at: port.location,
            "\(name) listens on port \(port.value), which \(owner) already uses; the containers of a task share one network address, so give each its own port"
          ))
      } else {
        owners[port.value] = name
      }
    }
  }

  /// The main container has no limit of its own: it gets what the sidecars leave of the task.
  private func checkSidecarSize(_ spec: ServiceSpec, _ findings: inout Findings) {
    let sidecars = spec.sidecars ?? []
    let cpu = sidecars.compactMap(\.cpu)
    let memory = sidecars.compactMap(\.memory)
    let taskCPU = spec.cpu?.value.units ?? SpecDefaults.cpuUnits
    let taskMemory = spec.memory?.value.mebibytes ?? SpecDefaults.memoryMiB
    let cpuSum = cpu.reduce(0) { $0 + $1.value.units }
    if let last = cpu.last, cpuSum >= taskCPU {
      findings.add(
        .error(
          "sidecar-size", at: last.location,
          "the sidecars' `cpu` adds up to \(cpuSum) CPU units, but the task has \(taskCPU) in all, which leaves none for the main container; lower the sidecars' `cpu` or raise the service's `cpu`"
        ))
    }
    let memorySum = memory.reduce(0) { $0 + $1.value.mebibytes }
    if let last = memory.last, memorySum >= taskMemory {
      findings.add(
        .error(
          "sidecar-size", at: last.location,
          "the sidecars' `memory` adds up to \(memorySum) MiB, but the task has \(taskMemory) MiB in all, which leaves none for the main container; lower the sidecars' `memory` or raise the service's `memory`"
        ))
    }
  }

  private func checkDependency(
    _ dependency: ContainerDependencySpec, of owner: String, graph: ContainerGraph,
    _ findings: inout Findings
  ) {
    let target = dependency.container.value
    guard let container = graph.containers[target] else {
      findings.add(
        .error(
          "sidecar-depends-on-unknown", at: dependency.container.location,
          "`\(owner)` depends on `\(target)`, which is not a container of this task; name one of \(graph.names.map { "`\($0)`" }.joined(separator: ", "))"
        ))
      return
    }
    switch dependency.condition.value {
    case .healthy where !container.hasHealthCheck:
      findings.add(
        .error(
          "sidecar-depends-on-healthy", at: dependency.condition.location,
          "`\(owner)` waits for `\(target)` to be HEALTHY, but `\(target)` has no health check, so it never becomes healthy; give it a health check, or wait for START"
        ))
    case .complete where container.isEssential, .success where container.isEssential:
      let fix =
        target == graph.names.first
        ? "the main container is always essential, so wait for it to START or be HEALTHY"
        : "set `essential: false` on `\(target)`, or wait for START or HEALTHY"
      findings.add(
        .error(
          "sidecar-depends-on-essential", at: dependency.condition.location,
          "`\(owner)` waits for `\(target)` to exit (\(dependency.condition.value.rawValue)), but `\(target)` is essential, and an essential container that exits stops the whole task; \(fix)"
        ))
    default: break
    }
  }

  private func checkTargetContainer(
    _ spec: ServiceSpec, graph: ContainerGraph, _ findings: inout Findings
  ) {
    guard let target = spec.loadBalancer?.container else { return }
    if target.value == spec.name?.value { return }
    guard let sidecar = spec.sidecars?.first(where: { $0.name?.value == target.value }) else {
      findings.add(
        .error(
          "sidecar-target-unknown", at: target.location,
          "`load_balancer.container` is `\(target.value)`, which is not a container of this task; name a sidecar (\(graph.names.map { "`\($0)`" }.joined(separator: ", "))) or leave it out to target the main container"
        ))
      return
    }
    if sidecar.port == nil || sidecar.portProtocol?.value == .udp {
      findings.add(
        .error(
          "sidecar-target-port", at: target.location,
          "the load balancer targets sidecar `\(target.value)`, which has no TCP `port`; give the sidecar the `port` it serves HTTP on"
        ))
    }
  }
}

/// The task's containers by name, and who waits for whom.
struct ContainerGraph {
  struct Container {
    var hasHealthCheck: Bool
    var isEssential: Bool
  }

  /// Every container, the main one under the service's name.
  var containers: [String: Container] = [:]
  /// Container names in spec order.
  var names: [String] = []
  /// Each container's `depends_on`, in spec order.
  var dependencies: [(owner: String, entries: [ContainerDependencySpec])] = []

  init(_ spec: ServiceSpec) {
    let main = spec.name?.value ?? "main"
    containers[main] = Container(
      hasHealthCheck: spec.containerHealthCheck?.command != nil, isEssential: true)
    names.append(main)
    dependencies.append((main, spec.dependsOn ?? []))
    for sidecar in spec.sidecars ?? [] {
      guard let name = sidecar.name?.value, containers[name] == nil else { continue }
      containers[name] = Container(
        hasHealthCheck: sidecar.healthCheck?.command != nil,
        isEssential: sidecar.essential?.value ?? true)
      names.append(name)
      dependencies.append((name, sidecar.dependsOn ?? []))
    }
  }

  /// The containers of one dependency cycle, in order, or nil when there is none.
  func firstCycle() -> [String]? {
    let edges = Dictionary(
      dependencies.map { ($0.owner, $0.entries.map(\.container.value)) },
      uniquingKeysWith: { first, _ in first })
    var state: [String: Bool] = [:]  // false: on the current path; true: finished
    var path: [String] = []
    func visit(_ name: String) -> [String]? {
      if state[name] == true { return nil }
      if state[name] == false {
        return path.firstIndex(of: name).map { Array(path[$0...]) }
      }
      state[name] = false
      path.append(name)
      for next in edges[name] ?? [] where containers[next] != nil {
        if let cycle = visit(next) { return cycle }
      }
      path.removeLast()
      state[name] = true
      return nil
    }
    for name in names {
      if let cycle = visit(name) { return cycle }
    }
    return nil
  }
}

extension IdentifierPatterns {
  /// An ECS container name: 1 to 255 letters, digits, hyphens and underscores.
  static func isContainerName(_ text: String) -> Bool {
    // The same characters and length as a cluster name.
    isClusterName(text)
  }
}
