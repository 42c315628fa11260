import ECSGenDiagnostics
import ECSGenPlan
import ECSGenRendering
import ECSGenSpec
import Foundation

/// `ecsgen check`: renders in memory and compares with what is committed. It writes nothing.
///
/// What is checked depends on how the specs are named. Spec files check only their own services:
/// each file they render (stale or missing) and generated files left over in their services' own
/// folders (`DIR/NAME/TARGET/`); other services' output in `DIR` is not theirs to judge, so that a
/// pull request review of one service passes in a repository of many. A directory (or no path,
/// `specs/`) means every spec: then the output of services that no spec renders is left over too.
public struct CheckRunner: Sendable {
  /// How `check` reports: a diff and a fix per file, or also workflow commands for GitHub.
  public enum Format: String, Sendable, CaseIterable {
    case text
    case github
  }

  public var outputDirectory: String
  public var workflowsDirectory: String?
  public var format: Format
  public var useColor: Bool
  public var baseDirectory: String?

  public init(
    outputDirectory: String = "infra", workflowsDirectory: String? = nil, format: Format = .text,
    useColor: Bool = false, baseDirectory: String? = nil
  ) {
    self.outputDirectory = outputDirectory
    self.workflowsDirectory = workflowsDirectory
    self.format = format
    self.useColor = useColor
    self.baseDirectory = baseDirectory
  }

  /// One file that is not what the current specs render.
  struct Problem {
    enum Kind: String {
      case stale, missing
      case leftOver = "left over"
    }

    var kind: Kind
    /// The path as the user sees it (`infra/orders-api/terraform/main.tf`).
    var path: String
    var committed: String
    var rendered: String
    var fix: String
  }

  public func run(paths: [String]) -> CommandOutput {
    if let failure = OutputLayout.emptyDirectoryFailure(
      outputDirectory: outputDirectory, workflowsDirectory: workflowsDirectory)
    {
      return .toolFailure(failure)
    }
    let files: [SpecFile]
    do {
      files = try SpecPaths.expand(paths, baseDirectory: baseDirectory)
    } catch {
      return .toolFailure(error)
    }
    var stream = SpecStream()
    var problems: [Problem] = []
    var upToDate = 0
    do {
      try stream.run(files) { plans in
        // Each service's files are compared on their own, so services are checked in parallel.
        let results = Parallel.map(plans.count) { index in check(plans[index], among: plans) }
        for result in results {
          problems += result.problems
          upToDate += result.upToDate
        }
      }
    } catch {
      return .toolFailure(error.failure)
    }
    if namesWholeDirectory(paths) { problems += orphanedServices(stream) }
    return report(problems, upToDate: upToDate, diagnostics: stream.diagnostics)
  }

  /// Renders one service (or environment) in memory and compares its files with what is
  /// committed; `plans` are the others of its chunk (a service's workflow needs all of its
  /// environments).
  private func check(
    _ plan: DeploymentPlan, among plans: [DeploymentPlan]
  ) -> (problems: [Problem], upToDate: Int) {
    var problems: [Problem] = []
    var upToDate = 0
    let fix = renderCommand(spec: plan.specFile)
    let layout = OutputLayout(
      outputDirectory: outputDirectory, workflowsDirectory: workflowsDirectory,
      targets: targetsToCheck(plan), baseDirectory: baseDirectory)
    for set in layout.sets(for: plan, among: plans) {
      let root = resolve(set.root, against: baseDirectory)
      for file in set.files {
        let committed = FileSystem.contents(atPath: root + "/" + file.path).map {
          String(decoding: $0, as: UTF8.self)
        }
        let path = set.root + "/" + file.path
        if committed == file.contents {
          upToDate += 1
        } else {
          problems.append(
            Problem(
              kind: committed == nil ? .missing : .stale, path: path, committed: committed ?? "",
              rendered: file.contents,
              fix: committed.flatMap { otherVersionFix($0, render: fix) } ?? fix))
        }
      }
      if let folder = set.folder {
        let produced = Set(set.files.map(\.path))
        for leftOver in OutputWriter.generatedFiles(in: folder, root: root, skipping: produced) {
          problems.append(leftOverProblem(set.root, leftOver, root: root, fix: fix))
        }
      }
    }
    return (problems, upToDate)
  }

  /// The default targets, plus the bootstrap where it was rendered (its folder holds generated
  /// files): it is optional, so its absence is not "missing", but once committed it must stay
  /// current.
  private func targetsToCheck(_ plan: DeploymentPlan) -> [RenderTarget] {
    let root = resolve(outputDirectory, against: baseDirectory)
    let folder = "\(plan.outputFolder)/\(RenderTarget.bootstrap.folder)"
    let rendered = !OutputWriter.generatedFiles(in: folder, root: root, skipping: []).isEmpty
    return RenderTarget.defaultTargets + (rendered ? [.bootstrap] : [])
  }

  /// Whether the specs were named by directory (or not at all: `specs/`), which claims every
  /// service whose output is in `DIR`.
  private func namesWholeDirectory(_ paths: [String]) -> Bool {
    paths.isEmpty
      || paths.contains { path in
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(
          atPath: resolve(path, against: baseDirectory), isDirectory: &isDirectory)
        return exists && isDirectory.boolValue
      }
  }

