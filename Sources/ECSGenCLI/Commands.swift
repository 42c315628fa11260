import ArgumentParser
import ECSGenDiagnostics
import ECSGenImport
import ECSGenRendering
import Foundation

/// The `ecsgen` command line. `ecsgen` itself only calls `ECSGenCommand.main(arguments:)`.
public struct ECSGenCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "ecsgen",
    abstract: "Generate and check ECS Fargate infrastructure from a short service spec.",
    discussion: """
      A spec is a YAML file that describes one container service behind an Application Load \
      Balancer. ecsgen checks it against what AWS accepts and points every problem at its \
      file:line:column.

      Exit codes:
        0  every spec is clean (warnings allowed unless --strict)
        1  a spec has errors (or warnings under --strict)
        2  ecsgen could not run (unreadable path, bad arguments)

      Examples:
        ecsgen lint                      lint every spec in specs/
        ecsgen lint specs/orders.yaml --format github
        ecsgen render                    render every spec in specs/ into infra/
        ecsgen check                     fail if infra/ is not what specs/ renders
        ecsgen import lambda fn.json     turn a Lambda function into a starter spec
        ecsgen import copilot copilot/api/manifest.yml
                                         turn a Copilot service into a starter spec
      """,
    version: ECSGenVersion.description,
    subcommands: [Lint.self, Render.self, Check.self, Diff.self, Import.self, Version.self])

  public init() {}

  /// Runs the command line and returns the process exit status. Argument errors exit with 2, not
  /// ArgumentParser's usual 64, so that 2 always means "ecsgen could not run".
  public static func main(arguments: [String]) -> Int32 {
    // The everyday lint, render and check lines skip ArgumentParser (see DirectCommandLine).
    if let invocation = DirectCommandLine.parse(arguments) {
      return invocation.run()
    }
    do {
      var command = try parseAsRoot(arguments)
      if var subcommand = command as? StatusReporting {
        return subcommand.execute()
      }
      try command.run()
      return CommandStatus.clean.rawValue
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        print(message)
        return CommandStatus.clean.rawValue
      }
      FileHandle.standardError.write(Data((message + "\n").utf8))
      return CommandStatus.toolFailure.rawValue
    }
  }
}

/// A command that computes its output and exit status; `main` runs it and exits with the status
/// (ArgumentParser's `run()` has no way to return one).
protocol StatusReporting: ParsableCommand {
  mutating func execute() -> Int32
}

extension StatusReporting {}

extension DiagnosticFormat: ExpressibleByArgument {}
extension RenderTarget: ExpressibleByArgument {}

/// `ecsgen render`.
public struct Render: StatusReporting {
  public static let configuration = CommandConfiguration(
    abstract: "Render specs into infrastructure files, one folder per service.",
    discussion: """
      Paths are as for `lint` (no path means specs/). Each valid spec is rendered into \
      DIR/NAME/TARGET/: DIR/NAME/terraform/{versions,variables,main,outputs}.tf, \
      DIR/NAME/cloudformation/template.json and DIR/NAME/github-actions/deploy-NAME.yml. \
      `--target bootstrap` also writes DIR/NAME/bootstrap/*.tf, the one-time setup of the \
      workflow's OIDC roles and state bucket (see the README, first-time setup).

      A spec with errors renders nothing and the command exits 1 after reporting every \
      diagnostic; valid specs are still rendered. Files are written atomically and only when \
      their bytes change; files an earlier render wrote for a target and that are no longer \
      produced are removed. Nothing else in DIR is touched.

      Exit codes: 0 rendered, 1 a spec has errors, 2 ecsgen could not run.

      Examples:
        ecsgen render
        ecsgen render specs/orders.yaml --out infra --target terraform
        ecsgen render specs/orders.yaml --target bootstrap
      """)

  @Argument(help: "Spec files or directories (default: specs/).")
  public var paths: [String] = []

  @Option(name: .long, help: "The output directory.")
  public var out = "infra"

  @Option(
    name: .long,
    help:
      "A target to render (terraform, cloudformation, github-actions, bootstrap); repeat for several. Default: all but bootstrap."
  )
  public var target: [RenderTarget] = []

  @Option(
    name: .long,
    help:
      "Write each workflow here (such as .github/workflows) instead of DIR/NAME/github-actions/.")
  public var workflowsDir: String?

  @Option(
    name: .long,
    help:
      "Render only this environment of specs with `environments:` (into DIR/NAME/ENV/); specs without environments are left out."
  )
  public var env: String?

  public init() {}

