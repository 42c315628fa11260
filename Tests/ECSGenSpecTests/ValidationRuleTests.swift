import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// The base spec every rule test builds on, and the identity rules (`version`, `name`, `kind`,
/// `region`, `port`, `cluster`). The other rules are in `*RuleTests.swift`, one file per topic.
@Suite struct ValidationRuleTests {
  /// If this fails, every "valid side" test below proves nothing.
  @Test func baseSpecHasNoDiagnostics() throws {
    let loaded = load(baseSpec())
    #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)")
    let spec = try #require(loaded.spec)
    #expect(spec.name?.value == "orders-api")
    #expect(spec.loadBalancer?.certificateARN?.value == Fixtures.certificateARN)
    #expect(spec.ci?.roleARN?.value == Fixtures.ciRoleARN)
  }

  @Test func unsupportedVersion() throws {
    let finding = try #require(
      expectFinding("unsupported-version", .error, at: 4, 10, in: baseSpec("version: 2")))
    #expect(finding.message.hasPrefix("spec version 2 does not exist; this ecsgen reads version 1"))
    expectClean(baseSpec("version: 1"))
  }

  @Test func webKindIsSupported() {
    expectClean(baseSpec("kind: web"))
  }

  /// The longest name whose derived load balancer and target group names fit AWS's 32 characters.
  @Test func nameTooLong() throws {
    let name = String(repeating: "a", count: 29)
    let finding = try #require(
      expectFinding("invalid-name", .error, at: 1, 7, in: baseSpec(name: name)))
    #expect(finding.message.hasPrefix("`name` has 29 characters; at most 28 are allowed"))
    #expect(finding.notes == ["shorten it, for example to `\(String(repeating: "a", count: 28))`"])
    expectClean(baseSpec(name: String(repeating: "a", count: 28)))
  }

  @Test(arguments: ["Orders-API", "orders_api", "1orders", "orders-", "-orders", "\"orders api\""])
  func nameWithBadCharacters(name: String) {
    let loaded = load(baseSpec(name: name))
    let findings = loaded.findings("invalid-name")
    #expect(findings.count == 1, "\(loaded.summary)")
    #expect(findings.first?.location.line == 1)
    #expect(findings.first?.location.column == 7)
    #expect(findings.first?.message.contains("starts with a lowercase letter") == true)
  }

  @Test(arguments: ["orders-api", "api2", "orders--v2", "x1"])
  func validNames(name: String) {
    expectClean(baseSpec(name: name))
  }

  /// AWS refuses load balancer names that start with `internal-`.
  @Test func internalPrefix() throws {
    let finding = try #require(
      expectFinding("invalid-name", .error, at: 1, 7, in: baseSpec(name: "internal-orders")))
    #expect(finding.message.hasPrefix("`name` starts with `internal-`"))
    expectClean(baseSpec(name: "orders-internal"))
  }

  @Test func clusterName() {
    expectFinding("invalid-name", .error, at: 4, 10, in: baseSpec("cluster: shop prod"))
    expectFinding("invalid-name", .error, at: 4, 10, in: baseSpec("cluster: shop.prod"))
    expectClean(baseSpec("cluster: shop_prod-1"))
  }

  @Test func region() {
    expectFinding("invalid-region", .error, at: 4, 9, in: baseSpec("region: europe"))
    expectFinding("invalid-region", .error, at: 4, 9, in: baseSpec("region: EU-WEST-2"))
    expectClean(baseSpec("region: us-gov-west-1"))
    expectClean(baseSpec("region: eu-west-2"))
  }

  /// Missing required keys point at the top-level mapping.
  @Test func missingRequiredKeys() {
    let loaded = load("description: nothing else\n")
    let missing = loaded.findings("missing-key")
    #expect(
      missing.map(\.message) == [
        "`image` is required; for example `image: public.ecr.aws/nginx/nginx:1.27`",
        "`name` is required; for example `name: orders-api`",
        "`port` is required; for example `port: 8080`",
      ])
    #expect(missing.allSatisfy { $0.location.line == 1 && $0.location.column == 1 })
    #expect(missing.allSatisfy { $0.severity == .error })
  }

  /// Only `web` services listen on a port.
  @Test func portIsRequiredOnlyForWeb() {
    let worker = load("name: orders-worker\nimage: nginx:1.27\nkind: worker\n")
    #expect(!worker.findings("missing-key").contains { $0.message.hasPrefix("`port`") })
    let web = load("name: orders-web\nimage: nginx:1.27\nkind: web\n")
    #expect(web.findings("missing-key").contains { $0.message.hasPrefix("`port`") })
  }
}
