import ECSGenDiagnostics
import ECSGenSpec
import Foundation
import Yams

/// A Copilot workload manifest (`copilot/NAME/manifest.yml`), parsed but not yet mapped: the
/// node tree keeps every key's line and column for the comments of the imported spec.
public struct CopilotManifest {
  /// The manifest's top-level mapping.
  public var root: Node
  public var type: CopilotWorkloadType
  /// The manifest's `name:`, when it has one.
  public var name: String?

  /// The largest manifest read (1 MiB). Real manifests are a few kilobytes; a larger file is not
  /// one, and the spec written from it could not be reviewed.
  public static let maxBytes = 1 << 20

  /// Reads `data`, the manifest at `file`. Throws with the reason when it is too large, not YAML,
  /// not a mapping, or not a workload manifest ecsgen can import.
  public static func read(_ data: Data, file: String) throws(ImportError) -> CopilotManifest {
    guard data.count <= maxBytes else { throw tooLarge(data.count) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError("the file is not UTF-8 text, so it is not a Copilot manifest")
    }
    let root: Node
    switch YAMLDocument.parse(text, file: file) {
    case .success(let node): root = node
    case .failure(let problem) where problem.rule == "empty-file":
      throw ImportError(
        "the file is empty, so it is not a Copilot manifest (one starts with `name:` and `type:`)")
    case .failure(let problem):
      throw ImportError(
        "line \(problem.location.line), column \(problem.location.column): \(problem.message)")
    }
    guard case .mapping(let mapping) = root else {
      throw ImportError(
        "the file is not a YAML mapping, so it is not a Copilot manifest (one starts with `name:` and `type:`)"
      )
    }
    guard let typeNode = mapping["type"], let typeText = typeNode.scalar?.string,
      !typeText.isEmpty
    else {
      throw ImportError(
        "the manifest has no `type:`; a Copilot workload manifest says which of these it is: "
          + Self.typeList)
    }
    guard let type = CopilotWorkloadType(rawValue: typeText) else {
      throw ImportError(Self.unknownTypeReason(typeText))
    }
    let name = mapping["name"]?.scalar?.string
    return CopilotManifest(root: root, type: type, name: name?.isEmpty == true ? nil : name)
  }

  /// Why a file of `size` bytes is not read.
  public static func tooLarge(_ size: Int) -> ImportError {
    ImportError(
      "the file has \(size) bytes; a Copilot manifest is a few kilobytes and ecsgen reads at most \(maxBytes) bytes (1 MiB)"
    )
  }

  static let typeList = CopilotWorkloadType.allCases.map { "`\($0.rawValue)`" }.joined(
    separator: ", ")

  static func unknownTypeReason(_ type: String) -> String {
    let shown = String(type.prefix(80))
    switch type {
    case "Environment":
      return
        "this is an environment manifest (`type: Environment`), not a workload: pass it with --env-manifest beside the service's manifest"
    case "Static Site":
      return
        "a Static Site (files in S3 behind CloudFront) is not a container service, and ecsgen has no equivalent; move it to S3 and CloudFront by hand"
    default:
      return "the type `\(shown)` is not a Copilot workload type; ecsgen imports " + typeList
    }
  }
}
