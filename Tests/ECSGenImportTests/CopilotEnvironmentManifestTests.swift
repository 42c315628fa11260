import Foundation
import Testing

@testable import ECSGenImport

/// Environment manifests: what carries over into a service's spec (VPC, subnets, certificates)
/// and a finding for each environment setting that changed the services but does not.
@Suite struct CopilotEnvironmentManifestTests {
  func read(_ text: String, file: String = "copilot/environments/prod/manifest.yml") throws
    -> CopilotEnvironmentManifest
  {
    try CopilotEnvironmentManifestReader.read(Data(text.utf8), file: file)
  }

  func reason(_ text: String, file: String = "copilot/environments/prod/manifest.yml") -> String {
    do {
      _ = try read(text, file: file)
      return ""
    } catch {
      return (error as? ImportError)?.description ?? "\(error)"
    }
  }

  static let imported = """
    name: prod
    type: Environment

    network:
      vpc:
        id: vpc-0123456789abcdef0
        subnets:
          public:
            - id: subnet-0aaaaaaaaaaaaaaa1
            - id: subnet-0aaaaaaaaaaaaaaa2
          private:
            - id: subnet-0bbbbbbbbbbbbbbb1
              az: eu-west-2a
            - id: subnet-0bbbbbbbbbbbbbbb2
        security_group:
          egress:
            - ip_protocol: tcp
              ports: 5432
              cidr: 10.0.0.0/16
        flow_logs: true

    http:
      public:
        certificates: [arn:aws:acm:eu-west-2:123456789012:certificate/public-1]
        access_logs:
          bucket_name: shop-alb-logs
          prefix: prod
        ingress:
          source_ips: [203.0.113.0/24]
        ssl_policy: ELBSecurityPolicy-TLS13-1-2-2021-06
      private:
        certificates:
          - arn:aws:acm:eu-west-2:123456789012:certificate/private-1
        subnets: [subnet-0bbbbbbbbbbbbbbb1]
        ingress:
          vpc: true

    observability:
      container_insights: true
    cdn: false
    """

  @Test func importedVPCCarriesOver() throws {
    let manifest = try read(Self.imported)
    #expect(manifest.name == "prod")
    #expect(manifest.vpcID == "vpc-0123456789abcdef0")
    #expect(manifest.publicSubnetIDs == ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"])
    #expect(manifest.privateSubnetIDs == ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"])
    #expect(
      manifest.publicCertificateARNs == ["arn:aws:acm:eu-west-2:123456789012:certificate/public-1"])
    #expect(
      manifest.privateCertificateARNs == [
        "arn:aws:acm:eu-west-2:123456789012:certificate/private-1"
      ])
  }

  /// The settings that changed how services were reached and do not carry over, in manifest
  /// order; nothing for what ecsgen does anyway (flow logs stay with the VPC, Container
  /// Insights is on in ecsgen's clusters, `cdn: false`).
  @Test func settingsThatDoNotCarryOverAreFindings() throws {
    let findings = try read(Self.imported).findings
    #expect(
      findings.map { "\($0.line):\($0.column) \($0.keyPath)" } == [
        "15:5 network.vpc.security_group", "25:5 http.public.access_logs",
        "29:7 http.public.ingress.source_ips", "30:5 http.public.ssl_policy",
        "34:5 http.private.subnets", "36:7 http.private.ingress.vpc",
      ], "\(findings)")
    #expect(findings[1].message.contains("`load_balancer.access_logs`"))
    #expect(findings[2].message.contains("`load_balancer.allowed_cidrs`"))
    #expect(findings[3].message.contains("`load_balancer.ssl_policy`"))
    #expect(findings[4].message.contains("`network.load_balancer_subnets`"))
  }

  @Test func aVPCCopilotCreatedNeedsRealIDs() throws {
    let manifest = try read(
      """
      name: test
      type: Environment
      network:
        vpc:
          cidr: 10.0.0.0/16
          subnets:
            public:
              - cidr: 10.0.0.0/24
                az: eu-west-2a
      """)
    #expect(manifest.vpcID == nil && manifest.publicSubnetIDs.isEmpty)
    #expect(manifest.findings.map(\.keyPath) == ["network.vpc.id"])
    #expect(manifest.findings.first?.line == 4)
    #expect(manifest.findings.first?.message.contains("Copilot created its VPC") == true)
    // No network at all: Copilot created a default VPC.
    let bare = try read("type: Environment\n", file: "copilot/environments/dev/manifest.yml")
    #expect(bare.name == "dev")
    #expect(bare.findings.map { "\($0.line):\($0.column) \($0.keyPath)" } == ["1:1 network.vpc.id"])
  }

  @Test func unknownKeysGetDidYouMean() throws {
    let findings = try read(
      """
      type: Environment
      network:
        vpc:
          id: vpc-1
      http:
        public:
          certificate: [arn:aws:acm:eu-west-2:123456789012:certificate/x]
      """
    ).findings
    #expect(findings.map(\.keyPath) == ["http.public.certificate"])
    #expect(findings.first?.message.contains("Did you mean `certificates`?") == true)
  }

  @Test func substitutionsAreKeptForTheImporter() throws {
    let manifest = try read(
      "type: Environment\nnetwork: {vpc: {id: '${VPC_ID}'}}\n")
    #expect(manifest.vpcID == "${VPC_ID}")
  }

  @Test func notAnEnvironmentManifestIsRefusedWithAReason() {
    #expect(
      reason("name: web\ntype: Load Balanced Web Service\n").contains("is a workload manifest"))
    #expect(
      reason("name: prod\n").contains(
        "has no `type:`; a Copilot environment manifest has `type: Environment`"))
    #expect(reason("type: Pipeline\n").contains("has `type: Pipeline`"))
    #expect(reason("[1, 2]\n").contains("is not a YAML mapping"))
    #expect(reason("").contains("the file is empty"))
    #expect(reason("# nothing but a comment\n").contains("the file is empty"))
    #expect(reason("a: [\n").contains("is not YAML"))
    #expect(reason("type: Environment\n", file: "manifest.yml").contains("no `name:`"))
  }

  @Test func hostileInputIsRefusedOrReadWithoutACrash() throws {
    let large = Data(repeating: 0x20, count: CopilotEnvironmentManifestReader.maxBytes + 1)
    #expect(throws: ImportError.self) {
      try CopilotEnvironmentManifestReader.read(large, file: "m.yml")
    }
    #expect(throws: ImportError.self) {
      try CopilotEnvironmentManifestReader.read(Data([0xFF, 0xFE, 0x00]), file: "m.yml")
    }
    // Wrong shapes everywhere: read as absent, never a crash.
    for text in [
      "type: Environment\nnetwork: [1]\n", "type: Environment\nnetwork: {vpc: {id: [a]}}\n",
      "type: Environment\nnetwork: {vpc: {subnets: {public: [1, [2], {id: {x: 1}}]}}}\n",
      "type: Environment\nhttp: {public: {certificates: [[1], {a: b}, c]}}\n",
      "type: Environment\nname: [x]\n", "? [a]\n: 1\ntype: Environment\n",
      "type: [Environment]\n",
    ] {
      _ = try? read(text)
    }
    // Aliases that expand to a billion nodes.
    var lines = ["type: Environment", "a0: &a0 {id: x}"]
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      lines.append("a\(level): &a\(level) {<<: [\(refs)]}")
    }
    lines.append("network: {vpc: {<<: *a9, subnets: {public: [*a9, *a9]}}}")
    // Refused by the spec loader's YAML guard (more than 100,000 nodes once expanded), at once.
    let start = Date()
    #expect(reason(lines.joined(separator: "\n")).contains("is not YAML that ecsgen reads"))
    #expect(Date().timeIntervalSince(start) < 5)
  }
}

