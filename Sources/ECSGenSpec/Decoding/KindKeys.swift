/// Which top-level keys each kind accepts. Every key not listed here is shared by all kinds.
///
/// The decoder knows every kind's keys (so a typo of any of them still gets "did you mean"); the
/// validator reports a key that the spec's kind does not accept as `kind-key`.
enum KindKeys {
  private static let services: [ServiceKind] = [.web, .backend, .worker]

  /// The kinds that accept each kind-specific key, in `SpecKeys.topLevel` order.
  static let owners: [(key: String, kinds: [ServiceKind])] = [
    ("port", [.web, .backend]),
    ("health_check", [.web]),
    ("load_balancer", [.web]),
    ("autoscaling", services),
    ("count", services),
    ("deployment", services),
    ("queue", [.worker]),
    ("schedule", [.job]),
    ("on", [.job]),
    ("timeout", [.job]),
    ("capacity", services),
    ("exec", services),
  ]

  /// The kinds that accept `key`; every kind for a shared key.
  static func kinds(accepting key: String) -> [ServiceKind] {
    owners.first { $0.key == key }?.kinds ?? ServiceKind.allCases
  }

  /// The top-level keys a spec of `kind` accepts, in README order.
  static func topLevel(for kind: ServiceKind) -> [String] {
    SpecKeys.topLevel.filter { kinds(accepting: $0).contains(kind) }
  }

  /// The kind-specific keys that `kind` accepts (the shared ones left out).
  static func ownKeys(of kind: ServiceKind) -> [String] {
    owners.filter { $0.kinds.contains(kind) }.map(\.key)
  }
}
