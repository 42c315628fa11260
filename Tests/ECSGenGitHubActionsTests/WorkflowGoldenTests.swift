import ECSGenGitHubActions
import ECSGenPlan
import ECSGenRendering
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Every example spec renders to the workflows committed under `golden/`: whatever
/// `ecsgen render specs/FILE --out golden --target github-actions` writes for it
/// (`golden/SERVICE/github-actions/deploy-SERVICE.yml` for a spec without environments).
@Suite struct WorkflowGoldenTests {
  static let specs = ExampleSpecs.files

  static func plan(_ spec: String) throws -> DeploymentPlan {
    try ExampleSpecs.plan(spec)
  }

  /// The workflows the `github-actions` target renders for `spec`, paths from the package root.
  static func workflows(_ spec: String) throws -> [GeneratedFile] {
    try ExampleSpecs.rendered(spec, target: .githubActions)
  }

  @Test(arguments: specs)
  func workflowMatchesGolden(spec: String) throws {
    let files = try Self.workflows(spec)
    let plans = try ExampleSpecs.plans(spec)
    if let plan = plans.first, plans.count == 1, plan.environment == nil {
      let name = plan.service.name
      #expect(files.map(\.path) == ["golden/\(name)/github-actions/deploy-\(name).yml"])
    }
    for file in files {
      GoldenFile.check(file.contents, against: file.path)
    }
    // A committed workflow that render no longer writes would pass every other check.
    let service = try #require(plans.first).service.name
    let committed = GoldenFile.allFiles(in: "golden/\(service)").filter {
      $0.contains("/github-actions/")
    }
    #expect(committed == files.map(\.path))
  }

  @Test(arguments: specs)
  func everyActionIsPinnedToACommitAndEveryCheckoutDropsCredentials(spec: String) throws {
    for text in try Self.workflows(spec).map(\.contents) {
      let uses = text.split(separator: "\n").filter { $0.contains("uses: ") }
      #expect(!uses.isEmpty)
      for line in uses {
        #expect(
          line.firstMatch(of: #/@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+$/#) != nil, "\(line)")
      }
      // At least the review's and one deploy's; each drops the credentials.
      let checkouts = text.components(separatedBy: "actions/checkout@").count - 1
      let dropped = text.components(separatedBy: "persist-credentials: false").count - 1
      #expect(checkouts >= 2 && dropped == checkouts)
    }
  }

  @Test(arguments: specs)
  func scriptsNeverInterpolateExpressions(spec: String) throws {
    for text in try Self.workflows(spec).map(\.contents) {
      Self.expectNoExpressionInScripts(text)
    }
  }

  static func expectNoExpressionInScripts(_ text: String) {
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
