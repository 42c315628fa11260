import ECSGenPlan

/// `variables.tf`: one variable per value the spec left open, with a type, a description and a
/// validation wherever a wrong value can be told at plan time.
struct VariablesFile {
  let context: TerraformContext

  func blocks() -> [HCLBlock] {
    context.plan.inputs.map { input in
      var body: [HCLBodyItem] = [
        .set("type", .reference(input.isList ? "list(string)" : "string")),
        .set("description", .string(input.description)),
      ]
      if let validation = validation(for: input) {
        body += [
          .blankLine,
          .block(
            HCLBlock(
              "validation", [],
              [
                .set("condition", .raw(validation.condition)),
                .set("error_message", .string(validation.message)),
              ])),
        ]
      }
      return HCLBlock("variable", [input.name], body)
    }
  }

  private func validation(for input: PlanInput) -> (condition: String, message: String)? {
    let name = "var.\(input.name)"
    switch input.kind {
    case .region:
      return (
        "can(regex(\"^[a-z]{2}(-[a-z]+)+-[0-9]+$\", \(name)))",
        "\(input.name) must be an AWS region code such as eu-west-2."
      )
    case .vpcID:
      return (
        "can(regex(\"^vpc-([0-9a-f]{8}|[0-9a-f]{17})$\", \(name)))",
        "\(input.name) must be a VPC id such as vpc-0a1b2c3d4e5f67890."
      )
    case .subnetIDs:
      return (
        "length(\(name)) >= \(max(input.minimumCount, 1)) && alltrue([for id in \(name) : can(regex(\"^subnet-([0-9a-f]{8}|[0-9a-f]{17})$\", id))])",
        "\(input.name) must hold at least \(max(input.minimumCount, 1)) subnet id(s) such as subnet-0a1b2c3d4e5f67890."
      )
    case .imageTag:
      return (
        "can(regex(\"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$\", \(name)))",
        "\(input.name) must be an image tag: letters, digits, _, . and -, at most 128 characters."
      )
    }
  }
}

extension PlanInput {
  var isList: Bool { kind == .subnetIDs }
}
