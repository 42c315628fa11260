import ECSGenPlan

/// `Parameters`: the values the spec left open, with AWS-specific types where CloudFormation has
/// them (so the console offers a picker and a wrong id fails before anything is created).
struct Parameters {
  let context: CloudFormationContext

  func members() -> [JSONMember] {
    context.plan.inputs.compactMap { input -> JSONMember? in
      var properties: [String: JSONValue] = ["Description": .string(input.description)]
      switch input.kind {
      case .region:
        // A stack always deploys to its own region (`AWS::Region`); nothing to ask.
        return nil
      case .vpcID:
        properties["Type"] = .string("AWS::EC2::VPC::Id")
      case .subnetIDs:
        properties["Type"] = .string("List<AWS::EC2::Subnet::Id>")
      case .imageTag:
        properties["Type"] = .string("String")
        properties["Default"] = .string("")
        properties["AllowedPattern"] = .string("^$|^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
        properties["ConstraintDescription"] = .string(
          "an image tag: letters, digits, _, . and -, at most 128 characters; empty only for the first deploy, which creates the image repository without the service"
        )
      }
      return JSONMember(input.pascalCaseName, .sorted(properties))
    }
  }
}
