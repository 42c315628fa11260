import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `roles.task` / `roles.execution`: an existing role or the policies of a new one.
@Suite struct RoleRuleTests {
  /// `roles:` on line 4, `ROLE:` on line 5, `lines` from line 6 (indented under the role).
  func spec(_ role: String = "task", _ lines: String...) -> String {
    baseSpec("roles:\n  \(role):\n" + lines.map { "    " + $0 }.joined(separator: "\n"))
  }

  /// One statement: `actions` on line 7 (first item at column 19), `resources` on line 8
  /// (first item at column 21).
  func statement(actions: String, resources: String) -> String {
    spec("task", "statements:", "  - actions: [\(actions)]", "    resources: [\(resources)]")
  }

  @Test(arguments: ["task", "execution"])
  func existingRoleWithPolicies(role: String) throws {
    let text = spec(
      role, "arn: \(Fixtures.roleARN)", "managed_policies: [arn:aws:iam::aws:policy/ReadOnlyAccess]"
    )
    let finding = try #require(expectFinding("role-conflict", .error, at: 6, 10, in: text))
    #expect(finding.message.hasPrefix("`roles.\(role)` gives an existing role (`arn`)"))
    expectFinding(
      "role-conflict", .error, at: 6, 10,
      in: spec(role, "arn: \(Fixtures.roleARN)", "statements: []"))
  }

  @Test func existingRoleAlone() {
    expectClean(spec("task", "arn: \(Fixtures.roleARN)"))
    expectClean(spec("execution", "arn: arn:aws-us-gov:iam::123456789012:role/path/orders-exec"))
  }

  @Test(arguments: [
    "orders-task", "arn:aws:iam::123456789012:user/orders", "arn:aws:iam::1234:role/x",
  ])
  func roleARN(arn: String) {
    expectFinding("role-arn", .error, at: 6, 10, in: spec("task", "arn: \(arn)"))
  }

  @Test func managedPolicyARN() {
    expectFinding(
      "policy-arn", .error, at: 6, 24, in: spec("task", "managed_policies: [ReadOnlyAccess]"))
    expectClean(
      spec(
        "task",
        "managed_policies: [arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::123456789012:policy/orders]"
      ))
  }

  @Test func wildcardAction() throws {
    let text = statement(actions: "\"*\"", resources: "arn:aws:s3:::orders/*")
    let finding = try #require(expectFinding("policy-wildcard", .warning, at: 7, 19, in: text))
    #expect(finding.message.hasPrefix("action `*` allows every AWS API call"))
  }

  @Test func wildcardResource() throws {
    let text = statement(actions: "s3:GetObject", resources: "\"*\"")
    let finding = try #require(expectFinding("policy-wildcard", .warning, at: 8, 21, in: text))
    #expect(finding.message.hasPrefix("resource `*` applies the statement to every resource"))
  }

  /// Service-scoped wildcards are how IAM policies are usually written.
  @Test func scopedWildcards() {
    expectClean(statement(actions: "s3:Get*, s3:List?ucket", resources: "arn:aws:s3:::orders/*"))
  }

  @Test(arguments: ["GetObject", "s3:", "S3:GetObject", "s3:Get Object"])
  func invalidAction(action: String) {
    let text = statement(actions: "\"\(action)\"", resources: "arn:aws:s3:::orders/*")
    expectFinding("policy-action", .error, at: 7, 19, in: text)
  }

  @Test(arguments: ["my-bucket", "arn:aws:s3", "table/orders"])
  func invalidResource(resource: String) {
    let text = statement(actions: "s3:GetObject", resources: resource)
    expectFinding("policy-resource", .error, at: 8, 21, in: text)
  }

  @Test func validResources() {
    let resources =
      "arn:aws:dynamodb:eu-west-2:123456789012:table/orders, arn:aws:s3:::orders/*, arn:aws:sqs:*:123456789012:orders"
    expectClean(statement(actions: "dynamodb:GetItem", resources: resources))
  }
}
