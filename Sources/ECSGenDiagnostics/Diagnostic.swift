/// One finding about a spec: where it is, how serious, which rule, and what to do about it.
///
/// `rule` is a stable identifier (`fargate-size`, `unknown-key`, ...) that users can search for
/// and that tools can match on; never rename one without keeping the old id working.
public struct Diagnostic: Hashable, Sendable {
  public var location: SourceLocation
  public var severity: Severity
  public var rule: String
  /// What is wrong, what is allowed, and how to fix it, in one sentence or two.
  public var message: String
  /// Extra lines printed under the diagnostic (`note: ...`), such as the allowed values.
  public var notes: [String]

  public init(
    _ severity: Severity, _ rule: String, at location: SourceLocation, _ message: String,
    notes: [String] = []
  ) {
    self.location = location
    self.severity = severity
    self.rule = rule
    self.message = message
    self.notes = notes
  }

  public static func error(
    _ rule: String, at location: SourceLocation, _ message: String, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(.error, rule, at: location, message, notes: notes)
  }

  public static func warning(
    _ rule: String, at location: SourceLocation, _ message: String, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(.warning, rule, at: location, message, notes: notes)
  }

  public static func note(
    _ rule: String, at location: SourceLocation, _ message: String, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(.note, rule, at: location, message, notes: notes)
  }
}

extension Array where Element == Diagnostic {
  /// Diagnostics in the order users read them: by file, line, column, then severity and rule so
  /// that two findings at one position always come out the same way.
  public func sortedForOutput() -> [Diagnostic] {
    sorted { lhs, rhs in
      if lhs.location != rhs.location { return lhs.location < rhs.location }
      if lhs.severity != rhs.severity { return lhs.severity.rank < rhs.severity.rank }
      if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
      return lhs.message < rhs.message
    }
  }

  /// True when any diagnostic is an error.
  public var containsErrors: Bool { contains { $0.severity == .error } }
}

/// A diagnostic can be thrown or carried in a `Result` by a stage that cannot go on after it
/// (an unreadable file has nothing further to check).
extension Diagnostic: Error {}
