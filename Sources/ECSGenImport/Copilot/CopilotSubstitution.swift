/// Copilot's `${NAME}` substitutions in manifest values. Copilot filled in
/// `${COPILOT_APPLICATION_NAME}` and `${COPILOT_ENVIRONMENT_NAME}` itself and every other
/// `${VAR}` from the shell that ran `copilot deploy`. The importer resolves the two it can know
/// and never reads its own process environment (the spec must not depend on who imported it), so
/// every other variable stays for the user, as a TODO.
public struct CopilotSubstitution: Sendable, Equatable {
  /// The Copilot application's name, when known.
  public var applicationName: String?
  /// The environment the value is for, when known (an `environments:` override or an
  /// environment manifest).
  public var environmentName: String?

  public init(applicationName: String? = nil, environmentName: String? = nil) {
    self.applicationName = applicationName
    self.environmentName = environmentName
  }

  /// A value after substitution, and the variables left in it.
  public struct Result: Sendable, Equatable {
    /// The value with every known variable replaced; unknown ones stay as `${NAME}`.
    public var value: String
    /// The names of the variables that stayed, in order of first appearance, each once.
    public var unresolved: [String]

    public init(value: String, unresolved: [String]) {
      self.value = value
      self.unresolved = unresolved
    }
  }

  /// `text` with the variables this substitution knows replaced.
  public func resolve(_ text: String) -> Result {
    // Placeholder until the substitution lands (issue 15).
    Result(value: text, unresolved: [])
  }
}