  /// The command line's values, as `DirectCommandLine` would read them.
  var invocation: Invocation {
    .render(
      paths: paths, out: out, targets: target, workflowsDir: workflowsDir, environment: env)
  }

  mutating func execute() -> Int32 {
    invocation.run()
  }
}

/// `ecsgen lint`.
public struct Lint: StatusReporting {
  public static let configuration = CommandConfiguration(
    abstract: "Check specs and report every problem with its file:line:column.",
    discussion: """
      Paths are spec files or directories (a directory means its *.yaml and *.yml files, not \
      recursive). With no path, ecsgen lints specs/.

      Formats:
        text    file:line:column: severity: message [rule], with note: lines (default)
        json    an array of {file, line, column, severity, rule, message, notes}
        github  workflow commands, so findings annotate the pull request diff

      Colour is used only on a terminal, and never when NO_COLOR is set.

      Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 ecsgen could not run.

      Examples:
        ecsgen lint
        ecsgen lint specs/orders.yaml specs/billing.yaml --strict
        ecsgen lint specs --format github
      """)

  @Argument(help: "Spec files or directories (default: specs/).")
  public var paths: [String] = []

  @Option(help: "Output format: text, json or github.")
  public var format: DiagnosticFormat = .text

  @Flag(help: "Fail (exit 1) on warnings too.")
  public var strict = false

  public init() {}

  /// The command line's values, as `DirectCommandLine` would read them.
  var invocation: Invocation {
    .lint(paths: paths, format: format, strict: strict)
  }

  mutating func execute() -> Int32 {
    invocation.run()
  }
}

extension CheckRunner.Format: ExpressibleByArgument {}

/// `ecsgen check`.
public struct Check: StatusReporting {
  public static let configuration = CommandConfiguration(
    abstract: "Fail when the committed output is not what the specs render (writes nothing).",
    discussion: """
      Renders the specs in memory and compares every file with what is in DIR (and in the \
      workflows folder, with --workflows-dir). For each file that is stale, missing, or left \
      over from a service or target that no longer produces it, prints a unified diff \
      (a/ is the committed file, b/ what the spec renders) and one line that says what to run; \
      a file another ecsgen version rendered says which.

      Spec files check only their own services (their files, and generated files left over in \
      DIR/NAME/): other services' output in DIR is ignored, so a pull request review of one \
      service passes in a repository of many. A directory (or no path) checks every service: \
      then the output of services without a spec is left over too. Pass the --out and \
      --workflows-dir that render was given.

      Exit codes: 0 everything is up to date, 1 a file differs or a spec has errors, \
      2 ecsgen could not run.

      Examples:
        ecsgen check
        ecsgen check specs --out infra --format github
        ecsgen check specs/orders.yaml --out infra --workflows-dir .github/workflows
      """)

  @Argument(help: "Spec files or directories (default: specs/).")
  public var paths: [String] = []

  @Option(name: .long, help: "The directory the output was rendered into.")
  public var out = "infra"

  @Option(name: .long, help: "The folder workflows were rendered into with render --workflows-dir.")
  public var workflowsDir: String?

  @Option(help: "Output format: text, or github (workflow commands that annotate the diff).")
  public var format: CheckRunner.Format = .text

  public init() {}

  /// The command line's values, as `DirectCommandLine` would read them.
  var invocation: Invocation {
    .check(paths: paths, out: out, workflowsDir: workflowsDir, format: format)
  }

  mutating func execute() -> Int32 {
    invocation.run()
  }
}

/// `ecsgen import`.
public struct Import: ParsableCommand {
  public static let configuration = CommandConfiguration(
    abstract: "Start a spec from something that already runs.",
    subcommands: [ImportLambda.self, ImportCopilot.self])

  public init() {}
}

/// `ecsgen import lambda`.
public struct ImportLambda: StatusReporting {
  public static let configuration = CommandConfiguration(
    commandName: "lambda",
    abstract: "Turn a Lambda function's configuration into a starter spec.",
    discussion: """
      FILE is the JSON printed by `aws lambda get-function-configuration` or by \
      `aws lambda get-function` (which adds the image URI of an image function). The spec maps \
      every setting that has an equivalent, explains each mapping in a comment, and names what \
      has none in a WARNING comment; TODO comments mark what is left to do by hand.

      The function's triggers choose the kind: an SQS event source mapping makes a worker on \
      that queue, a schedule or a rule with a schedule makes a job on that schedule, a rule \
      with an event pattern makes a job per event; without them (a function URL, API \
      Gateway) the spec is a web service. The first trigger that maps decides; the others are \
      named in WARNING comments.

      Exit codes: 0 imported, 1 an input is not usable (the message names the file), \
      2 ecsgen could not run.

      Examples:
        aws lambda get-function --function-name orders-sync > orders-sync.json
        ecsgen import lambda orders-sync.json --out specs/orders-sync.yaml
        aws lambda list-event-source-mappings --function-name orders-sync > m.json
        ecsgen import lambda orders-sync.json --event-source-mappings m.json
      """)

