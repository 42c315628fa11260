import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Every number is bounded where it is read (`SpecLimits.maxNumber`): a huge one is a positioned
/// `out-of-range` error, and no later arithmetic can overflow.
@Suite struct LargeNumberTests {
  @Test(arguments: [
    "count: 99999999999999999",
    "count: 999999999999999999999999999999",
    "count: 2147483648",
    "stop_timeout: 99999999999d",
    "stop_timeout: 30000d",
    "memory: 99999999 GB",
    "cpu: 9999999 vCPU",
    "ephemeral_storage: 99999999999 GiB",
  ])
  func hugeNumberIsOutOfRange(line: String) throws {
    let loaded = load(baseSpec(line))
    let finding = try #require(loaded.findings("out-of-range").first, "\(loaded.summary)")
    #expect(finding.location.line == 4)
    #expect(finding.message.contains("\(SpecLimits.maxNumber)"))
  }

  @Test func hugePort() throws {
    let loaded = load(baseSpec(port: "99999999999999999"))
    let finding = try #require(loaded.findings("out-of-range").first, "\(loaded.summary)")
    #expect((finding.location.line, finding.location.column) == (3, 7))
  }

  /// These trapped (`arithmetic overflow`) in the deployment check before numbers were bounded.
  @Test(arguments: [
    "count: 99999999999999999\ndeployment: {min_healthy_percent: 50}",
    "autoscaling: {min: 99999999999999999, max: 99999999999999999, cpu: 50}\ndeployment: {max_percent: 200}",
    "count: 999999999\ndeployment: {min_healthy_percent: 100, max_percent: 400}",
  ])
  func hugeCountsWithDeploymentDoNotTrap(lines: String) {
    let loaded = load(baseSpec(lines))
    #expect(loaded.hasErrors || loaded.spec != nil)
  }

  @Test func boundItselfIsRead() {
    let loaded = load(baseSpec("count: \(SpecLimits.maxNumber)"))
    #expect(loaded.findings("out-of-range").isEmpty, "\(loaded.summary)")
  }
}

/// Paths and names that reach the workflow as they are refuse control characters; free text does
/// not (the printers escape it).
@Suite struct ControlCharacterRuleTests {
  @Test(arguments: [
    ("image:\n  build: \"app\\0\"", 4), ("image:\n  build: .\n  dockerfile: \"D\\u2028\"", 5),
    ("health_check:\n  path: \"/h\\e\"", 4),
  ])
  func pathWithAControlCharacterIsRefused(lines: String, line: Int) throws {
    let text = ["name: orders-api", "port: 8080", lines].joined(separator: "\n") + "\n"
    let loaded = load(text)
    let finding = try #require(loaded.findings("control-character").first, "\(loaded.summary)")
    #expect(finding.location.line == line)
  }

  @Test func freeTextMayHoldThem() {
    let loaded = load(baseSpec("description: \"a\\0b\\x85\"\nenvironment:\n  A: \"\\e[2J\""))
    #expect(loaded.findings("control-character").isEmpty)
    #expect(!loaded.hasErrors, "\(loaded.summary)")
  }
}

/// Port ranges of `network.egress` are numbers too.
@Suite struct EgressPortBoundTests {
  @Test(arguments: ["99999999999999999", "1-99999999999999999", "4294967296"])
  func hugeEgressPortIsOutOfRange(port: String) throws {
    let lines = "network:\n  egress:\n    - port: \(port)\n      cidrs: [10.0.0.0/16]"
    let loaded = load(baseSpec(lines))
    let finding = try #require(loaded.findings("out-of-range").first, "\(loaded.summary)")
    #expect(finding.location.line == 6)
  }
}

/// Values written into the deploy workflow's expressions cannot change them.
@Suite struct WorkflowExpressionRuleTests {
  @Test(arguments: [
    "ci:\n  branch: \"main' || true || '\"", "ci:\n  environment: \"${{ secrets.X }}\"",
    "ci:\n  branch: \"a`b\"",
  ])
  func quoteOrExpressionIsRefused(lines: String) throws {
    let text =
      ["name: orders-api", "image: public.ecr.aws/nginx/nginx:1.27", "port: 8080", lines]
      .joined(separator: "\n") + "\n"
    let loaded = load(text)
    let finding = try #require(loaded.findings("workflow-expression").first, "\(loaded.summary)")
    #expect(finding.location.line == 5)
  }

  @Test func ordinaryBranchesAndEnvironmentsPass() {
    let text =
      baseSpec(ciRole: false) + "ci:\n  branch: release/1.2_x+y\n  environment: Production EU\n"
    #expect(load(text).findings("workflow-expression").isEmpty)
  }
}
