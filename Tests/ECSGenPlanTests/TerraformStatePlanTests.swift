import ECSGenPlan
import ECSGenSpec
import Testing

/// Where Terraform state lives is decided in the plan, as one case of `TerraformState`.
@Suite struct TerraformStatePlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let service = "name: hello\nimage: nginx:1.27\nport: 80\n"

  /// Before: no backend meant local state, thrown away with the runner after every deploy.
  @Test func noBackendIsPartialS3FromRepositoryVariables() throws {
    let state = try plan(service).terraform.state
    #expect(
      state
        == .partialS3(
          backend: PartialS3StatePlan(
            key: "ecsgen/hello/terraform.tfstate", bucketVariable: "ECSGEN_STATE_BUCKET",
            regionVariable: "ECSGEN_STATE_REGION", useLockfile: true, encrypt: true)))
    #expect(state.usesLockfile)
  }

  @Test func specBackendIsUsedAsWritten() throws {
    let yaml =
      service
      + "terraform:\n  backend:\n    s3:\n      bucket: b\n      key: k.tfstate\n      region: eu-west-2\n      dynamodb_table: locks\n"
    guard case .specified(let backend) = try plan(yaml).terraform.state else {
      Issue.record("expected the spec's backend")
      return
    }
    #expect(backend.bucket == "b" && backend.key == "k.tfstate" && backend.region == "eu-west-2")
    #expect(backend.dynamoDBTable == "locks" && !backend.useLockfile && backend.encrypt)
  }

  @Test func localOnlyWhenAskedFor() throws {
    let yaml = service + "terraform:\n  backend: local\nci:\n  deploy_with: cloudformation\n"
    #expect(try plan(yaml).terraform.state == .local)
  }
}
