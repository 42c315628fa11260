import ECSGenDiagnostics

/// Turns the diagnostics of each environment's merged spec into what the user reads.
///
/// Every environment is validated on its own, so a problem in the part of the spec they share
/// comes back once per environment. A diagnostic that every environment has (same rule, position,
/// message and notes) is reported once, as it is for a spec without environments. One that only
/// some environments have is reported once, its message starting with the environments it
/// concerns: `in environment prod: ...` or `in environments dev and staging: ...`.
enum EnvironmentDiagnostics {
  static func combine(_ perEnvironment: [(name: String, diagnostics: [Diagnostic])]) -> [Diagnostic]
  {
    var order: [Diagnostic] = []
    var environments: [Diagnostic: [String]] = [:]
    for (name, diagnostics) in perEnvironment {
      for diagnostic in diagnostics {
        if environments[diagnostic] == nil {
          order.append(diagnostic)
          environments[diagnostic] = [name]
        } else if environments[diagnostic]?.last != name {
          environments[diagnostic]?.append(name)
        }
      }
    }
    return order.map { diagnostic in
      let names = environments[diagnostic] ?? []
      guard names.count < perEnvironment.count else { return diagnostic }
      var scoped = diagnostic
      scoped.message = "\(scope(names)): \(diagnostic.message)"
      return scoped
    }
  }

  /// `in environment prod`, `in environments dev and prod`, `in environments dev, qa and prod`.
  static func scope(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    if names.count == 1 { return "in environment \(last)" }
    return "in environments \(names.dropLast().joined(separator: ", ")) and \(last)"
  }
}
