import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Every example spec renders to the template committed under `golden/SERVICE/cloudformation/`,
/// or `golden/SERVICE/ENV/cloudformation/` for each environment of a spec with `environments:`.
@Suite struct CloudFormationGoldenTests {
  static let specs = ExampleSpecs.files

  /// One plan per environment, or the single plan of a spec without environments.
  static func plans(_ spec: String) throws -> [DeploymentPlan] {
    try ExampleSpecs.plans(spec)
  }

  @Test(arguments: specs)
  func templateMatchesGolden(spec: String) throws {
    for plan in try Self.plans(spec) {
      let files = CloudFormationRenderer().render(plan)
      #expect(files.map(\.path) == ["cloudformation/template.json"])
      for file in files {
        GoldenFile.check(file.contents, against: "golden/\(plan.outputFolder)/\(file.path)")
      }
    }
  }

  @Test(arguments: specs)
  func renderingTwiceGivesTheSameBytes(spec: String) throws {
    for plan in try Self.plans(spec) {
      #expect(CloudFormationRenderer().render(plan) == CloudFormationRenderer().render(plan))
    }
  }

  @Test(arguments: specs)
  func templateIsValidJSONWithSectionsInConventionalOrder(spec: String) throws {
    for plan in try Self.plans(spec) {
      let template = CloudFormationRenderer().template(plan)
      guard case .object(let sections) = template else {
        Issue.record("the template is not an object")
        return
      }
      let order = [
        "AWSTemplateFormatVersion", "Description", "Parameters", "Rules", "Conditions",
        "Resources", "Outputs",
      ]
      let keys = sections.map(\.key)
      #expect(keys == order.filter(keys.contains))
      let text = try #require(CloudFormationRenderer().render(plan).first?.contents)
      #expect(text.hasSuffix("}\n"))
      #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }
  }

  /// Accounts and regions come from pseudo parameters; the minimal spec names neither, so its
  /// template must contain no account number and no region code.
  @Test func noAccountOrRegionIsHardCoded() throws {
    let minimal = try ExampleSpecs.plan("minimal.yaml")
    let text = try #require(CloudFormationRenderer().render(minimal).first)
      .contents
    #expect(text.firstMatch(of: #/[0-9]{12}/#) == nil)
    #expect(text.firstMatch(of: #/"[a-z]{2}-[a-z]+-[0-9]"/#) == nil)
    #expect(text.contains("${AWS::AccountId}") && text.contains("${AWS::Partition}"))
  }
}
