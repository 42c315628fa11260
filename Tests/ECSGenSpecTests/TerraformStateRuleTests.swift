import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `terraform-state`: a workflow that deploys with Terraform never keeps state on its runner.
@Suite struct TerraformStateRuleTests {
  /// Without a backend, the workflow's S3 state from repository variables applies: a note that
  /// names the variables and the key.
  @Test func noBackendIsANoteNamingTheVariables() throws {
    let finding = try #require(
      expectFinding("terraform-state", .note, at: 1, 1, in: baseSpec(stateBackend: false)))
    #expect(finding.message.contains("`ECSGEN_STATE_BUCKET`"))
    #expect(finding.message.contains("`ECSGEN_STATE_REGION`"))
    #expect(finding.message.contains("`ecsgen/orders-api/terraform.tfstate`"))
  }

  @Test func namedS3BackendNeedsNoNote() {
    expectNoFinding("terraform-state", in: baseSpec())
  }

  /// Local state with a deploy workflow that runs Terraform: lost after every run.
  @Test func localBackendWithTerraformDeployIsAnError() throws {
    let text = baseSpec("terraform:\n  backend: local")
    let finding = try #require(expectFinding("terraform-state", .error, at: 5, 12, in: text))
    #expect(finding.message.contains("`terraform.backend: local`"))
    let explicit = baseSpec(
      "terraform:\n  backend: local\nci:\n  deploy_with: terraform", ciRole: false)
    expectFinding("terraform-state", .error, at: 5, 12, in: explicit)
  }

  /// Local state is fine for people who run Terraform by hand while the workflow deploys with
  /// CloudFormation.
  @Test func localBackendWithCloudFormationDeployIsClean() {
    let text = baseSpec(
      "terraform:\n  backend: local\nci:\n  deploy_with: cloudformation", ciRole: false)
    expectNoFinding("terraform-state", in: text)
    #expect(!load(text).hasErrors)
  }

  @Test func otherBackendWordsAreWrongType() throws {
    let finding = try #require(
      expectFinding("wrong-type", .error, at: 5, 12, in: baseSpec("terraform:\n  backend: s3")))
    #expect(finding.message.contains("`local` or a mapping with `s3:`"))
  }
}
