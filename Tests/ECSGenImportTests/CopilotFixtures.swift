import ECSGenImport
import ECSGenTestSupport
import Foundation

/// The Copilot workspace under `examples/copilot/`: one directory per workload, environment
/// manifests under `environments/`.
enum CopilotFixtures {
  static let workspace = "examples/copilot/copilot"
  /// The environments a fixture with `environments:` is imported with, in promotion order.
  static let environmentOrder = ["test", "staging", "prod"]

  /// Every workload directory that holds a manifest.yml, sorted.
  static let workloads: [String] = {
    let root = GoldenFile.packageRoot + "/" + workspace
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.filter {
      $0 != "environments" && FileManager.default.fileExists(atPath: "\(root)/\($0)/manifest.yml")
    }.sorted()
  }()

  struct MissingFixture: Error {
    var path: String
  }

  static func manifestPath(_ workload: String) -> String {
    "\(workspace)/\(workload)/manifest.yml"
  }

  static func data(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: GoldenFile.packageRoot + "/" + path)
    else { throw MissingFixture(path: path) }
    return data
  }

  /// The spec `ecsgen import copilot` writes for the fixture; a manifest with `environments:`
  /// gets every environment manifest of the workspace, in `environmentOrder`.
  static func imported(_ workload: String) throws -> String {
    let path = manifestPath(workload)
    let manifest = try CopilotManifest.read(try data(path), file: path)
    var environments: [CopilotEnvironmentManifest] = []
    if case .mapping(let mapping) = manifest.root, mapping["environments"] != nil {
      for name in environmentOrder {
        let file = "\(workspace)/environments/\(name)/manifest.yml"
        environments.append(try CopilotEnvironmentManifestReader.read(try data(file), file: file))
      }
    }
    let workspaceText = String(decoding: try data(workspace + "/.workspace"), as: UTF8.self)
    return CopilotImporter(
      sourceFile: path, applicationName: CopilotWorkspace.applicationName(in: workspaceText),
      environmentManifests: environments
    ).spec(for: manifest)
  }
}
