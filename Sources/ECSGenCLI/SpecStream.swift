import ECSGenDiagnostics
import ECSGenPlan
import ECSGenSpec
import Foundation

/// Loads, checks and plans many specs a chunk at a time, on all cores, so that only one chunk's
/// specs and plans are alive at once: `render` and `check` of 10,000 specs need no more memory
/// than of 1,000 (issue 11 measured 14 KB per spec kept until exit before).
///
/// Within a chunk, loading and planning run in parallel; then, in file order, a plan whose service
/// name an earlier spec already claimed is rejected (`duplicate-service`: both would render into
/// the same folders); then the chunk's consumer runs. Chunks follow each other in file order, so
/// "earlier" means the same as in one pass over all files.
struct SpecStream {
  /// Specs per chunk: large enough that the wait at the end of each parallel step is a rounding
  /// error, small enough that a chunk's plans take a few MiB.
  static let chunkSize = 256

  /// Every diagnostic so far, in file order.
  private(set) var diagnostics: [Diagnostic] = []
  /// How many spec files were read.
  private(set) var specCount = 0
  /// How many specs were planned (valid, and the first for their service; a spec with
  /// environments counts once).
  private(set) var planCount = 0
  /// Service names of the planned specs.
  private(set) var plannedServiceNames: Set<String> = []
  /// Service names of specs that have errors but whose name could be read; `check` leaves their
  /// committed output alone instead of calling it left over.
  private(set) var failedServiceNames: Set<String> = []
  /// Specs without environments skipped because `environment` (`render --env`) was asked for.
  private(set) var withoutSelectedEnvironment = 0
  /// The spec file that claimed each service name first.
  private var claimedBy: [String: String] = [:]
  /// The spec file (and environment) that claimed each base of AWS names (`NAME` or `NAME-ENV`).
  private var awsNameClaims: [String: String] = [:]
  /// The listener rule priorities claimed so far (`load_balancer.priority` on a shared listener).
  private var listenerPriorities = ListenerPriorityClaims()

  /// Whether to plan the specs; `lint` only loads and checks them.
  var plans = true
  /// Only this environment of specs with `environments:` (`render --env`): a spec without it is
  /// an error, a spec without environments is left out.
  var environment: String?

  /// Reads `files` chunk by chunk and hands each chunk's plans, in file order, to `consume`.
  /// Throws the first file that cannot be read, or what `consume` throws.
  mutating func run(
    _ files: [SpecFile], _ consume: ([DeploymentPlan]) throws(ToolFailure) -> Void = { _ in }
  ) throws(StreamFailure) {
    // A file that cannot be read fails the command before the first chunk writes anything.
    for file in files {
      if let reason = Self.unreadableReason(file.readPath) {
        throw .unreadable(ToolFailure("cannot read \(file.displayPath): \(reason)"))
      }
    }
    var start = 0
    while start < files.count {
      let chunk = Array(files[start..<min(start + Self.chunkSize, files.count)])
      start += chunk.count
      let plans = self.plans
      let loaded = Parallel.map(chunk.count) { index in
        Result { () throws(SpecReadError) -> (LoadedSpec, [DeploymentPlan]?) in
          let spec = try ServiceSpecLoader.load(
            path: chunk[index].readPath, displayName: chunk[index].displayPath)
          guard plans, !spec.hasErrors else { return (spec, nil) }
          // One plan per environment for a spec with `environments:`.
          return (spec, try? DeploymentPlanner().plans(spec))
        }
      }
      var accepted: [DeploymentPlan] = []
      for result in loaded {
        let (spec, plans): (LoadedSpec, [DeploymentPlan]?)
        do {
          (spec, plans) = try result.get()
        } catch {
          throw .unreadable(ToolFailure(error.description))
        }
        accepted += accept(spec, plans)
      }
      do {
        try consume(accepted)
      } catch {
        throw .consumer(error)
      }
    }
  }

