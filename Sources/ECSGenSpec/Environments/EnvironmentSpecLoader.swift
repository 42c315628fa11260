import ECSGenDiagnostics
import Yams

/// Loads a spec that has `environments:`: checks the environment names and what each overrides,
/// merges each environment's overrides into the rest of the spec (`OverrideMerge`), decodes and
/// validates every merged spec, and reports all of it at once (`EnvironmentDiagnostics`).
enum EnvironmentSpecLoader {
  /// Nil when the document has no `environments:` key, so that such a spec takes exactly the path
  /// it always took.
  static func load(root: Node, file: String) -> LoadedSpec? {
    guard case .mapping(let mapping) = root,
      let entry = mapping.first(where: { $0.key.string == EnvironmentRules.key })
    else { return nil }
    var baseMapping = mapping
    baseMapping[entry.key] = nil
    let base = Node.mapping(baseMapping)
    // The base alone is what `LoadedSpec.spec` holds (its name is the service's); it is never
    // deployed, so only the merged environments are validated.
    let baseSpec = ServiceSpecDecoder(context: DecodingContext(file: file)).decode(base)
    if entry.value.isNull {
      // `environments:` with nothing counts as not written, like every key.
      return single(base, file: file)
    }
    var diagnostics: [Diagnostic] = []
    let context = DecodingContext(file: file)
    let environments = EnvironmentEntries.read(entry.value, context: context)
    diagnostics += context.diagnostics
    guard !environments.isEmpty else {
      // Reported; validate the rest as a spec without environments so nothing else is missed.
      var loaded = single(base, file: file)
      loaded.diagnostics = (loaded.diagnostics + diagnostics).sortedForOutput()
      return loaded
    }
    if let tooLarge = WorkBudget.check(
      base: base, environments: environments.count, at: entry.key, context: context)
    {
      var loaded = single(base, file: file)
      loaded.diagnostics = (loaded.diagnostics + diagnostics + [tooLarge]).sortedForOutput()
      return loaded
    }
    // Names already reported as too long or malformed do not also shrink the service name's budget.
    let validNames = environments.map(\.name.value).filter {
      EnvironmentRules.isValidName($0) && $0.count <= EnvironmentRules.maxNameLength
    }
    var merged: [ServiceSpec] = []
    var perEnvironment: [(name: String, diagnostics: [Diagnostic])] = []
    for (position, environment) in environments.enumerated() {
      let node = OverrideMerge.merge(base, environment.overrides)
      let context = DecodingContext(file: file)
      guard var spec = ServiceSpecDecoder(context: context).decode(node) else { continue }
      spec.deploymentEnvironment = SpecEnvironment(
        name: environment.name, position: position, allNames: validNames)
      let removed = OverrideMerge.removals(base, environment.overrides).map {
        (path: $0.path, location: context.location(of: $0.key))
      }
      perEnvironment.append(
        (
          environment.name.value,
          Self.pointingAtRemovals(
            context.diagnostics + SpecValidator().validate(spec), removed)
        ))
      merged.append(spec)
    }
    diagnostics += EnvironmentDiagnostics.combine(perEnvironment)
    diagnostics += SharedNameCheck.check(merged)
    diagnostics += PromotedBranchCheck.check(merged)
    var priorities = ListenerPriorityClaims(withinSpecs: true)
    diagnostics += priorities.claim(LoadedSpec(file: file, diagnostics: [], environments: merged))
    return LoadedSpec(
      file: file, spec: baseSpec, diagnostics: diagnostics.sortedForOutput(),
      environments: merged)
  }

  /// A spec without environments, as `ServiceSpecLoader` loads it.
  private static func single(_ root: Node, file: String) -> LoadedSpec {
    let context = DecodingContext(file: file)
    let spec = ServiceSpecDecoder(context: context).decode(root)
    var diagnostics = context.diagnostics
    if let spec { diagnostics += SpecValidator().validate(spec) }
    return LoadedSpec(file: file, spec: spec, diagnostics: diagnostics.sortedForOutput())
  }

  /// A required key that an override removed (`port: ~`) is reported where it was removed, not
  /// at the top of the merged document, whose position is the base's.
  private static func pointingAtRemovals(
    _ diagnostics: [Diagnostic], _ removed: [(path: String, location: SourceLocation)]
  ) -> [Diagnostic] {
    guard !removed.isEmpty else { return diagnostics }
    return diagnostics.map { diagnostic in
      guard diagnostic.rule == "missing-key",
        let removal = removed.first(where: {
          diagnostic.message.hasPrefix("`\($0.path)` is required")
        })
      else { return diagnostic }
      var moved = diagnostic
      moved.location = removal.location
      moved.message += "; this environment's override removes it (a key set to nothing)"
      return moved
    }
  }
}

/// One entry of `environments:`: its name and the overrides to merge, without the keys an
/// environment may not override.
struct EnvironmentEntry {
  var name: Located<String>
  var overrides: Node
}

