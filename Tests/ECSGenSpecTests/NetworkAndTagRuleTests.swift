import ECSGenDiagnostics
import ECSGenSpec
import Testing

let subnetA = "subnet-01234567890abcdef"
let subnetB = "subnet-0fedcba9876543210"

/// `network` ids and `tags`.
@Suite struct NetworkRuleTests {
  /// `network:` on line 4, `line` on line 5.
  func network(_ line: String) -> String {
    baseSpec("network:\n  \(line)")
  }

  @Test(arguments: [
    ("vpc_id: vpc-123", 11), ("subnets: [subnet-zz]", 13), ("security_groups: [sg-1]", 21),
    ("load_balancer_subnets: [subnet-bad, \(subnetB)]", 27), ("vpc_id: VPC-0A1B2C3D", 11),
  ])
  func malformedID(line: String, column: Int) {
    expectFinding("network-id", .error, at: 5, column, in: network(line))
  }

  /// An empty list is reported at the `network` mapping, since there is no item to point at.
  @Test func emptySubnetList() {
    expectFinding("network-id", .error, at: 5, 3, in: network("subnets: []"))
  }

  @Test(arguments: [
    "vpc_id: vpc-0a1b2c3d", "vpc_id: vpc-0a1b2c3d4e5f67890", "subnets: [subnet-0aa11bb2]",
    "security_groups: [sg-0123456789abcdef0, sg-01234567]",
    "load_balancer_subnets: [\(subnetA), \(subnetB)]",
  ])
  func wellFormedIDs(line: String) {
    expectClean(network(line))
  }

  /// An Application Load Balancer spans at least two Availability Zones.
  @Test func singleLoadBalancerSubnet() {
    let text = network("load_balancer_subnets: [\(subnetA)]")
    expectFinding("load-balancer-subnets", .error, at: 5, 27, in: text)
  }
}

@Suite struct TagRuleTests {
  /// `tags:` on line 4 and `count` tags `T1` ... from line 5.
  func tags(count: Int) -> String {
    baseSpec("tags:\n" + (1...count).map { "  T\($0): v" }.joined(separator: "\n"))
  }

  /// AWS allows 50 tags per resource and ecsgen adds `ManagedBy` and `Service`.
  @Test func tooManyTags() throws {
    let finding = try #require(
      expectFinding("tag-count", .error, at: 53, 3, in: tags(count: 49)))
    #expect(
      finding.message
        == "`tags` has 49 entries; AWS allows 50 per resource and ecsgen adds 2 (`ManagedBy`, `Service`), so at most 48 remain"
    )
    expectClean(tags(count: 48))
  }

  @Test(arguments: [
    "aws:owner", "AWS:Owner", "ManagedBy", "Service", String(repeating: "k", count: 129),
    "\"\"",
  ])
  func invalidTagKey(key: String) {
    expectFinding("tag-key", .error, at: 5, 3, in: baseSpec("tags:\n  \(key): x"))
  }

  @Test(arguments: ["Team", "awsome", "Service-Tier", String(repeating: "k", count: 128)])
  func validTagKey(key: String) {
    expectClean(baseSpec("tags:\n  \(key): x"))
  }

  @Test func tagValueLength() {
    let long = String(repeating: "v", count: 257)
    expectFinding("tag-value", .error, at: 5, 9, in: baseSpec("tags:\n  Team: \(long)"))
    expectClean(baseSpec("tags:\n  Team: \(String(repeating: "v", count: 256))"))
  }
}
