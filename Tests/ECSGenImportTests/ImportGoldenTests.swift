import ECSGenCloudFormation
import ECSGenGitHubActions
import ECSGenImport
import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import ECSGenTestSupport
import Foundation
import Testing

/// Every fixture under `examples/lambda/` imports to the spec in `golden/import/`, which lints
/// without errors and renders to every target.
@Suite struct ImportGoldenTests {
  static let fixtures = GoldenFile.files(in: "examples/lambda", suffix: ".json")

  static func imported(_ fixture: String) throws -> String {
    let path = "examples/lambda/" + fixture
    let data = try #require(
      FileManager.default.contents(atPath: GoldenFile.packageRoot + "/" + path))
    return LambdaImporter(sourceFile: path).spec(for: try LambdaConfigurationReader.read(data))
  }

  @Test func thereAreTheThreeFixturesTheIssueNames() {
    #expect(Self.fixtures.count >= 3)
  }

  @Test(arguments: fixtures)
  func importedSpecMatchesGolden(fixture: String) throws {
    GoldenFile.check(
      try Self.imported(fixture), against: "golden/import/\(fixture.dropLast(".json".count)).yaml")
  }

  @Test(arguments: fixtures)
  func importedSpecLintsWithoutErrorsAndRendersToEveryTarget(fixture: String) throws {
    let loaded = ServiceSpecLoader.load(text: try Self.imported(fixture), file: "imported.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plan = try DeploymentPlanner().plan(loaded)
    #expect(TerraformRenderer().render(plan).count == 4)
    #expect(CloudFormationRenderer().render(plan).count == 1)
    #expect(WorkflowRenderer(outputDirectory: "infra").render(plan).count == 1)
  }
}
