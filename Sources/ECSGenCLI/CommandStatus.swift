/// ecsgen's exit codes, documented in `--help` and the README.
public enum CommandStatus: Int32, Sendable {
  /// Every spec is clean (warnings are allowed unless `--strict`).
  case clean = 0
  /// A spec has errors (or warnings under `--strict`).
  case findings = 1
  /// ecsgen could not run: an unreadable path, bad arguments.
  case toolFailure = 2
}

/// What a command produced: the text for standard output and standard error, and the exit status.
/// Commands return this instead of printing so that tests can run them in-process.
public struct CommandOutput: Sendable, Equatable {
  public var standardOutput: String
  public var standardError: String
  public var status: CommandStatus

  public init(standardOutput: String = "", standardError: String = "", status: CommandStatus) {
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.status = status
  }
}

extension CommandOutput {
  /// The output of a command that could not run: the reason on standard error, status 2.
  public static func toolFailure(_ failure: ToolFailure) -> CommandOutput {
    CommandOutput(standardError: "ecsgen: error: \(failure)\n", status: .toolFailure)
  }
}

/// A failure that stops a command before it could check anything (exit status 2).
public struct ToolFailure: Error, CustomStringConvertible, Sendable {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}
