import ECSGenGitHubActions
import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Every example spec renders to the workflow committed under `golden/SERVICE/github-actions/`,
/// rendered as `ecsgen render --out golden` would.
@Suite struct WorkflowGoldenTests {
  static let specs = ExampleSpecs.files

  static func plan(_ spec: String) throws -> DeploymentPlan {
    try ExampleSpecs.plan(spec)
  }

  @Test(arguments: specs)
  func workflowMatchesGolden(spec: String) throws {
    let plan = try Self.plan(spec)
    let files = WorkflowRenderer(outputDirectory: "golden").render(plan)
    #expect(files.map(\.path) == ["github-actions/deploy-\(plan.service.name).yml"])
    for file in files {
      GoldenFile.check(file.contents, against: "golden/\(plan.service.name)/\(file.path)")
    }
  }

  @Test(arguments: specs)
  func everyActionIsPinnedToACommitAndEveryCheckoutDropsCredentials(spec: String) throws {
    let text = try #require(
      WorkflowRenderer(outputDirectory: "infra").render(try Self.plan(spec)).first?.contents)
    let uses = text.split(separator: "\n").filter { $0.contains("uses: ") }
    #expect(!uses.isEmpty)
    for line in uses {
      #expect(line.firstMatch(of: #/@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+$/#) != nil, "\(line)")
    }
    let checkouts = text.components(separatedBy: "actions/checkout@").count - 1
    let dropped = text.components(separatedBy: "persist-credentials: false").count - 1
    #expect(checkouts == 2 && dropped == checkouts)
  }

  @Test(arguments: specs)
  func scriptsNeverInterpolateExpressions(spec: String) throws {
    let text = try #require(
      WorkflowRenderer(outputDirectory: "infra").render(try Self.plan(spec)).first?.contents)
    // Inside `run:` blocks, values come from the environment, never from `${{ }}`.
    var inRun = false
    var runIndent = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indent = line.prefix { $0 == " " }.count
      if inRun && !line.isEmpty && indent <= runIndent { inRun = false }
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("run:") {
        #expect(!line.contains("${{"), "\(line)")
        inRun = line.hasSuffix("|")
        runIndent = indent
        continue
      }
      if inRun { #expect(!line.contains("${{"), "\(line)") }
    }
  }

  @Test func idTokenIsGrantedOnlyToJobsThatAssumeARole() throws {
    let text = try #require(
      WorkflowRenderer(outputDirectory: "infra").render(try Self.plan("production.yaml")).first?
        .contents)
    #expect(text.contains("permissions: {}\n"))
    #expect(text.components(separatedBy: "id-token: write").count - 1 == 2)
    #expect(text.components(separatedBy: "configure-aws-credentials@").count - 1 == 2)
    #expect(text.contains("cancel-in-progress: false"))
    #expect(text.contains("environment: production"))
  }
}