  @Argument(help: "The function's configuration as JSON.")
  public var file: String

  @Option(name: .long, help: "The service name (default: made from the function name).")
  public var name: String?

  @Option(name: .long, help: "Write the spec here instead of standard output.")
  public var out: String?

  @Option(
    name: .long,
    help: "The JSON of `aws lambda list-event-source-mappings --function-name NAME`.")
  public var eventSourceMappings: String?

  @Option(
    name: .long,
    help: "The JSON of `aws scheduler get-schedule` (or a JSON array of them) for the function.")
  public var schedules: String?

  @Option(
    name: .long,
    help: "The JSON of `aws events describe-rule` (or a JSON array of them) for the function.")
  public var rules: String?

  public init() {}

  mutating func execute() -> Int32 {
    let triggerFiles = TriggerFiles(
      eventSourceMappings: eventSourceMappings, schedules: schedules, rules: rules)
    let output = ImportRunner(serviceName: name, outputPath: out, triggerFiles: triggerFiles)
      .run(file: file)
    Terminal.write(output)
    return output.status.rawValue
  }
}

/// `ecsgen import copilot`.
public struct ImportCopilot: StatusReporting {
  public static let configuration = CommandConfiguration(
    commandName: "copilot",
    abstract: "Turn an AWS Copilot workload manifest into a starter spec.",
    discussion: """
      MANIFEST is a Copilot workload manifest (copilot/NAME/manifest.yml): a Load Balanced Web \
      Service, Backend Service, Worker Service, Scheduled Job or Request-Driven Web Service. \
      Every key with an ecsgen equivalent is mapped, with a comment naming the manifest's key \
      and line; every key without one, and every key Copilot ignored (a typo, a key in the \
      wrong place), is named in a WARNING comment. TODO comments mark what is left to do by \
      hand. The application's name comes from copilot/.workspace when it is there.

      --env-manifest (repeatable) takes environment manifests \
      (copilot/environments/ENV/manifest.yml): each environment becomes an environment of the \
      spec, in the order given, with its VPC, subnets and certificate; the manifest's \
      `environments:` overrides apply to them.

      Exit codes: 0 imported, 1 an input is not usable (the message names the file), \
      2 ecsgen could not run.

      Examples:
        ecsgen import copilot copilot/api/manifest.yml --out specs/api.yaml
        ecsgen import copilot copilot/api/manifest.yml \\
          --env-manifest copilot/environments/test/manifest.yml \\
          --env-manifest copilot/environments/prod/manifest.yml
      """)

  @Argument(help: "The workload's manifest.yml.")
  public var manifest: String

  @Option(
    name: .customLong("env-manifest"),
    help: "An environment's manifest.yml; repeat for each environment, in promotion order.")
  public var envManifest: [String] = []

  @Option(name: .long, help: "The service name (default: made from the manifest's name).")
  public var name: String?

  @Option(name: .long, help: "Write the spec here instead of standard output.")
  public var out: String?

  public init() {}

  mutating func execute() -> Int32 {
    let output = CopilotImportRunner(
      serviceName: name, outputPath: out, environmentManifests: envManifest
    ).run(file: manifest)
    Terminal.write(output)
    return output.status.rawValue
  }
}

/// `ecsgen version`.
public struct Version: ParsableCommand {
  public static let configuration = CommandConfiguration(
    abstract: "Print the ecsgen version and the spec version it reads.",
    discussion: "Example:\n  ecsgen version")

  public init() {}

  public func run() {
    print(ECSGenVersion.description)
  }
}

/// The process's terminal: whether to colour, and writing a command's output.
enum Terminal {
  /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
  static var wantsColor: Bool {
    // getenv, not ProcessInfo.environment, which copies the whole environment (3% of a lint).
    let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
    return noColor.isEmpty && isatty(STDOUT_FILENO) != 0
  }

  static func write(_ output: CommandOutput) {
    FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
    FileHandle.standardError.write(Data(output.standardError.utf8))
  }
}
