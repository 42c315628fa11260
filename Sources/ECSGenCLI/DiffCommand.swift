import ArgumentParser

/// `ecsgen diff`.
public struct Diff: StatusReporting {
  public static let configuration = CommandConfiguration(
    abstract: "Show what differs between two environments of one spec, key by key.",
    discussion: """
      Resolves the plans of environments FROM and TO of a spec with `environments:` and prints \
      every key of the plan whose value differs, as `path: FROM-value -> TO-value`. Names that \
      differ only because they carry the environment (`NAME-dev`, `NAME-prod`) are left out; a \
      name that still differs is one the spec changes.

      Exit codes: 0 compared, 1 the spec has errors, 2 ecsgen could not run (no such \
      environment, an unreadable spec).

      Examples:
        ecsgen diff specs/orders.yaml dev prod
      """)

  @Argument(help: "The spec file.")
  public var spec: String

  @Argument(help: "The environment to compare from, such as dev.")
  public var from: String

  @Argument(help: "The environment to compare with, such as prod.")
  public var to: String

  public init() {}

  mutating func execute() -> Int32 {
    let output = DiffRunner(useColor: Terminal.wantsColor).run(spec: spec, from: from, to: to)
    Terminal.write(output)
    return output.status.rawValue
  }
}
