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
    return ImportedSpecOutput.finish(spec, outputPath: outputPath) { service in
      "imported the Copilot \(manifest.type.rawValue) \(DiagnosticRenderer.escapeText(manifest.name ?? "(no name)")) as the service \(service)"
    }
  }

  static func read<Value>(
    _ file: String, _ parse: (Data) throws(ImportError) -> Value
  ) throws(ImportRunner.InputFailure) -> Value {
    try ImportedSpecOutput.read(
      file, limit: CopilotManifest.maxBytes, tooLarge: CopilotManifest.tooLarge, parse)
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