enum EnvironmentEntries {
  /// The usable entries of the `environments:` node, in the order written, reporting every
  /// problem with the node itself, a name or a key that must not be overridden.
  static func read(_ node: Node, context: DecodingContext) -> [EnvironmentEntry] {
    guard case .mapping(let mapping) = node else {
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`environments` must be a mapping from environment names to overrides, such as `environments: {dev: {}, prod: {cpu: 1 vCPU}}`, but this is \(node.kindDescription)"
        ))
      return []
    }
    if mapping.count == 0 {
      context.report(
        .error(
          "environment-count", at: context.location(of: node),
          "`environments` names no environment; add at least one (`dev: {}`), or remove `environments` to deploy the spec as it is"
        ))
      return []
    }
    var entries: [EnvironmentEntry] = []
    for (index, (key, value)) in mapping.enumerated() {
      if index == EnvironmentRules.maxCount {
        context.report(
          .error(
            "environment-count", at: context.location(of: key),
            "`environments` has \(mapping.count) environments; ecsgen deploys at most \(EnvironmentRules.maxCount) from one spec, so split the service or remove some (this one and those after it are not checked)"
          ))
        break
      }
      guard case .scalar(let scalar) = key else {
        context.report(
          .error(
            "environment-name", at: context.location(of: key),
            "an environment name is a plain word such as `prod`, but this key is \(key.kindDescription)"
          ))
        continue
      }
      let name = Located(scalar.string, at: context.location(of: key))
      checkName(name, context: context)
      guard let overrides = self.overrides(value, environment: name.value, context: context)
      else { continue }
      entries.append(EnvironmentEntry(name: name, overrides: overrides))
    }
    return entries
  }

  private static func checkName(_ name: Located<String>, context: DecodingContext) {
    let text = name.value
    let shown = text.unicodeScalars.count > 80 ? String(text.prefix(80)) + "..." : text
    if !EnvironmentRules.isValidName(text) {
      context.report(
        .error(
          "environment-name", at: name.location,
          "environment name `\(shown)` is not allowed; an environment name starts with a lowercase letter and has only lowercase letters, digits and single `-` between them (such as `dev`, `staging`, `prod-eu`; not `dev-` or `prod--eu`), because it becomes part of AWS names, the state key and the GitHub environment"
        ))
    } else if text.count > EnvironmentRules.maxNameLength {
      context.report(
        .error(
          "environment-name", at: name.location,
          "environment name `\(shown)` has \(text.count) characters; at most \(EnvironmentRules.maxNameLength) are allowed, because ecsgen joins it to the service name (`NAME-\(shown)`) and that must fit in \(AWSLimits.serviceNameMaxLength) characters"
        ))
    }
  }

  /// The overrides without the keys that must not be overridden (each reported), or nil when the
  /// value is not a mapping. `prod:` with nothing is an environment without overrides.
  private static func overrides(
    _ node: Node, environment: String, context: DecodingContext
  ) -> Node? {
    if node.isNull { return .mapping(Node.Mapping([], .implicit, .any, node.mark)) }
    guard case .mapping(var mapping) = node else {
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`environments.\(environment)` must be a mapping of the spec keys this environment changes, such as `{cpu: 1 vCPU, count: 3}`, or empty (`{}`), but this is \(node.kindDescription)"
        ))
      return nil
    }
    for (key, _) in mapping {
      guard let name = key.string, EnvironmentRules.fixedKeys.contains(name) else { continue }
      context.report(
        .error(
          "environment-override", at: context.location(of: key),
          "environment \(environment) overrides `\(name)`, which is the same in every environment; \(reason(name))"
        ))
      mapping[key] = nil
    }
    return .mapping(mapping)
  }

  private static func reason(_ key: String) -> String {
    switch key {
    case "name":
      "ecsgen adds the environment to every AWS name itself (`NAME-ENV`), so remove `name` here"
    case "environments": "environments do not nest, so remove `environments` here"
    default: "remove `\(key)` here and set it once at the top of the spec"
    }
  }
}

/// Each environment is decoded and validated as a whole spec, so a spec with environments costs
/// its size times their number. Together they may not pass `EnvironmentRules.maxMergedNodes`: a
/// hostile spec then costs about what the largest spec without environments does, while a real
/// one (a few hundred nodes) can have every environment allowed.
enum WorkBudget {
  static func check(
    base: Node, environments: Int, at key: Node, context: DecodingContext
  ) -> Diagnostic? {
    let limit = EnvironmentRules.maxMergedNodes
    let perEnvironment = count(base, upTo: limit / max(environments, 1) + 1)
    guard perEnvironment * environments > limit else { return nil }
    return .error(
      "document-too-large", at: context.location(of: key),
      "the spec has \(perEnvironment) YAML nodes or more and \(environments) environments, each checked as a whole spec: more than \(limit) nodes together; a spec needs a few hundred, so write fewer values or fewer environments"
    )
  }

  /// The nodes of `root`, counting stopped at `limit`.
  static func count(_ root: Node, upTo limit: Int) -> Int {
    var pending = [root]
    var count = 0
    while let node = pending.popLast(), count < limit {
      count += 1
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          pending.append(key)
          pending.append(value)
        }
      case .sequence(let sequence): pending.append(contentsOf: sequence)
      case .scalar, .alias: break
      }
    }
    return count
  }
}
