import ECSGenDiagnostics
import Yams

/// Shared state of one decoding pass: the file, the diagnostics found so far, and the node budget
/// that bounds the work whatever aliases expand to.
final class DecodingContext {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Fields whose value was reported as undecodable; see `ServiceSpec.undecodableFields`.
  private(set) var undecodableFields: Set<String> = []
  private var visitedNodes = 0
  private var reportedBudget = false

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

  /// Counts one visited node; false once the budget is spent (reported once, at `node`).
  func visit(_ node: Node) -> Bool {
    visitedNodes += 1
    if visitedNodes <= SpecLimits.maxVisitedNodes { return true }
    if !reportedBudget {
      reportedBudget = true
      report(
        .error(
          "document-too-large", at: location(of: node),
          "the document expands to more than \(SpecLimits.maxVisitedNodes) YAML nodes (aliases that repeat other aliases can do this); a spec needs a few hundred, so remove the aliases"
        ))
    }
    return false
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
