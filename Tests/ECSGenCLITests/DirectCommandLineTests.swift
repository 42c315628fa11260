import ArgumentParser
import Testing

@testable import ECSGenCLI

/// The direct reader of everyday command lines must agree with ArgumentParser on every line it
/// accepts, and leave everything else (help, completions, mistakes) to ArgumentParser.
@Suite struct DirectCommandLineTests {
  /// What ArgumentParser makes of `arguments`: the invocation, or nil when it is not a lint,
  /// render or check command (help, an error, another subcommand).
  private func argumentParserInvocation(_ arguments: [String]) -> Invocation? {
    guard let command = try? ECSGenCommand.parseAsRoot(arguments) else { return nil }
    switch command {
    case let lint as Lint: return lint.invocation
    case let render as Render: return render.invocation
    case let check as Check: return check.invocation
    default: return nil
    }
  }

  @Test(arguments: [
    ["lint"],
    ["lint", "specs"],
    ["lint", "a.yaml", "b.yaml", "--strict"],
    ["lint", "--format", "json", "specs"],
    ["lint", "--format=github", "a.yaml", "--strict"],
    ["lint", "a=b.yaml"],
    ["render"],
    ["render", "specs/orders.yaml", "--out", "infra", "--target", "terraform"],
    ["render", "--target", "terraform", "specs", "--target=cloudformation", "--out=build"],
    ["render", "specs", "--workflows-dir", ".github/workflows"],
    ["render", "--target", "bootstrap"],
    ["render", "specs/orders.yaml", "--env", "prod"],
    ["render", "--env=staging", "--target", "terraform"],
    ["check"],
    ["check", "specs", "--out", "golden"],
    ["check", "a.yaml", "--format", "github", "--workflows-dir", ".github/workflows"],
  ])
  func readsTheEverydayLinesAsArgumentParserDoes(_ arguments: [String]) throws {
    let direct = try #require(DirectCommandLine.parse(arguments))
    #expect(direct == argumentParserInvocation(arguments))
  }

  @Test(arguments: [
    [],
    ["--help"],
    ["-h"],
    ["help", "lint"],
    ["version"],
    ["--version"],
    ["lint", "--help"],
    ["lint", "-h"],
    ["render", "--help"],
    ["check", "--help"],
    ["--generate-completion-script", "bash"],
    ["lint", "--generate-completion-script=zsh"],
    ["lint", "--format", "xml"],
    ["lint", "--format"],
    ["lint", "--format", "json", "--format", "text"],
    ["lint", "--strict", "--strict"],
    ["lint", "--strict=yes"],
    ["lint", "--no-such-flag"],
    ["lint", "--", "-odd.yaml"],
    ["lint", "-"],
    ["lint", ""],
    ["render", "--target", "pulumi"],
    ["render", "--out"],
    ["render", "--out", "--target", "terraform"],
    ["render", "--out", "a", "--out", "b"],
    ["render", "--out="],
    ["render", "--strict"],
    ["check", "--target", "terraform"],
    ["check", "--format", "json"],
    ["import", "lambda", "fn.json"],
    ["no-such-command"],
  ])
  func leavesEverythingElseToArgumentParser(_ arguments: [String]) {
    #expect(DirectCommandLine.parse(arguments) == nil)
  }
}
