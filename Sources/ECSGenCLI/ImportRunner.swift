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
  /// The function's triggers (`--event-source-mappings`, `--schedules`, `--rules`), which choose
  /// the kind; none given imports a web service.
  public var triggerFiles: TriggerFiles

  public init(
    serviceName: String? = nil, outputPath: String? = nil,
    triggerFiles: TriggerFiles = TriggerFiles()
  ) {
    self.serviceName = serviceName
    self.outputPath = outputPath
    self.triggerFiles = triggerFiles
  }

  public func run(file: String) -> CommandOutput {
    // Every input is read and checked before anything is written, so a bad trigger file
    // leaves no spec behind.
    let function: LambdaFunction
    var triggers = LambdaTriggers()
    do {
      function = try Self.read(file) { data throws(ImportError) in
        try LambdaConfigurationReader.read(data)
      }
      if let path = triggerFiles.eventSourceMappings {
        triggers.eventSourceMappings = try Self.read(path, LambdaTriggerReader.eventSourceMappings)
      }
      if let path = triggerFiles.schedules {
        triggers.schedules = try Self.read(path, LambdaTriggerReader.schedules)
      }
      if let path = triggerFiles.rules {
        triggers.rules = try Self.read(path, LambdaTriggerReader.rules)
      }
    } catch {
      return error.output
    }
    let spec = LambdaImporter(
      sourceFile: file, serviceName: serviceName, triggerFiles: triggerFiles
    ).spec(for: function, triggers: triggers)
    return ImportedSpecOutput.finish(spec, outputPath: outputPath) { service in
      "imported the Lambda function \(function.name) as the service \(service)"
    }
  }

  /// Why an input could not be imported, as the command's output.
  enum InputFailure: Error {
    /// The file's content is not what it should be: exit status 1, the reason with the file name.
    case unusable(file: String, ImportError)
    /// The file could not be read at all.
    case unreadable(file: String)

    var output: CommandOutput {
      switch self {
      case .unusable(let file, let error):
        CommandOutput(
          standardError: "ecsgen: error: \(DiagnosticRenderer.escapeText("\(file): \(error)"))\n",
          status: .findings)
      case .unreadable(let file):
        .toolFailure(ToolFailure("\(file): cannot read the file"))
      }
    }
  }

  /// Reads `file` (the size checked first, so a huge file costs nothing) and parses it.
  static func read<Value>(
    _ file: String, _ parse: (Data) throws(ImportError) -> Value
  ) throws(InputFailure) -> Value {
    let limit = LambdaConfigurationReader.maxBytes
    return try ImportedSpecOutput.read(
      file, limit: limit, tooLarge: { ImportError(tooLarge: $0, limit: limit) }, parse)
  }
}
