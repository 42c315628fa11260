import ECSGenTestSupport
import Foundation
import Yams

@testable import ECSGenImport

/// Helpers for the manifest audit's tests.
enum CopilotAuditSupport {
  /// The fixture manifest of `workload` under examples/copilot/copilot/.
  static func fixture(_ workload: String) throws -> String {
    let path = "\(GoldenFile.packageRoot)/examples/copilot/copilot/\(workload)/manifest.yml"
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  static func root(_ text: String) throws -> Node {
    guard let node = try Yams.compose(yaml: text) else { throw CancellationError() }
    return node
  }

  /// The keys a mapper that carries over everything ecsgen can express would read: every key
  /// whose catalogue entry is `mapped`, and the user's names in maps it maps. The audit's tests
  /// use it so that the findings are exactly what no mapper can carry over.
  static func perfectMapperKeys(_ root: Node, type: CopilotWorkloadType) -> Set<CopilotKeyPosition>
  {
    var consumed = Set<CopilotKeyPosition>()
    mark(root, CopilotKeyCatalogue.manifest(type), mapped: false, into: &consumed, depth: 0)
    return consumed
  }

  private static func mark(
    _ node: Node, _ schema: CopilotKeySchema, mapped parentMapped: Bool,
    into consumed: inout Set<CopilotKeyPosition>, depth: Int
  ) {
    guard depth < 20 else { return }
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard case .scalar(let scalar) = key else { continue }
        let position = CopilotManifestWalker.position(of: key)
        if schema.keys.isEmpty, let named = schema.namedValues {
          if parentMapped { consumed.insert(position) }
          mark(value, named, mapped: parentMapped, into: &consumed, depth: depth + 1)
          continue
        }
        guard let entry = schema.key(scalar.string) else { continue }
        let isMapped: Bool
        if case .mapped = entry.disposition { isMapped = true } else { isMapped = false }
        if isMapped { consumed.insert(position) }
        if isMapped, let child = entry.schema {
          mark(value, child, mapped: true, into: &consumed, depth: depth + 1)
        }
      }
    case .sequence(let items):
      guard let itemSchema = schema.items else { return }
      for item in items {
        mark(item, itemSchema, mapped: parentMapped, into: &consumed, depth: depth + 1)
      }
    default:
      return
    }
  }

  /// The findings for `text` with a perfect mapper's keys consumed, and the keys at
  /// `alsoConsumed` (dot-joined paths through mappings): keys without an ecsgen equivalent that
  /// a mapper reads when their value is what ecsgen does anyway (`http.path: /`).
  static func findings(
    _ text: String, _ type: CopilotWorkloadType, alsoConsumed: [String] = []
  ) throws -> [CopilotImportFinding] {
    let node = try root(text)
    var consumed = perfectMapperKeys(node, type: type)
    for path in alsoConsumed {
      var current: Node? = node
      var key: Node?
      for name in path.split(separator: ".") {
        guard case .mapping(let mapping)? = current,
          let pair = mapping.first(where: { $0.key.string == String(name) })
        else {
          current = nil
          key = nil
          break
        }
        key = pair.key
        current = pair.value
      }
      if let key { consumed.insert(CopilotManifestWalker.position(of: key)) }
    }
    return CopilotManifestAudit.findings(in: node, workloadType: type, consumedKeys: consumed)
  }
}
