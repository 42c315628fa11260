import ECSGenDiagnostics
import ECSGenSpec

/// `ecsgen lint`: reads specs, reports every finding, and decides the exit status.
public struct LintRunner: Sendable {
  public var format: DiagnosticFormat
  public var strict: Bool
  public var useColor: Bool
  /// Where relative paths are resolved; nil means the working directory.
  public var baseDirectory: String?

  public init(
    format: DiagnosticFormat = .text, strict: Bool = false, useColor: Bool = false,
    baseDirectory: String? = nil
  ) {
    self.format = format
    self.strict = strict
    self.useColor = useColor
    self.baseDirectory = baseDirectory
  }

  public func run(paths: [String]) -> CommandOutput {
    let files: [SpecFile]
    do {
      files = try SpecPaths.expand(paths, baseDirectory: baseDirectory)
    } catch {
      return .toolFailure(error)
    }
    var stream = SpecStream()
    stream.plans = false
    do {
      try stream.run(files)
    } catch {
      return .toolFailure(error.failure)
    }
    let diagnostics = stream.diagnostics.sortedForOutput()
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    let failed = errors > 0 || (strict && warnings > 0)
    var summary = ""
    if format == .text {
      summary =
        "linted \(plural(stream.specCount, "spec")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        + (strict && warnings > 0 && errors == 0 ? " (failing: --strict)" : "") + "\n"
    }
    return CommandOutput(
      standardOutput: DiagnosticRenderer(format: format, useColor: useColor).render(diagnostics),
      standardError: summary,
      status: failed ? .findings : .clean)
  }

  private func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