  /// The fix for a file that another version of ecsgen rendered: its bytes differ because the
  /// tool differs, not (only) the spec.
  private func otherVersionFix(_ committed: String, render: String) -> String? {
    guard committed.prefix(1024).contains(GeneratedMarker.text) else { return nil }
    let version = GeneratedMarker.renderingVersion(of: committed)
    guard version != ToolInfo.version else { return nil }
    let rendered =
      version.map { "ecsgen \($0)" } ?? "an earlier ecsgen (its header names no version)"
    return
      "rendered by \(rendered), this is ecsgen \(ToolInfo.version): \(render) with this ecsgen,"
      + " or check with the ecsgen that rendered it (in the workflow: the repository variable"
      + " ECSGEN_REF, its commit)"
  }

  /// Generated files of services that no spec renders any more (their spec was deleted or
  /// renamed). Services whose spec has errors are left alone: their output is not known.
  private func orphanedServices(_ stream: SpecStream) -> [Problem] {
    let root = resolve(outputDirectory, against: baseDirectory)
    let rendered = stream.plannedServiceNames.union(stream.failedServiceNames)
    let services = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    var problems: [Problem] = []
    for service in services.sorted() where !rendered.contains(service) {
      // `NAME/TARGET`, and `NAME/ENV/TARGET` for a service that had environments.
      for target in RenderTarget.allCases {
        for folder in [service] + environmentFolders(of: service, root: root) {
          let folder = "\(folder)/\(target.folder)"
          for file in OutputWriter.generatedFiles(in: folder, root: root, skipping: []) {
            problems.append(
              leftOverProblem(
                outputDirectory, file, root: root,
                fix:
                  "no spec renders service `\(service)` any more: delete \(outputDirectory)/\(folder)/"
              ))
          }
        }
      }
    }
    return problems
  }

  /// `NAME/ENV` for each folder of `DIR/NAME` that is not a target's folder.
  private func environmentFolders(of service: String, root: String) -> [String] {
    let targets = Set(RenderTarget.allCases.map(\.folder))
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(service)")) ?? []
    return entries.sorted().filter { !targets.contains($0) }.map { "\(service)/\($0)" }
  }

  private func leftOverProblem(
    _ displayRoot: String, _ path: String, root: String, fix: String
  ) -> Problem {
    let committed = FileManager.default.contents(atPath: root + "/" + path).map {
      String(decoding: $0, as: UTF8.self)
    }
    return Problem(
      kind: .leftOver, path: displayRoot + "/" + path, committed: committed ?? "", rendered: "",
      fix: fix)
  }

  private func renderCommand(spec: String) -> String {
    var command = "run `ecsgen render \(spec) --out \(outputDirectory)"
    if let workflowsDirectory { command += " --workflows-dir \(workflowsDirectory)" }
    return command + "`"
  }

  private func report(
    _ problems: [Problem], upToDate: Int, diagnostics: [Diagnostic]
  ) -> CommandOutput {
    // Only errors: they are why a spec rendered nothing. Warnings and notes are `lint`'s job.
    let sorted = diagnostics.filter { $0.severity == .error }.sortedForOutput()
    var output = DiagnosticRenderer(
      format: format == .github ? .github : .text, useColor: useColor && format == .text
    ).render(sorted)
    for problem in problems.sorted(by: { $0.path < $1.path }) {
      // git's a/ and b/ prefixes, so that the diff can be applied with `git apply`.
      let relative = !problem.path.hasPrefix("/")
      let diff = UnifiedDiff.render(
        old: problem.committed, new: problem.rendered,
        oldLabel: relative ? "a/\(problem.path)" : problem.path,
        newLabel: relative ? "b/\(problem.path)" : problem.path)
      let line = "\(problem.path): \(problem.kind.rawValue); \(problem.fix)"
      switch format {
      case .text:
        output += diff + line + "\n"
      case .github:
        // Every value is escaped as GitHub documents; the diff's own lines are escaped one by one
        // (each starts with ` `, `+`, `-` or `@`, so none can be read as a command once a CR
        // inside a committed file can no longer start a line of its own).
        let escapedDiff = diff.unicodeScalars.split(
          separator: "\n", omittingEmptySubsequences: false
        )
        .map { DiagnosticRenderer.escapeData(String(String.UnicodeScalarView($0))) }
        .joined(separator: "\n")
        output +=
          "::group::"
          + DiagnosticRenderer.escapeData("\(problem.path) (\(problem.kind.rawValue))") + "\n"
          + escapedDiff + "::endgroup::\n"
        output +=
          "::error file=\(DiagnosticRenderer.escapeProperty(problem.path)),"
          + "title=\(DiagnosticRenderer.escapeProperty(problem.kind.rawValue + " output"))::"
          + DiagnosticRenderer.escapeData(
            "\(problem.path) is \(problem.kind.rawValue); \(problem.fix)")
          + "\n"
      }
    }
    let counts = [Problem.Kind.stale, .missing, .leftOver].map { kind in
      "\(problems.count { $0.kind == kind }) \(kind.rawValue)"
    }
    let summary =
      "checked \(upToDate + problems.count { $0.kind != .leftOver }) generated files: \(upToDate) up to date, "
      + counts.joined(separator: ", ") + "\n"
    let failed = !problems.isEmpty || sorted.containsErrors
    return CommandOutput(
      standardOutput: output, standardError: summary, status: failed ? .findings : .clean)
  }
}
