import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Rules added after the review of environments: names the image repository refuses, a branch
/// per environment, and workflow expressions in build paths.
@Suite struct EnvironmentReviewFixTests {
  @Test(arguments: ["dev-", "prod--eu", "a-"])
  func aNameWithATrailingOrDoubleHyphenIsRefused(name: String) {
    let loaded = load(
      environmentsSpec(environments: "environments:\n  \(name):\n    count: 1\n"))
    #expect(loaded.diagnostics.contains { $0.rule == "environment-name" }, "\(loaded.summary)")
  }

  @Test func anotherBranchInOneEnvironmentIsAnError() throws {
    let loaded = load(environmentsSpec(prod: ["ci: {branch: release}"]))
    let finding = try #require(loaded.diagnostics.first { $0.rule == "environment-branch" })
    #expect(finding.severity == .error)
    #expect(finding.location.line == 23)
    #expect(finding.message.contains("`release` in environment prod but `main` in dev"))
  }

  @Test(arguments: [
    ("build: \"services/${{ secrets.GITHUB_TOKEN }}\"", "image.build"),
    ("build: services/api\n  dockerfile: \"${{ github.token }}/Dockerfile\"", "image.dockerfile"),
  ])
  func anExpressionInABuildPathIsRefused(image: String, field: String) throws {
    let text = "name: api\nimage:\n  \(image)\nport: 8080\n"
    let loaded = load(text)
    let finding = try #require(loaded.diagnostics.first { $0.rule == "workflow-expression" })
    #expect(finding.message.hasPrefix("`\(field)` contains `${{`"))
  }
}

/// Found by review: a required key that an override removes is reported at the override.
@Suite struct RemovedRequiredKeyTests {
  @Test func aRemovedPortIsReportedWhereItWasRemoved() throws {
    let loaded = load(environmentsSpec(prod: ["port: ~"]))
    let finding = try #require(loaded.diagnostics.first { $0.rule == "missing-key" })
    #expect(finding.location.line == 23)
    #expect(finding.location.column == 5)
    #expect(finding.message.hasPrefix("in environment prod: `port` is required"))
    #expect(finding.message.contains("override removes it"))
  }
}
