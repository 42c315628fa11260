import ECSGenDiagnostics
import ECSGenRendering

/// What a `lint`, `render` or `check` command line asks for, as plain values.
///
/// Both ways of reading a command line end here: ArgumentParser's commands (`Lint`, `Render`,
/// `Check`) and `DirectCommandLine`, which reads the everyday forms without ArgumentParser. Running
/// one invocation is therefore the same code whichever parser produced it, and a test compares the
/// two parsers by the invocation they produce.
public enum Invocation: Equatable, Sendable {
  case lint(paths: [String], format: DiagnosticFormat, strict: Bool)
  case render(
    paths: [String], out: String, targets: [RenderTarget], workflowsDir: String?,
    environment: String? = nil)
  case check(
    paths: [String], out: String, workflowsDir: String?, format: CheckRunner.Format)

  /// Runs the command, writes its output to standard output and standard error, and returns the
  /// process exit status.
  public func run() -> Int32 {
    let output = self.output(useColor: Terminal.wantsColor)
    Terminal.write(output)
    return output.status.rawValue
  }

  /// What the command produces, without writing it.
  func output(useColor: Bool) -> CommandOutput {
    switch self {
    case .lint(let paths, let format, let strict):
      return LintRunner(format: format, strict: strict, useColor: useColor).run(paths: paths)
    case .render(let paths, let out, let targets, let workflowsDir, let environment):
      return RenderRunner(
        outputDirectory: out, workflowsDirectory: workflowsDir,
        targets: targets.isEmpty ? RenderTarget.defaultTargets : targets, useColor: useColor,
        environment: environment
      ).run(paths: paths)
    case .check(let paths, let out, let workflowsDir, let format):
      return CheckRunner(
        outputDirectory: out, workflowsDirectory: workflowsDir, format: format,
        useColor: useColor
      ).run(paths: paths)
    }
  }
}
