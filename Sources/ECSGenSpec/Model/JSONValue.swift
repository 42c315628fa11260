/// A JSON document written as YAML in a spec (an event pattern, an SNS filter policy). Keys keep
/// the order they were written in, so that the rendered JSON is deterministic and reads like the
/// spec.
public indirect enum JSONValue: Sendable, Equatable {
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  /// The number's text as written (`10`, `2.5`), so that no precision is lost on the way to JSON.
  case number(String)
  case bool(Bool)
  case null

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let left), .object(let right)):
      left.count == right.count
        && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let left), .array(let right)): left == right
    case (.string(let left), .string(let right)): left == right
    case (.number(let left), .number(let right)): left == right
    case (.bool(let left), .bool(let right)): left == right
    case (.null, .null): true
    default: false
    }
  }

  /// True for a non-empty JSON object, which an event pattern and a filter policy must be.
  public var isNonEmptyObject: Bool {
    if case .object(let members) = self { return !members.isEmpty }
    return false
  }

  /// The dotted path of the first leaf that is a bare value instead of a list or an object (an
  /// event pattern's or a filter policy's `source: aws.s3`, which AWS refuses); nil when every
  /// leaf is a list or an object. Objects inside lists are matchers (`{prefix: ...}`) and are
  /// not walked.
  public func firstBareLeaf(path: String = "") -> String? {
    guard case .object(let members) = self else { return nil }
    for member in members {
      let here = path.isEmpty ? member.key : "\(path).\(member.key)"
      switch member.value {
      case .object: if let found = member.value.firstBareLeaf(path: here) { return found }
      case .array: continue
      default: return here
      }
    }
    return nil
  }
}
