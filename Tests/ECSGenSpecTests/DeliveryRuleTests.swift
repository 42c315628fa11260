import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `terraform.backend.s3` and `ci`.
@Suite struct DeliveryRuleTests {
  /// `terraform:` on line 4, `s3:` on line 6 and its first key at line 7, column 7.
  func backend(_ lines: String...) -> String {
    baseSpec(
      "terraform:\n  backend:\n    s3:\n" + lines.map { "      " + $0 }.joined(separator: "\n"))
  }

  @Test func backendWithoutLocking() throws {
    let text = backend("bucket: state", "key: orders.tfstate", "region: eu-west-2")
    let finding = try #require(expectFinding("backend-locking", .error, at: 7, 7, in: text))
    #expect(finding.message.hasPrefix("the S3 backend has no state locking"))
    let disabled = backend(
      "bucket: state", "key: orders.tfstate", "region: eu-west-2", "use_lockfile: false")
    expectFinding("backend-locking", .error, at: 7, 7, in: disabled)
  }

  @Test(arguments: ["use_lockfile: true", "dynamodb_table: terraform-locks"])
  func backendWithLocking(lock: String) {
    expectClean(backend("bucket: state", "key: orders.tfstate", "region: eu-west-2", lock))
  }

  @Test func backendNeedsBucketKeyAndRegion() {
    let loaded = load(backend("use_lockfile: true"))
    let missing = loaded.findings("missing-key")
    #expect(
      missing.map(\.message) == [
        "`terraform.backend.s3.bucket` is required; for example `bucket: my-terraform-state`",
        "`terraform.backend.s3.key` is required; for example `key: services/orders-api.tfstate`",
        "`terraform.backend.s3.region` is required; for example `region: eu-west-2`",
      ])
    #expect(missing.allSatisfy { $0.location.line == 7 && $0.location.column == 7 })
  }

  @Test func backendRegion() {
    let text = backend(
      "bucket: state", "key: orders.tfstate", "region: Europe", "use_lockfile: true")
    expectFinding("invalid-region", .error, at: 9, 15, in: text)
  }

  /// Without `ci.role_arn` the workflow falls back to a repository variable: a note, not a problem.
  @Test func noCIRole() throws {
    let finding = try #require(
      expectFinding("ci-role", .note, at: 1, 1, in: baseSpec(ciRole: false)))
    #expect(finding.message.contains("`ECSGEN_DEPLOY_ROLE_ARN`"))
    expectFinding("ci-role", .note, at: 5, 3, in: baseSpec("ci:\n  branch: main", ciRole: false))
  }

  @Test func ciRoleARN() {
    let text = baseSpec("ci:\n  role_arn: arn:aws:iam::123456789012:user/deploy", ciRole: false)
    expectFinding("role-arn", .error, at: 5, 13, in: text)
    expectNoFinding("ci-role", in: text)
  }

  @Test(arguments: ["\"release 1\"", "\"\""])
  func invalidBranch(branch: String) {
    let text = baseSpec(
      "ci:\n  role_arn: \(Fixtures.ciRoleARN)\n  branch: \(branch)", ciRole: false)
    expectFinding("ci-branch", .error, at: 6, 11, in: text)
  }

  @Test(arguments: ["main", "release/1.x"])
  func validBranch(branch: String) {
    expectClean(
      baseSpec("ci:\n  role_arn: \(Fixtures.ciRoleARN)\n  branch: \(branch)", ciRole: false))
  }
}
