import ECSGenDiagnostics
import Yams

/// Shared state of one decoding pass: the file and the diagnostics found so far.
final class DecodingContext {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Fields whose value was reported as undecodable; see `ServiceSpec.undecodableFields`.
  private(set) var undecodableFields: Set<String> = []

  init(file: String) {
    self.file = file
  }

  func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  func location(of node: Node) -> SourceLocation {
    let mark = node.mark
    return SourceLocation(
      file: file, line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
  }

  func markUndecodable(_ field: String) {
    undecodableFields.insert(field)
  }
}

extension Node {
  /// True for an empty plain scalar, `~` or `null`: YAML's ways of writing "no value".
  var isNull: Bool {
    guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// What a user would call this node's type, for "expected X, found Y" messages.
  var kindDescription: String {
    switch self {
    case .scalar: "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}
