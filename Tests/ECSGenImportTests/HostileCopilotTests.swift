import ECSGenImport
import ECSGenSpec
import Foundation
import Testing

/// A Copilot manifest is input from whoever can edit the repository: broken, deeply nested,
/// huge or wrongly typed manifests never crash the importer, and either are refused with a
/// reason or give a spec that lints without errors and holds only the keys the importer meant.
@Suite struct HostileCopilotTests {
  /// The spec, or nil when the manifest was refused with a reason.
  func importSpec(_ text: String, environments: [CopilotEnvironmentManifest] = []) -> String? {
    do {
      let manifest = try CopilotManifest.read(Data(text.utf8), file: "manifest.yml")
      return CopilotImporter(
        sourceFile: "manifest.yml", applicationName: "shop", environmentManifests: environments
      ).spec(for: manifest)
    } catch {
      #expect(!error.description.isEmpty)
      return nil
    }
  }

  func expectLintsWithoutErrors(_ spec: String?, _ context: String) {
    guard let spec else { return }
    let loaded = ServiceSpecLoader.load(text: spec, file: "imported.yaml")
    let errors = loaded.diagnostics.filter { $0.severity == .error }.map {
      "\($0.location.line): \($0.rule): \($0.message)"
    }
    #expect(errors.isEmpty, "\(context) => \(errors)")
  }

  @Test func deepNestingIsRefused() {
    let deep = "name: x\ntype: Backend Service\nvariables: " + String(repeating: "[", count: 5000)
    #expect(importSpec(deep) == nil)
    let indented = (0..<400).map { String(repeating: " ", count: $0) + "k\($0):" }
      .joined(separator: "\n")
    #expect(importSpec("name: x\ntype: Backend Service\nimage:\n" + indented) == nil)
  }

  @Test func aliasBombIsRefused() {
    var text = "name: x\ntype: Backend Service\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      text +=
        "a\(level): &a\(level) ["
        + Array(repeating: "*a\(level - 1)", count: 10)
        .joined(separator: ", ") + "]\n"
    }
    #expect(importSpec(text) == nil)
  }

  /// Every key the mapper reads, given values of every wrong shape.
  static let keys = [
    "image", "image.build", "image.location", "image.port", "image.healthcheck",
    "image.healthcheck.command", "image.healthcheck.retries", "image.healthcheck.interval",
    "image.depends_on", "cpu", "memory", "platform", "count", "count.range", "count.range.min",
    "count.cpu_percentage", "count.requests", "count.queue_delay", "count.spot", "exec",
    "variables", "secrets", "http", "http.healthcheck", "http.healthcheck.interval",
    "http.healthcheck.success_codes", "http.alias", "http.allowed_source_ips",
    "http.deregistration_delay", "http.target_container", "logging.retention",
    "storage.ephemeral", "storage.readonly_fs", "storage.volumes", "sidecars",
    "network.vpc.placement", "network.vpc.security_groups", "deployment.rolling",
    "deployment.rollback_alarms", "on.schedule", "timeout", "retries", "subscribe.topics",
    "subscribe.queue", "subscribe.queue.timeout", "tags", "command", "entrypoint",
    "environments", "environments.prod", "environments.prod.count",
  ]
  static let wrongValues = [
    "[1, [2, {a: b}]]", "{x: {y: z}}", "-1", "0", "99999999999999999999", "abc", "''", "~",
    "1.5", "true", "\"${UNSET}\"", "\"\\n ci:\\n  role_arn: x\"",
  ]

  /// For each depth, one manifest in which every key of that depth holds the wrong value (the
  /// keys above it are mappings): every key is wrong once, in 3 manifests per value instead of
  /// one per key, so the test stays cheap beside the timing tests that run with it.
  @Test(arguments: CopilotWorkloadType.allCases)
  func wrongTypesEverywhereGiveASpecThatLints(type: CopilotWorkloadType) {
    let depth = Self.keys.map { $0.split(separator: ".").count }.max() ?? 1
    for level in 1...depth {
      for value in Self.wrongValues {
        let text = "name: svc\ntype: \(type.rawValue)\n" + Self.manifest(level: level, value)
        expectLintsWithoutErrors(importSpec(text), "level \(level): \(value)")
      }
    }
  }

  /// Every key path cut to `level` parts, as nested block YAML with `value` at the leaves.
  static func manifest(level: Int, _ value: String) -> String {
    var seen: Set<String> = []
    var lines: [String] = []
    for key in keys {
      let parts = key.split(separator: ".").map(String.init)
      guard parts.count >= level else { continue }
      for depth in 1...level {
        let prefix = parts.prefix(depth).joined(separator: ".")
        guard seen.insert(prefix).inserted else { continue }
        let indent = String(repeating: "  ", count: depth - 1)
        lines.append(indent + parts[depth - 1] + ":" + (depth == level ? " " + value : ""))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func hugeValuesAreBroughtIntoRange() {
    let text = """
      name: svc
      type: Load Balanced Web Service
      image: {location: "r/x:1", port: 70000, healthcheck: {command: [CMD, x], interval: 9999h, retries: 1000}}
      cpu: 99999999
      memory: 99999999
      count: {range: 0-2147483647000, cpu_percentage: 500}
      http: {healthcheck: {path: /, interval: 1s, timeout: 9999s, healthy_threshold: 99}, deregistration_delay: 9999999h}
      logging: {retention: 99999}
      storage: {ephemeral: 100000}
      """
    let spec = importSpec(text)
    #expect(spec != nil)
    expectLintsWithoutErrors(spec, "huge values")
  }

  @Test(arguments: [
    "\n ci:\n  role_arn: arn:aws:iam::666666666666:role/x\nfoo: bar", "x\r ci: y", "x\u{85}ci: y",
    "x\u{2028}ci: y", "\u{FEFF}ci: y",
  ])
  func valuesCannotAddKeys(payload: String) throws {
    let escaped = payload.unicodeScalars.map { scalar -> String in
      scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\"
        ? String(scalar) : String(format: "\\u%04X", scalar.value)
    }.joined()
    let text = """
      name: "svc\(escaped)"
      type: Load Balanced Web Service
      image: {location: "r/x:1\(escaped)", port: 8080}
      variables: {"MODE\(escaped)": "x\(escaped)"}
      http: {healthcheck: "/\(escaped)", alias: "a\(escaped).example.com"}
      command: "run \(escaped)"
      sidecars: {"p\(escaped)": {image: "r/p:1\(escaped)"}}
      on: {schedule: "@daily\(escaped)"}
      """
    let spec = try #require(importSpec(text))
    let loaded = ServiceSpecLoader.load(text: spec, file: "imported.yaml")
    #expect(loaded.spec != nil, "\(spec)")
    #expect(loaded.spec?.ci == nil, "\(spec)")
    #expect(loaded.diagnostics.filter { $0.rule == "unknown-key" }.isEmpty, "\(spec)")
    for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
      #expect(!line.unicodeScalars.contains { [0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
    }
  }

  @Test func manyEnvironmentsAndSidecarsStayWithinTheSpecsLimits() {
    var text = "name: svc\ntype: Backend Service\nimage: {location: r/x:1}\nsidecars:\n"
    for index in 0..<30 { text += "  s\(index): {image: r/s:1, port: \(9000 + index)}\n" }
    text += "environments:\n"
    for index in 0..<40 { text += "  e\(index): {count: \(index)}\n" }
    expectLintsWithoutErrors(importSpec(text), "many")
  }
}
