import ECSGenPlan

extension TerraformContext {
  /// A plan document (a state machine definition, an event pattern, a filter policy) as an HCL
  /// value for `jsonencode(...)`: Terraform writes the JSON, and each reference becomes the
  /// address it stands for (a list reference, such as the subnets, the list expression itself).
  func document(_ document: PlanDocument) -> HCLExpression {
    switch document {
    case .object(let members):
      .object(members.map { HCLObjectItem($0.key, self.document($0.value)) })
    case .array(let items): .list(items.map(self.document))
    case .string(let text): .string(text)
    // `HCLExpression.number` holds integers; other numbers keep the text the plan wrote.
    case .number(let text): Int(text).map(HCLExpression.number) ?? .raw(text)
    case .bool(let value): .bool(value)
    case .null: .null
    case .reference(let reference): self.reference(reference)
    }
  }

  /// `jsonencode(...)` of a plan document.
  func json(_ document: PlanDocument) -> HCLExpression {
    .call("jsonencode", [self.document(document)])
  }
}
