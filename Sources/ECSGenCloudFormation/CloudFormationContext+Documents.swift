import ECSGenDiagnostics
import ECSGenPlan

extension CloudFormationContext {
  /// A plan document (a state machine definition, an event pattern, a filter policy) for a
  /// property that takes JSON: an object whose references are `Ref`/`Fn::GetAtt`, which
  /// CloudFormation resolves inside JSON-typed properties too.
  ///
  /// CloudFormation refuses `null` anywhere in a template, and `JSONValue` holds whole numbers
  /// only; a document with either (a pattern matching `null`, a filter on `2.5`) is written as
  /// its JSON text instead, which `EventPattern` and `FilterPolicy` also accept. Such documents
  /// come from the spec and hold no references.
  func document(_ document: PlanDocument) -> JSONValue {
    if Self.needsText(document) { return .string(Self.text(document)) }
    return value(document)
  }

  private func value(_ document: PlanDocument) -> JSONValue {
    switch document {
    case .object(let members): .object(members.map { JSONMember($0.key, value($0.value)) })
    case .array(let items): .array(items.map(value))
    case .string(let text): .string(text)
    // `needsText` sent every other number to the text form.
    case .number(let text): .int(Int(text) ?? 0)
    case .bool(let flag): .bool(flag)
    case .null: .string("")
    case .reference(let reference): self.reference(reference)
    }
  }

  private static func needsText(_ document: PlanDocument) -> Bool {
    switch document {
    case .object(let members): members.contains { needsText($0.value) }
    case .array(let items): items.contains(where: needsText)
    case .number(let text): Int(text) == nil
    case .null: true
    case .string, .bool, .reference: false
    }
  }

  /// Compact JSON text; numbers as the spec wrote them.
  static func text(_ document: PlanDocument) -> String {
    switch document {
    case .object(let members):
      "{" + members.map { JSONString.quote($0.key) + ":" + text($0.value) }.joined(separator: ",")
        + "}"
    case .array(let items): "[" + items.map(text).joined(separator: ",") + "]"
    case .string(let value): JSONString.quote(value)
    case .number(let value): value
    case .bool(let flag): flag ? "true" : "false"
    case .null: "null"
    case .reference(let reference): JSONString.quote(reference.rawValue)
    }
  }
}
