import ECSGenDiagnostics
import ECSGenRendering

/// Reads the everyday `lint`, `render` and `check` command lines without ArgumentParser.
///
/// Why: ArgumentParser builds its command tree by reflection and runtime protocol-conformance
/// lookups, which cost about 2.7 ms of a 7 ms `ecsgen lint FILE` (measured with `perf`; see
/// issue 11). Editors lint on save and CI lints every commit, so the common forms skip it.
///
/// It accepts only what it fully understands: the subcommand first, then paths and the
/// subcommand's own options (`--name value` or `--name=value`, each single-valued option at most
/// once, values that ArgumentParser accepts). Anything else, such as `--help`, `help`,
/// `--generate-completion-script`, an unknown option, a bad value or a value that starts with `-`,
/// returns nil, and ArgumentParser parses the line as before, so help, completions and error
/// messages are exactly ArgumentParser's. `DirectCommandLineTests` checks that every line read
/// here gives the invocation ArgumentParser gives.
public enum DirectCommandLine {
  /// The invocation `arguments` (without the program name) ask for, or nil when ArgumentParser
  /// should read them.
  public static func parse(_ arguments: [String]) -> Invocation? {
    guard let command = arguments.first,
      let options = OptionValues(arguments.dropFirst(), kind: { optionKind(command, $0) })
    else { return nil }
    switch command {
    case "lint":
      guard let format = options.single("--format", DiagnosticFormat.init(rawValue:)) else {
        return nil
      }
      return .lint(paths: options.paths, format: format ?? .text, strict: options.strict)
    case "render":
      guard let targets = options.all("--target", RenderTarget.init(rawValue:)) else {
        return nil
      }
      return .render(
        paths: options.paths, out: options.values["--out"]?.first ?? "infra", targets: targets,
        workflowsDir: options.values["--workflows-dir"]?.first,
        environment: options.values["--env"]?.first)
    case "check":
      guard let format = options.single("--format", CheckRunner.Format.init(rawValue:)) else {
        return nil
      }
      return .check(
        paths: options.paths, out: options.values["--out"]?.first ?? "infra",
        workflowsDir: options.values["--workflows-dir"]?.first, format: format ?? .text)
    default:
      return nil
    }
  }

  /// How `command`'s option `name` is written, or nil when it has no such option. Must match
  /// the `@Option`/`@Flag` declarations in Commands.swift (the tests compare the two). A switch,
  /// not a dictionary: a dictionary's generic metadata costs a one-spec lint 3% to instantiate.
  private static func optionKind(_ command: String, _ name: String) -> OptionKind? {
    switch (command, name) {
    case ("lint", "--format"), ("render", "--out"), ("render", "--workflows-dir"),
      ("render", "--env"),
      ("check", "--out"), ("check", "--workflows-dir"), ("check", "--format"):
      .single
    case ("lint", "--strict"): .flag
    case ("render", "--target"): .repeating
    default: nil
    }
  }
}

/// How an option is written on the command line.
enum OptionKind {
  /// `--strict`: no value.
  case flag
  /// `--out DIR`: one value, at most once.
  case single
  /// `--target T`: one value per use, any number of uses.
  case repeating
}

/// The paths and option values of one command line, or nil (from `init`) when it holds anything
/// `DirectCommandLine` leaves to ArgumentParser.
struct OptionValues {
  var paths: [String] = []
  var values: [String: [String]] = [:]
  var strict = false

  init?(_ arguments: ArraySlice<String>, kind optionKind: (String) -> OptionKind?) {
    var rest = arguments
    while let argument = rest.popFirst() {
      // An empty argument or a lone `-`: let ArgumentParser decide what it means.
      guard !argument.isEmpty, argument != "-" else { return nil }
      guard argument.hasPrefix("-") else {
        paths.append(argument)
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      guard let kind = optionKind(name) else { return nil }
      switch kind {
      case .flag:
        guard inlineValue == nil, !strict else { return nil }
        strict = true
      case .single, .repeating:
        guard kind == .repeating || values[name] == nil,
          let value = inlineValue ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-")
        else { return nil }
        values[name, default: []].append(value)
      }
    }
  }

  /// The value of a single-valued option: `.some(nil)` when absent, nil when it does not parse.
  func single<Value>(_ name: String, _ parse: (String) -> Value?) -> Value?? {
    guard let raw = values[name]?.first else { return .some(nil) }
    guard let value = parse(raw) else { return nil }
    return .some(value)
  }

  /// Every value of a repeating option, in order; nil when one does not parse.
  func all<Value>(_ name: String, _ parse: (String) -> Value?) -> [Value]? {
    var parsed: [Value] = []
    for raw in values[name] ?? [] {
      guard let value = parse(raw) else { return nil }
      parsed.append(value)
    }
    return parsed
  }
}
