import ECSGenPlan
import ECSGenRendering

/// Renders a `DeploymentPlan` as one CloudFormation template, `cloudformation/template.json`,
/// describing the same resources with the same values as the Terraform output.
///
/// Key order is fixed: the sections in their conventional order (`AWSTemplateFormatVersion`,
/// `Description`, `Parameters`, `Rules`, `Conditions`, `Resources`, `Outputs`), each resource as
/// `Type`, `Condition`, `DependsOn`, `Properties`, and every other object with its keys sorted
/// alphabetically.
public struct CloudFormationRenderer: Sendable {
  public init() {}

  public func render(_ plan: DeploymentPlan) -> [GeneratedFile] {
    [
      GeneratedFile(
        path: "cloudformation/template.json", contents: JSONPrinter().print(template(plan)))
    ]
  }

  /// The template as a JSON value, for tests that read it back.
  public func template(_ plan: DeploymentPlan) -> JSONValue {
    let context = CloudFormationContext(plan: plan)
    let header = GeneratedMarker.headerLines(specFile: plan.specFile).joined(separator: " ")
    // The generated marker comes first, so that `render` finds it near the start of the file.
    let service =
      plan.service.description.map { "\(plan.service.name): \($0)" } ?? plan.service.name
    var sections = [
      JSONMember("AWSTemplateFormatVersion", .string("2010-09-09")),
      JSONMember("Description", .string("\(header) Service \(service)")),
    ]
    let parameters = Parameters(context: context).members()
    if !parameters.isEmpty { sections.append(JSONMember("Parameters", .object(parameters))) }
    if case .fixed(let region) = plan.region {
      sections.append(JSONMember("Rules", regionRule(region)))
    }
    if case .built(let image) = plan.image, let condition = context.serviceCondition {
      let tag = image.tagInput.pascalCaseName
      sections.append(
        JSONMember(
          "Conditions",
          .object([
            JSONMember(
              condition,
              .object([
                JSONMember(
                  "Fn::Not", .array([Intrinsic.equals(Intrinsic.ref(tag), .string(""))]))
              ]))
          ])))
    }
    sections.append(JSONMember("Resources", .object(Resources(context: context).members())))
    sections.append(JSONMember("Outputs", .object(Outputs(context: context).members())))
    return .object(sections)
  }

  /// The spec names a region; a stack created anywhere else fails before it creates anything.
  private func regionRule(_ region: String) -> JSONValue {
    .object([
      JSONMember(
        "DeployToSpecRegion",
        .object([
          JSONMember(
            "Assertions",
            .array([
              .object([
                JSONMember(
                  "Assert", Intrinsic.equals(Intrinsic.ref(Intrinsic.region), .string(region))),
                JSONMember(
                  "AssertDescription", .string("The spec deploys this service to \(region).")),
              ])
            ]))
        ]))
    ])
  }
}
