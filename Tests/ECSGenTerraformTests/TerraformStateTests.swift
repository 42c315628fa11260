import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Testing

/// `versions.tf` and the bootstrap's trust policies, from the plan.
@Suite struct TerraformStateTests {
  func files(_ yaml: String, bootstrap: Bool = false) throws -> [String: String] {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plan = try DeploymentPlanner().plan(loaded)
    let rendered =
      bootstrap ? BootstrapRenderer().render(plan) : TerraformRenderer().render(plan)
    return Dictionary(uniqueKeysWithValues: rendered.map { ($0.path, $0.contents) })
  }

  let service = "name: hello\nimage: nginx:1.27\nport: 80\n"

  /// Before: no backend block at all, so every deploy started from empty local state.
  @Test func noBackendRendersAPartialS3BackendWithKeyAndLock() throws {
    let versions = try #require(try files(service)["terraform/versions.tf"])
    #expect(versions.contains("  backend \"s3\" {\n"))
    #expect(versions.contains("key          = \"ecsgen/hello/terraform.tfstate\""))
    #expect(versions.contains("use_lockfile = true"))
    #expect(versions.contains("encrypt      = true"))
    #expect(!versions.contains("bucket ="))
    #expect(versions.contains("required_version = \">= 1.10\""))
  }

  @Test func localBackendRendersNoBackend() throws {
    let yaml = service + "terraform:\n  backend: local\nci:\n  deploy_with: cloudformation\n"
    let versions = try #require(try files(yaml)["terraform/versions.tf"])
    #expect(!versions.contains("backend"))
    #expect(versions.contains("required_version = \">= 1.5\""))
  }

  @Test func trustPoliciesNameTheSubjectsTheJobsSend() throws {
    let withEnvironment = try #require(
      try files(service + "ci:\n  environment: prod\n", bootstrap: true)["bootstrap/main.tf"])
    #expect(
      withEnvironment.contains(
        "values   = [for prefix in local.github_subject_prefixes : \"${prefix}:environment:prod\"]")
    )
    #expect(
      withEnvironment.contains(
        "values   = [for prefix in local.github_subject_prefixes : \"${prefix}:pull_request\"]"))
    #expect(!withEnvironment.contains(":ref:refs/heads/"))
    #expect(withEnvironment.contains("variable = \"token.actions.githubusercontent.com:aud\""))
    // Both forms of the repository: ORG/REPO, and ORG@ORG_ID/REPO@REPO_ID when the ids are given.
    #expect(withEnvironment.contains("[\"repo:${var.github_repository}\"]"))
    #expect(withEnvironment.contains("@${var.github_repository_ids.repository_id}"))

    let withoutEnvironment = try #require(
      try files(service, bootstrap: true)["bootstrap/main.tf"])
    #expect(withoutEnvironment.contains("\"${prefix}:ref:refs/heads/main\"]"))
    #expect(!withoutEnvironment.contains(":environment:"))
  }

  /// The OIDC provider and the state bucket are referenced unless this bootstrap creates them.
  @Test func sharedResourcesAreReferencedByDefault() throws {
    let rendered = try files(service, bootstrap: true)
    let variables = try #require(rendered["bootstrap/variables.tf"])
    let main = try #require(rendered["bootstrap/main.tf"])
    for flag in ["create_github_oidc_provider", "create_state_bucket"] {
      #expect(variables.contains("variable \"\(flag)\" {\n  type        = bool"))
      #expect(main.contains("count = var.\(flag) ? 0 : 1"))
    }
    #expect(variables.contains("default     = false"))
    #expect(main.contains("prevent_destroy = true"))
    #expect(main.contains("variable = \"aws:SecureTransport\""))
  }

  /// A spec backend in another region than the service: the bucket is created and read there.
  @Test func specBucketInAnotherRegionGetsItsOwnProvider() throws {
    let backend =
      "terraform:\n  backend:\n    s3:\n      bucket: b-state\n      key: k\n      region: us-east-1\n      use_lockfile: true\n"
    let elsewhere = try #require(
      try files(service + "region: eu-west-2\n" + backend, bootstrap: true)["bootstrap/main.tf"])
    #expect(elsewhere.contains("  alias  = \"state\"\n  region = \"us-east-1\""))
    #expect(elsewhere.contains("resource \"aws_s3_bucket\" \"state\" {\n  provider = aws.state"))
    let sameRegion = try #require(
      try files(
        service + "region: us-east-1\n" + backend, bootstrap: true)["bootstrap/main.tf"])
    #expect(!sameRegion.contains("aws.state"))
  }
}
