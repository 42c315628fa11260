import ECSGenGitHubActions
import ECSGenPlan
import ECSGenSpec
import Testing

/// Both jobs run `terraform init` against the state the plan decided.
@Suite struct TerraformInitTests {
  func workflow(_ yaml: String) throws -> String {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plan = try DeploymentPlanner().plan(loaded)
    return try #require(WorkflowRenderer(outputDirectory: "infra").render(plan).first?.contents)
  }

  /// The `Terraform init` steps of the workflow, as text, from their name to the next step.
  func initSteps(_ text: String) -> [String] {
    text.components(separatedBy: "      - name: ").filter { $0.hasPrefix("Terraform init\n") }
  }

  let service = "name: hello\nimage: nginx:1.27\nport: 80\n"

  /// Before: `init -input=false` with no backend, so state stayed on the runner.
  @Test func partialBackendGetsBucketAndRegionFromRepositoryVariables() throws {
    let steps = initSteps(try workflow(service))
    #expect(steps.count == 2)
    // The review job plans against the same state the deploy job writes: one step, twice.
    #expect(Set(steps).count == 1)
    let step = try #require(steps.first)
    #expect(step.contains("STATE_BUCKET: ${{ vars.ECSGEN_STATE_BUCKET }}"))
    #expect(step.contains("STATE_REGION: ${{ vars.ECSGEN_STATE_REGION }}"))
    #expect(
      step.contains(
        "-backend-config=\"bucket=$STATE_BUCKET\" -backend-config=\"region=$STATE_REGION\""))
    #expect(step.contains("::error::Set the repository variable ECSGEN_STATE_BUCKET"))
    #expect(step.contains("::error::Set the repository variable ECSGEN_STATE_REGION"))
    let script = try #require(step.components(separatedBy: "run: |").last)
    #expect(!script.contains("${{"))
  }

  @Test func specBackendNeedsNoBackendConfig() throws {
    let yaml =
      service
      + "terraform:\n  backend:\n    s3:\n      bucket: b\n      key: k\n      region: eu-west-2\n      use_lockfile: true\n"
    let steps = initSteps(try workflow(yaml))
    #expect(steps.count == 2)
    for step in steps {
      #expect(!step.contains("-backend-config"))
      #expect(step.contains("init -input=false"))
    }
  }
}
