import ECSGenRendering
import ECSGenSpec
import Yams

/// Turns a Copilot workload manifest (and its environments' manifests) into a starter spec:
/// every key with an ecsgen equivalent is mapped, with a comment that names the manifest's key
/// and line; every other key becomes a `WARNING` comment (`CopilotManifestAudit`), so nothing
/// is dropped without a word.
public struct CopilotImporter {
  /// The manifest's path, for the header.
  public var sourceFile: String
  /// A service name chosen by the user; made from the manifest's `name` when nil.
  public var serviceName: String?
  /// The Copilot application's name (`copilot/.workspace`), for `${COPILOT_APPLICATION_NAME}`.
  public var applicationName: String?
  /// Environment manifests, in the order their environments are promoted.
  public var environmentManifests: [CopilotEnvironmentManifest]

  public init(
    sourceFile: String, serviceName: String? = nil, applicationName: String? = nil,
    environmentManifests: [CopilotEnvironmentManifest] = []
  ) {
    self.sourceFile = sourceFile
    self.serviceName = serviceName
    self.applicationName = applicationName
    self.environmentManifests = environmentManifests
  }

  /// The spec as YAML text.
  public func spec(for manifest: CopilotManifest) -> String {
    let log = CopilotReadLog()
    let top = CopilotValue(
      node: manifest.root, path: "", log: log,
      substitution: CopilotSubstitution(applicationName: applicationName))
    _ = top.child("name")
    _ = top.child("type")
    let overrides = top.child("environments")?.entries ?? []
    let environments = environmentNames(overrides: overrides.map(\.key))
    let name = serviceName(manifest, environments: environments.map(\.name))
    var base = manifest.root
    if case .mapping(var mapping) = base {
      mapping["environments"] = nil
      base = .mapping(mapping)
    }
    let baseMapper = CopilotSpecMapper(
      root: CopilotValue(
        node: base, path: "", log: log,
        substitution: CopilotSubstitution(applicationName: applicationName)),
      type: manifest.type, serviceName: name, applicationName: applicationName,
      environment: nil)
    let baseEntries = baseMapper.entries()
    var warnings = skippedEnvironments(overrides: overrides.map(\.key)) + baseMapper.warnings
    var environmentEntries: [YAMLEntry] = []
    for environment in environments {
      let override = overrides.first { $0.key == environment.name }?.value
      let merged = override.map { CopilotOverrides.merge(base, $0.node) } ?? base
      let mapper = CopilotSpecMapper(
        root: CopilotValue(
          node: merged, path: "", log: log,
          substitution: CopilotSubstitution(
            applicationName: applicationName, environmentName: environment.name)),
        type: manifest.type, serviceName: name, applicationName: applicationName,
        environment: environment.manifest)
      let entries = mapper.entries()
      // A key the rest of the manifest already warned about is not repeated per environment
      // (its value may differ only by the environment's name).
      let warnedKeys = Set(warnings.compactMap(Self.keyPrefix))
      for warning in mapper.warnings {
        if let key = Self.keyPrefix(warning), warnedKeys.contains(key) { continue }
        if warnings.contains(warning) { continue }
        warnings.append("in environment \(environment.name): " + warning)
      }
      if mapper.kind != baseMapper.kind {
        warnings.append(
          "in environment \(environment.name): the overrides make this a \(mapper.kind), not a \(baseMapper.kind); one spec has one kind, so import that environment on its own with another --name."
        )
      }
      var comments: [String] = []
      if environment.manifest == nil && !environmentManifests.isEmpty {
        comments.append("TODO: no --env-manifest was given for \(environment.name).")
      }
      if override != nil {
        comments.append("From `environments.\(environment.name)` (line \(override?.line ?? 0)).")
      }
      environmentEntries.append(
        YAMLEntry(
          environment.name, .mapping(CopilotOverrides.difference(baseEntries, entries)),
          comments: comments))
    }
    var entries: [YAMLEntry] = [
      YAMLEntry(
        "name", .string(name),
        comments: name == manifest.name
          ? [] : ["From the Copilot name \(manifest.name ?? "(none)"), made a valid service name."])
    ]
    if baseMapper.kind != "web" {
      entries.append(YAMLEntry("kind", .string(baseMapper.kind)))
    }
    entries.append(
      YAMLEntry(
        "description",
        .string("Migrated from the Copilot \(manifest.type.rawValue) \(manifest.name ?? name)")))
    entries += baseEntries
    if !environmentEntries.isEmpty {
      entries.append(
        YAMLEntry(
          "environments", .mapping(environmentEntries), spacedBefore: true,
          comments: [
            environmentManifests.isEmpty
              ? "Copilot's `environments:` overrides, in the manifest's order (the order changes"
                + " are promoted in)."
              : "The environments of the --env-manifest files, in the order given (the order"
                + " changes are promoted in), then any other `environments:` override.",
            "Each holds only what differs from the keys above.",
          ]))
    }
    let findings = CopilotManifestAudit.findings(
      in: manifest.root, workloadType: manifest.type, consumedKeys: log.consumed)
    let checked = CopilotLintGuard.dropEntriesWithErrors(entries)
    return YAMLPrinter().print(
      .mapping(checked.entries),
      header: header(
        manifest, warnings: warnings + checked.dropped, findings: findings, log: log,
        environmentsResolveTheirName: !environments.isEmpty))
  }

  /// "`variables.X` (line 3)" of a warning that starts with a manifest key.
  static func keyPrefix(_ warning: String) -> String? {
    guard warning.hasPrefix("`"), let end = warning.range(of: "):") else { return nil }
    return String(warning[..<end.upperBound])
  }

