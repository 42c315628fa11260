import ECSGenDiagnostics
import ECSGenImport
import ECSGenSpec
import Foundation

/// `ecsgen import copilot`: a Copilot workload manifest (and its environment manifests) → a
/// starter spec, checked with the same validation as `lint` before it is printed or written.
public struct CopilotImportRunner: Sendable {
  public var serviceName: String?
  /// Where to write the spec; standard output when nil.
  public var outputPath: String?
  /// `--env-manifest` files, in the order given.
  public var environmentManifests: [String]

  public init(
    serviceName: String? = nil, outputPath: String? = nil, environmentManifests: [String] = []
  ) {
    self.serviceName = serviceName
    self.outputPath = outputPath
    self.environmentManifests = environmentManifests
  }

  /// The largest `.workspace` file read: it holds one line.
  static let maxWorkspaceBytes = 4096

  public func run(file: String) -> CommandOutput {
    // Every input is read and checked before anything is written.
    let manifest: CopilotManifest
    var environments: [CopilotEnvironmentManifest] = []
    do {
      manifest = try Self.read(file) { data throws(ImportError) in
        try CopilotManifest.read(data, file: file)
      }
      for path in environmentManifests {
        environments.append(
          try Self.read(path) { data throws(ImportError) in
            try CopilotEnvironmentManifestReader.read(data, file: path)
          })
      }
    } catch {
      return error.output
    }
    let spec = CopilotImporter(
      sourceFile: file, serviceName: serviceName,
      applicationName: Self.applicationName(besideManifest: file),
      environmentManifests: environments
    ).spec(for: manifest)
    let checked = ServiceSpecLoader.load(text: spec, file: outputPath ?? "<imported spec>")
    let errors = checked.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      // A bad --name gets here; the importer itself writes specs that lint.
      return CommandOutput(
        standardError: DiagnosticRenderer(format: .text).render(errors), status: .findings)
    }
    let todos = spec.components(separatedBy: "TODO:").count - 1
    let warnings = spec.components(separatedBy: "WARNING:").count - 1
    let name = checked.spec?.name?.value ?? "?"
    let kind = checked.spec?.kind.map { " (kind: \($0.value.rawValue))" } ?? ""
    var summary =
      "imported the Copilot \(manifest.type.rawValue) \(DiagnosticRenderer.escapeText(manifest.name ?? "(no name)")) as the service \(name)\(kind): review \(todos) TODO and \(warnings) WARNING comment(s)"
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

  /// Reads `file` (the size checked first, so a huge file costs nothing) and parses it.
  static func read<Value>(
    _ file: String, _ parse: (Data) throws(ImportError) -> Value
  ) throws(ImportRunner.InputFailure) -> Value {
    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    if size > CopilotManifest.maxBytes {
      throw .unusable(file: file, CopilotManifest.tooLarge(size))
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

  /// The application's name from `copilot/.workspace` (`application: NAME`), which Copilot
  /// keeps in the `copilot/` directory that holds `SERVICE/manifest.yml`.
  static func applicationName(besideManifest file: String) -> String? {
    let serviceDirectory = (file as NSString).deletingLastPathComponent
    let copilotDirectory = (serviceDirectory as NSString).deletingLastPathComponent
    let path = ((copilotDirectory.isEmpty ? "." : copilotDirectory) as NSString)
      .appendingPathComponent(".workspace")
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= maxWorkspaceBytes, let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    return CopilotWorkspace.applicationName(in: text)
  }
}
