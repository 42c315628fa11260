import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Every example spec under `specs/` lints without errors and resolves to the plan recorded in
/// `golden/SERVICE/plan.json` (`golden/SERVICE/ENV/plan.json` for each environment of a spec with
/// `environments:`): a reviewable record of every default and derived name.
@Suite struct PlanGoldenTests {
  static let specs = GoldenFile.files(in: "specs", suffix: ".yaml")

  @Test func thereAreExampleSpecs() {
    #expect(Self.specs.count >= 3)
  }

  @Test(arguments: specs)
  func planMatchesGolden(spec: String) throws {
    let loaded = try ServiceSpecLoader.load(
      path: GoldenFile.packageRoot + "/specs/" + spec, displayName: "specs/" + spec)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    for plan in try DeploymentPlanner().plans(loaded) {
      GoldenFile.check(try Self.json(plan), against: "golden/\(plan.outputFolder)/plan.json")
    }
  }

  @Test(arguments: specs)
  func planningIsDeterministic(spec: String) throws {
    let path = GoldenFile.packageRoot + "/specs/" + spec
    let first = try DeploymentPlanner().plans(ServiceSpecLoader.load(path: path))
    let second = try DeploymentPlanner().plans(ServiceSpecLoader.load(path: path))
    #expect(first == second)
    #expect(try first.map(Self.json) == second.map(Self.json))
  }

  static func json(_ plan: DeploymentPlan) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n"
  }
}