  /// Whether the substitution fills in `${COPILOT_ENVIRONMENT_NAME}` for a known environment.
  static let substitutionKnowsEnvironments =
    CopilotSubstitution(environmentName: "e").resolve("${COPILOT_ENVIRONMENT_NAME}").value == "e"

  /// The environments, in order, each with its manifest when one was given.
  func environmentNames(overrides: [String]) -> [(
    name: String, manifest: CopilotEnvironmentManifest?
  )] {
    var result: [(name: String, manifest: CopilotEnvironmentManifest?)] = []
    for manifest in environmentManifests where !result.contains(where: { $0.name == manifest.name })
    {
      result.append((manifest.name, manifest))
    }
    for name in overrides where !result.contains(where: { $0.name == name }) {
      result.append((name, nil))
    }
    // ecsgen deploys at most 20 environments from one spec.
    return Array(
      result.filter { EnvironmentRules.isValidName($0.name) }.prefix(Self.maxEnvironments))
  }

  /// What `environmentNames` left out, and why.
  func skippedEnvironments(overrides: [String]) -> [String] {
    let kept = Set(environmentNames(overrides: overrides).map(\.name))
    let all = environmentManifests.map(\.name) + overrides
    var seen: Set<String> = []
    return all.filter { !kept.contains($0) && seen.insert($0).inserted }.map { name in
      EnvironmentRules.isValidName(name)
        ? "the environment \(name.prefix(40)) was left out: one spec deploys at most \(Self.maxEnvironments); import it again with another --name."
        : "the environment `\(name.prefix(40))` was left out: an ecsgen environment name has lowercase letters, digits and single `-` (at most 25 characters)."
    }
  }

  /// The most environments one spec holds (`environment-count`).
  static let maxEnvironments = 20

  /// `--name`, or the manifest's name made valid and short enough for the environments.
  func serviceName(_ manifest: CopilotManifest, environments: [String]) -> String {
    if let serviceName { return serviceName }
    var name = ServiceNaming.serviceName(forFunction: manifest.name ?? "service")
    let longest = environments.map(\.count).max() ?? 0
    let limit = longest == 0 ? ServiceNaming.maxLength : ServiceNaming.maxLength - 1 - longest
    if name.count > limit {
      name = String(name.prefix(max(limit, 2)))
      while name.hasSuffix("-") { name.removeLast() }
    }
    return name
  }

  /// Whether the manifest uses the application's name: `${COPILOT_APPLICATION_NAME}`, or topics
  /// whose names Copilot prefixed with it.
  static func needsApplicationName(_ root: Node) -> Bool {
    var pending = [root]
    var visited = 0
    while let node = pending.popLast(), visited < 100_000 {
      visited += 1
      switch node {
      case .scalar(let scalar):
        if scalar.string.contains("${COPILOT_APPLICATION_NAME}") || scalar.string == "topics" {
          return true
        }
      case .mapping(let mapping):
        for (key, value) in mapping {
          pending.append(key)
          pending.append(value)
        }
      case .sequence(let sequence): pending += sequence
      case .alias: break
      }
    }
    return false
  }

  func header(
    _ manifest: CopilotManifest, warnings: [String], findings: [CopilotImportFinding],
    log: CopilotReadLog, environmentsResolveTheirName: Bool = false
  ) -> [String] {
    var lines = [
      "Imported by `ecsgen import copilot` from \(sourceFile): the Copilot \(manifest.type.rawValue)"
        + " \(manifest.name ?? "(no name)").",
      "A starting point: read every comment, above all the ones marked TODO and WARNING, then",
      "run `ecsgen lint` and `ecsgen render`. Comments name the manifest's keys and lines.",
    ]
    if manifest.type == .requestDrivenWebService {
      lines += [
        "",
        "WARNING: App Runner no longer takes new customers; this service now runs on ECS Fargate",
        "behind an Application Load Balancer of its own, in your VPC.",
      ]
    }
    if applicationName == nil && Self.needsApplicationName(manifest.root) {
      lines += [
        "", "TODO: no copilot/.workspace beside the manifest: the application's name is unknown.",
      ]
    }
    // With environments, each environment fills in its own name: only the keys above them
    // keep `${COPILOT_ENVIRONMENT_NAME}`, and every environment overrides those.
    let dropEnvironmentName = environmentsResolveTheirName && Self.substitutionKnowsEnvironments
    let unresolved = log.unresolved.compactMap { entry -> String? in
      let names = entry.names.filter {
        !(dropEnvironmentName && $0 == "COPILOT_ENVIRONMENT_NAME")
      }
      guard !names.isEmpty else { return nil }
      // Copilot filled in its own two names at deploy time and every other one from the shell
      // that ran `copilot deploy`; the TODO says which, since the fix differs.
      let own = names.filter { CopilotSubstitution.copilotNames.contains($0) }
      let shell = names.filter { !CopilotSubstitution.copilotNames.contains($0) }
      var reasons: [String] = []
      if !own.isEmpty {
        reasons.append(
          own.map { "${\($0)}" }.joined(separator: ", ")
            + ", which Copilot filled in when it deployed (import with --env-manifest, or a copilot/.workspace beside the manifest, to resolve it)"
        )
      }
      if !shell.isEmpty {
        reasons.append(
          shell.map { "${\($0)}" }.joined(separator: ", ")
            + ", which Copilot took from the shell that ran `copilot deploy`")
      }
      return "TODO: `\(entry.path)` (line \(entry.line)) uses "
        + reasons.joined(separator: ", and ") + ": write the value."
    }
    let warningLines =
      warnings.map { "WARNING: " + $0 }
      + findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map {
        "WARNING: `\($0.keyPath)` (line \($0.line)): \($0.message)"
      }
    if !unresolved.isEmpty || !warningLines.isEmpty {
      lines += [""] + unresolved + warningLines
    }
    return lines
  }
}
