import ECSGenDiagnostics
import ECSGenImport
import ECSGenSpec
import Foundation

/// `ecsgen import lambda`: a Lambda function's configuration → a starter spec, checked with the
/// same validation as `lint` before it is printed or written.
public struct ImportRunner: Sendable {
  public var serviceName: String?
  /// Where to write the spec; standard output when nil.
  public var outputPath: String?

  public init(serviceName: String? = nil, outputPath: String? = nil) {
    self.serviceName = serviceName
    self.outputPath = outputPath
  }

  public func run(file: String) -> CommandOutput {
    // The size is checked before the file is read, so a huge file costs nothing.
    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    if size > LambdaConfigurationReader.maxBytes {
      let error = ImportError(
        tooLarge: size, limit: LambdaConfigurationReader.maxBytes)
      return CommandOutput(
        standardError: "ecsgen: error: \(DiagnosticRenderer.escapeText(file)): \(error)\n",
        status: .findings)
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      return .toolFailure(ToolFailure("\(file): cannot read the file"))
    }
    let function: LambdaFunction
    do {
      function = try LambdaConfigurationReader.read(data)
    } catch {
      return CommandOutput(
        standardError:
          "ecsgen: error: \(DiagnosticRenderer.escapeText("\(file): \(error)"))\n",
        status: .findings)
    }
    let spec = LambdaImporter(sourceFile: file, serviceName: serviceName).spec(for: function)
    let checked = ServiceSpecLoader.load(text: spec, file: outputPath ?? "<imported spec>")
    let errors = checked.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      // Only a bad --name gets here: the importer itself writes valid specs.
      return CommandOutput(
        standardError: DiagnosticRenderer(format: .text).render(errors), status: .findings)
    }
    let todos = spec.components(separatedBy: "TODO:").count - 1
    let warnings = spec.components(separatedBy: "WARNING:").count - 1
    let name = checked.spec?.name?.value ?? "?"
    var summary =
      "imported the Lambda function \(function.name) as the service \(name): review \(todos) TODO and \(warnings) WARNING comment(s)"
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