  /// Why the file at `path` cannot be opened for reading, in the loader's words; nil when it can.
  private static func unreadableReason(_ path: String) -> String? {
    // The loader's own test (a readable regular file), so that a FIFO or a socket fails here,
    // before anything is written, and not when its chunk is loaded.
    switch FileBytes.readability(of: path) {
    case nil: nil
    case .notFound: "no such file"
    case .isDirectory: "it is a directory"
    case .unreadable, .tooLarge: "permission denied or unreadable"
    }
  }

  /// Records one loaded spec in file order; returns its plans (one, or one per environment) when
  /// it is the first for its service.
  private mutating func accept(_ spec: LoadedSpec, _ plans: [DeploymentPlan]?) -> [DeploymentPlan] {
    specCount += 1
    diagnostics += spec.diagnostics
    diagnostics += listenerPriorities.claim(spec)
    guard self.plans else { return [] }
    guard var plans, let plan = plans.first else {
      if let name = spec.spec?.name?.value { failedServiceNames.insert(name) }
      return []
    }
    if let other = claimedBy[plan.service.name], let name = spec.spec?.name {
      diagnostics.append(
        .error(
          "duplicate-service", at: name.location,
          "service `\(plan.service.name)` is also defined in \(other); both would render into the same folder, so rename one"
        ))
      return []
    }
    // AWS names derive from `NAME-ENV` with environments and from `NAME` without: service `web`
    // in environment `prod` and a service `web-prod` would share a cluster, roles, log group and
    // repository. (Its own environments never collide: the planner checks that.)
    let baseNames = plans.map { $0.environment?.qualifiedName ?? $0.service.name }
    if let taken = baseNames.first(where: { awsNameClaims[$0] != nil }),
      let other = awsNameClaims[taken], let name = spec.spec?.name
    {
      diagnostics.append(
        .error(
          "duplicate-aws-name", at: name.location,
          "this spec's AWS names start with `\(taken)`, as those of \(other) do; the two would share the cluster, roles, log group and image repository named from it, so rename one service (or environment)"
        ))
      return []
    }
    for (plan, baseName) in zip(plans, baseNames) {
      let environment = plan.environment.map { " (environment \($0.name))" } ?? ""
      awsNameClaims[baseName] = "\(spec.file)\(environment)"
    }
    claimedBy[plan.service.name] = spec.file
    plannedServiceNames.insert(plan.service.name)
    if let environment {
      plans = select(environment, from: plans, spec)
      guard !plans.isEmpty else { return [] }
    }
    planCount += 1
    return plans
  }

  /// The plan of `environment` only; none (after an error when the spec has other environments)
  /// when the spec lacks it.
  private mutating func select(
    _ environment: String, from plans: [DeploymentPlan], _ spec: LoadedSpec
  ) -> [DeploymentPlan] {
    let names = plans.compactMap { $0.environment?.name }
    let selected = plans.filter { $0.environment?.name == environment }
    if selected.isEmpty, names.isEmpty {
      // A spec without environments in a run for one environment: nothing to render for it,
      // and nothing wrong with it either.
      withoutSelectedEnvironment += 1
      if let name = spec.spec?.name {
        diagnostics.append(
          .note(
            "unknown-environment", at: name.location,
            "`--env \(environment)`: this spec has no `environments:`, so it has no environment `\(environment)` and nothing was rendered for it; render it without `--env`"
          ))
      }
    } else if selected.isEmpty, let name = spec.spec?.name {
      diagnostics.append(
        .error(
          "unknown-environment", at: name.location,
          "`--env \(environment)`: this spec has no environment `\(environment)`; its environments are \(names.map { "`\($0)`" }.joined(separator: ", "))"
        ))
    }
    return selected
  }
}

/// Why a `SpecStream` stopped: a spec file could not be read, or the consumer failed.
enum StreamFailure: Error {
  /// Says which file and why (`cannot read PATH: REASON`, as the loader says it).
  case unreadable(ToolFailure)
  case consumer(ToolFailure)

  /// The failure to report, whichever it was.
  var failure: ToolFailure {
    switch self {
    case .unreadable(let failure), .consumer(let failure): failure
    }
  }
}
