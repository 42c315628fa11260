import ECSGenDiagnostics

/// A listener holds one rule per priority: two services (or two environments of one) that claim
/// the same `load_balancer.priority` on the same `listener_arn` would collide at apply time (the
/// second rule fails with `PriorityInUse`). This finds them before anything is applied, within a
/// spec's environments and across the specs of one run, and reports the clash at both places.
public struct ListenerPriorityClaims: Sendable {
  /// The first claim of each listener and priority: where it was written and by whom.
  private var claims: [String: (location: SourceLocation, owner: String, file: String)] = [:]
  /// Whether clashes between the environments of one spec count; the loader reports those
  /// (`init(withinSpecs: true)`), so a run over many specs counts only clashes between files.
  private let withinSpecs: Bool

  public init(withinSpecs: Bool = false) {
    self.withinSpecs = withinSpecs
  }

  /// Records the claims of `loaded` (each environment's, or the spec's own) and returns an error
  /// for each one that an earlier claim already holds, at both places.
  public mutating func claim(_ loaded: LoadedSpec) -> [Diagnostic] {
    let specs = loaded.environments.isEmpty ? [loaded.spec].compactMap { $0 } : loaded.environments
    var diagnostics: [Diagnostic] = []
    for spec in specs {
      guard let listener = spec.loadBalancer?.sharedListener, let priority = listener.priority
      else { continue }
      let environment = spec.deploymentEnvironment.map { " (environment \($0.name.value))" } ?? ""
      let owner = "\(loaded.file)\(environment)"
      let key = "\(listener.listenerARN.value)\u{0}\(priority.value)"
      guard let first = claims[key] else {
        claims[key] = (priority.location, owner, loaded.file)
        continue
      }
      guard withinSpecs || first.file != loaded.file else { continue }
      // Environments that inherit one priority from the base share its location: one error.
      let places =
        first.location == priority.location
        ? [priority.location] : [first.location, priority.location]
      for location in places {
        diagnostics.append(
          .error(
            "listener-priority-clash", at: location,
            "`load_balancer.priority` \(priority.value) on listener `\(listener.listenerARN.value)` is claimed by \(first.owner) and by \(owner); a listener holds one rule per priority, so the second apply would fail: give each service (and each environment, by overriding `load_balancer.priority`) its own priority"
          ))
      }
    }
    return diagnostics
  }
}
