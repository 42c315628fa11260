import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Every example spec renders to the template committed under `golden/SERVICE/cloudformation/`.
@Suite struct CloudFormationGoldenTests {
  static let specs = ExampleSpecs.files

  static func plan(_ spec: String) throws -> DeploymentPlan {
    try ExampleSpecs.plan(spec)
  }

  @Test(arguments: specs)
  func templateMatchesGolden(spec: String) throws {
    let plan = try Self.plan(spec)
    let files = CloudFormationRenderer().render(plan)
    #expect(files.map(\.path) == ["cloudformation/template.json"])
    for file in files {
      GoldenFile.check(
        file.contents, against: "golden/\(plan.service.name)/\(file.path)")
    }
  }

  @Test(arguments: specs)
  func renderingTwiceGivesTheSameBytes(spec: String) throws {
    let plan = try Self.plan(spec)
    #expect(CloudFormationRenderer().render(plan) == CloudFormationRenderer().render(plan))
  }

  @Test(arguments: specs)
  func templateIsValidJSONWithSectionsInConventionalOrder(spec: String) throws {
    let template = CloudFormationRenderer().template(try Self.plan(spec))
    guard case .object(let sections) = template else {
      Issue.record("the template is not an object")
      return
    }
    let order = [
      "AWSTemplateFormatVersion", "Description", "Parameters", "Rules", "Conditions", "Resources",
      "Outputs",
    ]
    let keys = sections.map(\.key)
    #expect(keys == order.filter(keys.contains))
    let text = try #require(CloudFormationRenderer().render(try Self.plan(spec)).first?.contents)
    #expect(text.hasSuffix("}\n"))
    #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
  }

  /// Accounts and regions come from pseudo parameters; the minimal spec names neither, so its
  /// template must contain no account number and no region code.
  @Test func noAccountOrRegionIsHardCoded() throws {
    let text = try #require(CloudFormationRenderer().render(try Self.plan("minimal.yaml")).first)
      .contents
    #expect(text.firstMatch(of: #/[0-9]{12}/#) == nil)
    #expect(text.firstMatch(of: #/"[a-z]{2}-[a-z]+-[0-9]"/#) == nil)
    #expect(text.contains("${AWS::AccountId}") && text.contains("${AWS::Partition}"))
  }
}
