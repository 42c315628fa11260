import ECSGenDiagnostics
import ECSGenImport
import ECSGenSpec
import Foundation

/// The steps every `ecsgen import` shares: read an input with its size checked first, and finish
/// with the imported spec linted, then printed or written atomically, with a summary line.
enum ImportedSpecOutput {
  /// Reads `file` (the size checked first, so a huge file costs nothing) and parses it.
  static func read<Value>(
    _ file: String, limit: Int, tooLarge: (Int) -> ImportError,
    _ parse: (Data) throws(ImportError) -> Value
  ) throws(ImportRunner.InputFailure) -> Value {
    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    if size > limit {
      throw .unusable(file: file, tooLarge(size))
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw .unreadable(file: file)
    }
    do {
      return try parse(data)
    } catch {
      throw .unusable(file: file, error)
    }
  }

  /// Lints `spec` like `ecsgen lint`; with errors (only a bad `--name` makes them: the importers
  /// write specs that lint) nothing is written. Otherwise prints it, or writes it to
  /// `outputPath`, with the summary `describe(service)` and the count of comments to review.
  static func finish(
    _ spec: String, outputPath: String?, describe: (_ service: String) -> String
  ) -> CommandOutput {
    let checked = ServiceSpecLoader.load(text: spec, file: outputPath ?? "<imported spec>")
    let errors = checked.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      return CommandOutput(
        standardError: DiagnosticRenderer(format: .text).render(errors), status: .findings)
    }
    let todos = spec.components(separatedBy: "TODO:").count - 1
    let warnings = spec.components(separatedBy: "WARNING:").count - 1
    let name = checked.spec?.name?.value ?? "?"
    let kind = checked.spec?.kind.map { " (kind: \($0.value.rawValue))" } ?? ""
    var summary =
      "\(describe(name + kind)): review \(todos) TODO and \(warnings) WARNING comment(s)"
    guard let outputPath else {
      return CommandOutput(standardOutput: spec, standardError: summary + "\n", status: .clean)
    }
    do {
      let directory = (outputPath as NSString).deletingLastPathComponent
      if !directory.isEmpty {
        try OutputWriter.makeDirectory(directory)
      }
      try Data(spec.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
    } catch let failure as ToolFailure {
      return .toolFailure(failure)
    } catch {
      return .toolFailure(ToolFailure("cannot write \(outputPath): \(error.localizedDescription)"))
    }
    summary += "; wrote \(outputPath)"
    return CommandOutput(standardError: summary + "\n", status: .clean)
  }
}
