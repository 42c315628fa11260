import ECSGenDiagnostics
import ECSGenSpec
import Foundation

/// `ecsgen lint`: reads specs, reports every finding, and decides the exit status.
public struct LintRunner: Sendable {
  public var format: DiagnosticFormat
  public var strict: Bool
  public var useColor: Bool

  public init(format: DiagnosticFormat = .text, strict: Bool = false, useColor: Bool = false) {
    self.format = format
    self.strict = strict
    self.useColor = useColor
  }

  public func run(paths: [String]) -> CommandOutput {
    let files: [String]
    do {
      files = try SpecPaths.expand(paths)
    } catch {
      return CommandOutput(standardError: "ecsgen: error: \(error)\n", status: .toolFailure)
    }
    let loaded: [LoadedSpec]
    do {
      loaded = try SpecBatch.load(files)
    } catch {
      return CommandOutput(standardError: "ecsgen: error: \(error)\n", status: .toolFailure)
    }
    let diagnostics = loaded.flatMap(\.diagnostics).sortedForOutput()
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    let failed = errors > 0 || (strict && warnings > 0)
    let renderer = DiagnosticRenderer(format: format, useColor: useColor)
    var summary = ""
    if format == .text {
      summary =
        "linted \(files.count) spec\(files.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        + (strict && warnings > 0 && errors == 0 ? " (failing: --strict)" : "") + "\n"
    }
    return CommandOutput(
      standardOutput: renderer.render(diagnostics), standardError: summary,
      status: failed ? .findings : .clean)
  }
}

/// Loads many spec files, on all cores when there are enough of them to pay for the threads.
public enum SpecBatch {
  public static func load(_ files: [String]) throws(SpecReadError) -> [LoadedSpec] {
    if files.count < 16 {
      var results: [LoadedSpec] = []
      for file in files { results.append(try ServiceSpecLoader.load(path: file)) }
      return results
    }
    let slots = ResultSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots.set(
        index, Result { () throws(SpecReadError) in try ServiceSpecLoader.load(path: files[index]) }
      )
    }
    return try slots.values()
  }
}

/// Results written by index from concurrent iterations; each slot is written exactly once.
private final class ResultSlots: @unchecked Sendable {
  private var results: [Result<LoadedSpec, SpecReadError>?]
  private let lock = NSLock()

  init(count: Int) {
    results = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ result: Result<LoadedSpec, SpecReadError>) {
    lock.lock()
    results[index] = result
    lock.unlock()
  }

  func values() throws(SpecReadError) -> [LoadedSpec] {
    var loaded: [LoadedSpec] = []
    for result in results {
      guard let result else { continue }
      loaded.append(try result.get())
    }
    return loaded
  }
}