@Suite struct CopilotEnvironmentNameTests {
  @Test(
    arguments: [
      ("copilot/environments/prod/manifest.yml", "prod"), ("/abs/test/manifest.yml", "test"),
      ("staging//manifest.yml", "staging"), ("manifest.yml", nil), ("./manifest.yml", nil),
      ("", nil), ("/", nil), ("a/\u{0}/manifest.yml", "\u{0}"),
    ] as [(String, String?)])
  func theDirectoryNamesTheEnvironment(file: String, name: String?) {
    #expect(CopilotEnvironmentManifestReader.directoryName(of: file) == name)
  }

  /// Manifests published with their ids masked (`id: ''`) read as having none, so the spec gets
  /// a TODO instead of an empty id that lint refuses.
  @Test func emptyIDsReadAsAbsent() throws {
    let manifest = try CopilotEnvironmentManifestReader.read(
      Data(
        "name: ''\ntype: Environment\nnetwork:\n  vpc:\n    id: ''\n    subnets:\n      private:\n        - id: ''\n        - id: subnet-0bbbbbbbbbbbbbbb2\n"
          .utf8), file: "copilot/environments/prod/manifest.yml")
    #expect(manifest.name == "prod")
    #expect(manifest.vpcID == nil)
    #expect(manifest.privateSubnetIDs == ["subnet-0bbbbbbbbbbbbbbb2"])
  }

  /// An alias bomb used as a mapping key (found by .ci/fuzz): the reader ran for minutes on it
  /// when it parsed with plain Yams; through the spec loader's YAML guards it is refused at once.
  @Test func anAliasBombAsAKeyIsRefused() {
    var text =
      "name: prod\ntype: Environment\nobservability:\n  l0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      text +=
        "  l\(level): &a\(level) ["
        + Array(repeating: "*a\(level - 1)", count: 10).joined(
          separator: ", ") + "]\n"
    }
    text += "  ? *a8\n  : x\n"
    var refusal = ""
    do {
      _ = try CopilotEnvironmentManifestReader.read(Data(text.utf8), file: "env/manifest.yml")
    } catch {
      refusal = error.description
    }
    #expect(refusal.hasPrefix("the file is not YAML that ecsgen reads"), "\(refusal)")
  }
}
