import ECSGenCloudFormation
import ECSGenGitHubActions
import ECSGenImport
import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import ECSGenTestSupport
import Testing

/// Every workload of the Copilot fixture workspace imports to the spec in
/// `golden/import/copilot/`, which lints without errors and renders to every target, for every
/// environment when it has environments.
@Suite struct CopilotImportGoldenTests {
  static let workloads = CopilotFixtures.workloads

  @Test func thereIsAFixturePerWorkloadTypeAndOneWithEnvironments() throws {
    var types: Set<CopilotWorkloadType> = []
    var withEnvironments = 0
    for workload in Self.workloads {
      let path = CopilotFixtures.manifestPath(workload)
      let manifest = try CopilotManifest.read(try CopilotFixtures.data(path), file: path)
      types.insert(manifest.type)
      if case .mapping(let mapping) = manifest.root, mapping["environments"] != nil {
        withEnvironments += 1
      }
    }
    #expect(types == Set(CopilotWorkloadType.allCases))
    #expect(withEnvironments >= 1)
  }

  @Test(arguments: workloads)
  func importedSpecMatchesGolden(workload: String) throws {
    GoldenFile.check(
      try CopilotFixtures.imported(workload), against: "golden/import/copilot/\(workload).yaml")
  }

  @Test(arguments: workloads)
  func importedSpecLintsWithoutErrorsAndRendersToEveryTarget(workload: String) throws {
    let spec = try CopilotFixtures.imported(workload)
    // The mapping itself keeps the fixtures within ecsgen's rules: nothing was dropped by
    // CopilotLintGuard, the safety net for hostile manifests.
    #expect(!spec.contains("did not pass lint"))
    let loaded = ServiceSpecLoader.load(text: spec, file: "imported.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plans = try DeploymentPlanner().plans(loaded)
    for plan in plans {
      #expect(!TerraformRenderer().render(plan).isEmpty)
      #expect(CloudFormationRenderer().render(plan).count == 1)
    }
    let workflows =
      loaded.environments.isEmpty
      ? WorkflowRenderer(outputDirectory: "infra").render(plans[0])
      : WorkflowRenderer(outputDirectory: "infra").render(environments: plans)
    #expect(!workflows.isEmpty)
  }
}
