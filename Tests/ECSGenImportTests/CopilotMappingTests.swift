import ECSGenRendering
import ECSGenSpec
import Foundation
import Testing
import Yams

@testable import ECSGenImport

/// The pieces of the Copilot mapping that carry Copilot's own rules: schedules, durations,
/// overrides, secrets, sizes, and the key positions the audit relies on.
@Suite struct CopilotMappingTests {
  func importSpec(_ text: String) throws -> String {
    let manifest = try CopilotManifest.read(Data(text.utf8), file: "manifest.yml")
    return CopilotImporter(sourceFile: "manifest.yml", applicationName: "shop").spec(for: manifest)
  }

  @Test(arguments: [
    ("@daily", "cron(0 0 * * ? *)"), ("@midnight", "cron(0 0 * * ? *)"),
    ("@hourly", "cron(0 * * * ? *)"), ("@weekly", "cron(0 0 ? * 1 *)"),
    ("@monthly", "cron(0 0 1 * ? *)"), ("@yearly", "cron(0 0 1 1 ? *)"),
    ("@annually", "cron(0 0 1 1 ? *)"), ("@every 1h30m", "rate(90 minutes)"),
    ("@every 1m", "rate(1 minute)"), ("0 9 * * 1-5", "cron(0 9 ? * 2-6 *)"),
    ("*/15 * * * *", "cron(*/15 * * * ? *)"), ("0 3 1 * *", "cron(0 3 1 * ? *)"),
    ("0 0 * * 0", "cron(0 0 ? * 1 *)"), ("rate(5 minutes)", "rate(5 minutes)"),
    ("cron(0 12 * * ? *)", "cron(0 12 * * ? *)"),
  ])
  func schedulesConvertAsCopilotDeployedThem(copilot: String, expected: String) {
    guard case .expression(let expression, _) = CopilotSchedule.convert(copilot) else {
      Issue.record("\(copilot) did not convert")
      return
    }
    #expect(expression == expected)
  }

  @Test func unusableAndDisabledSchedulesAreSaid() {
    #expect(CopilotSchedule.convert("none") == .disabled)
    #expect(CopilotSchedule.convert("@every 30s") == .unusable)
    #expect(CopilotSchedule.convert("0 9 1 * 1") == .unusable)
    #expect(CopilotSchedule.convert("every day") == .unusable)
  }

  @Test func scheduledJobSpecsLintForEveryScheduleForm() throws {
    for schedule in ["@daily", "@every 2h", "0 9 * * 1-5", "none", "whenever", "rate(1 hour)"] {
      let spec = try importSpec(
        "name: j\ntype: Scheduled Job\nimage: {location: r/j:1}\non: {schedule: \"\(schedule)\"}\n")
      #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors, "\(spec)")
    }
  }

  @Test(arguments: [
    ("30s", 30), ("1m30s", 90), ("1.5h", 5400), ("500ms", 1), ("2h", 7200), ("0", 0),
  ])
  func goDurations(text: String, seconds: Int) {
    #expect(GoDuration.seconds(text) == seconds)
  }

  @Test func notGoDurations() {
    for text in ["", "abc", "10", "5x", "-5s", "99999999999h"] {
      #expect(GoDuration.seconds(text) == nil, "\(text)")
    }
  }

  @Test func fargateSizeIsTheSmallestThatGivesBoth() {
    #expect(CopilotSpecMapper.fargateSize(cpu: 256, memory: 512) == (256, 512))
    #expect(CopilotSpecMapper.fargateSize(cpu: 1024, memory: 3000) == (1024, 3072))
    #expect(CopilotSpecMapper.fargateSize(cpu: 256, memory: 4096) == (512, 4096))
    #expect(CopilotSpecMapper.fargateSize(cpu: 100, memory: 100) == (256, 512))
  }

  @Test func secretsOfEveryFormMapOrSayWhatToDo() throws {
    let spec = try importSpec(
      """
      name: s
      type: Backend Service
      image: {location: r/s:1}
      secrets:
        A: /app/a
        B: plain-name
        C: arn:aws:ssm:eu-west-2:123456789012:parameter/c
        D: {secretsmanager: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:d-AbCdEf'}
        E: {secretsmanager: 'named/secret'}
      """)
    #expect(spec.contains("  A: /app/a\n"))
    #expect(spec.contains("  B: /plain-name\n"))
    #expect(spec.contains("  C: arn:aws:ssm:eu-west-2:123456789012:parameter/c\n"))
    #expect(spec.contains("D: arn:aws:secretsmanager:eu-west-2:123456789012:secret:d-AbCdEf"))
    #expect(spec.contains("names the Secrets Manager secret `named/secret`"))
    #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors)
  }

  @Test func backendWithHTTPIsAnInternalWebServiceAndWithoutABackend() throws {
    let withHTTP = try importSpec(
      "name: b\ntype: Backend Service\nimage: {location: r/b:1, port: 8080}\nhttp: {path: /}\n")
    #expect(!withHTTP.contains("\nkind:"))
    #expect(withHTTP.contains("  public: false\n"))
    let without = try importSpec(
      "name: b\ntype: Backend Service\nimage: {location: r/b:1, port: 8080}\n")
    #expect(without.contains("\nkind: backend\n"))
  }

  @Test func overridesMergeAsCopilotDidAndBecomeDifferences() throws {
    let base = try #require(
      try Yams.compose(
        yaml: "image: {build: x}\ncount: {range: 1-4, cpu_percentage: 50}\nexec: true\n"))
    let override = try #require(try Yams.compose(yaml: "image: {location: r/x:1}\ncount: 3\n"))
    let merged = CopilotOverrides.merge(base, override)
    #expect(merged["image"]?["build"] == nil)
    #expect(merged["image"]?["location"]?.string == "r/x:1")
    #expect(merged["count"]?.string == "3")
    #expect(merged["exec"]?.string == "true")
    let difference = CopilotOverrides.difference(
      [
        YAMLEntry("cpu", .int(256)), YAMLEntry("autoscaling", .map([("min", .int(1))])),
        YAMLEntry("logs", .map([("retention_days", .int(30)), ("group", .string("g"))])),
      ],
      [
        YAMLEntry("cpu", .int(256), comments: ["a comment does not make a difference"]),
        YAMLEntry("logs", .map([("retention_days", .int(90)), ("group", .string("g"))])),
        YAMLEntry("count", .int(3)),
      ])
    #expect(
      difference.map { CopilotOverrides.stripped(.mapping([$0])) } == [
        .mapping([YAMLEntry("logs", .map([("retention_days", .int(90))]))]),
        .mapping([YAMLEntry("count", .int(3))]),
        .mapping([YAMLEntry("autoscaling", .null)]),
      ])
  }

  @Test func everyKeyReadIsRecordedAndOthersAreNot() throws {
    let text = """
      name: s
      type: Backend Service
      image:
        location: r/s:1
        colour: blue
      queues: {}
      """
    let manifest = try CopilotManifest.read(Data(text.utf8), file: "m.yml")
    let log = CopilotReadLog()
    let root = CopilotValue(
      node: manifest.root, path: "", log: log, substitution: CopilotSubstitution())
    _ = CopilotSpecMapper(
      root: root, type: .backendService, serviceName: "s", applicationName: nil,
      environment: nil
    ).entries()
    // `image` (line 3, column 1) and `image.location` (line 4, column 3) were read;
    // `image.colour` and `queues` were not, so the audit reports them.
    #expect(log.consumed.contains(CopilotKeyPosition(line: 3, column: 1)))
    #expect(log.consumed.contains(CopilotKeyPosition(line: 4, column: 3)))
    #expect(!log.consumed.contains(CopilotKeyPosition(line: 5, column: 3)))
    #expect(!log.consumed.contains(CopilotKeyPosition(line: 6, column: 1)))
  }

  @Test func auditFindingsBecomeHeaderWarningsWithKeyAndLine() throws {
    let manifest = try CopilotManifest.read(
      Data("name: s\ntype: Backend Service\n".utf8), file: "m.yml")
    let finding = CopilotImportFinding(
      keyPath: "http.stickyness", line: 23, column: 3, message: "did you mean `stickiness`?")
    let header = CopilotImporter(sourceFile: "m.yml", applicationName: "shop").header(
      manifest, warnings: [], findings: [finding], log: CopilotReadLog())
    #expect(header.contains("WARNING: `http.stickyness` (line 23): did you mean `stickiness`?"))
  }

  @Test func theLintGuardLeavesOutAnEntryWithAnErrorAndSaysSo() {
    let entries = [
      YAMLEntry("name", .string("s")), YAMLEntry("image", .string("r/s:1")),
      YAMLEntry("port", .int(8080)),
      YAMLEntry("health_check", .map([("path", .string("no-leading-slash"))])),
      YAMLEntry("cpu", .int(256)),
    ]
    let checked = CopilotLintGuard.dropEntriesWithErrors(entries)
    #expect(checked.entries.map(\.key) == ["name", "image", "port", "cpu"])
    #expect(checked.dropped.count == 1)
    #expect(
      checked.dropped.first?.hasPrefix("the imported `health_check.path` did not pass lint")
        == true)
  }

  /// One bad entry costs that entry only: the other secrets and the rest of the load balancer
  /// stay (real manifests put AWS_ACCESS_KEY_ID in `secrets`, or one domain in two environments).
  @Test func theLintGuardLeavesOutOnlyTheInnermostEntryWithAnError() {
    let entries = [
      YAMLEntry("name", .string("s")), YAMLEntry("image", .string("r/s:1")),
      YAMLEntry("port", .int(8080)),
      YAMLEntry(
        "secrets",
        .map([
          ("AWS_ACCESS_KEY_ID", .string("/s/key")), ("DB_PASSWORD", .string("/s/db-password")),
        ])),
      YAMLEntry(
        "load_balancer",
        .map([("deregistration_delay", .string("30s")), ("idle_timeout", .string("9000s"))])),
    ]
    let checked = CopilotLintGuard.dropEntriesWithErrors(entries)
    let printed = YAMLPrinter().print(.mapping(checked.entries))
    #expect(printed.contains("DB_PASSWORD: /s/db-password"), "\(printed)")
    #expect(!printed.contains("AWS_ACCESS_KEY_ID"))
    #expect(printed.contains("deregistration_delay: 30s"), "\(printed)")
    #expect(!printed.contains("idle_timeout"))
    #expect(
      checked.dropped.map { $0.prefix(40) } == [
        "the imported `secrets.AWS_ACCESS_KEY_ID`", "the imported `load_balancer.idle_timeout",
      ])
  }

  @Test func theLintGuardRemovesAMappingItLeavesEmpty() {
    let entries = [
      YAMLEntry("name", .string("s")), YAMLEntry("image", .string("r/s:1")),
      YAMLEntry("port", .int(8080)),
      YAMLEntry("secrets", .map([("AWS_SECRET_ACCESS_KEY", .string("/s/key"))])),
    ]
    let checked = CopilotLintGuard.dropEntriesWithErrors(entries)
    #expect(checked.entries.map(\.key) == ["name", "image", "port"])
  }

  @Test func workspaceNamesTheApplication() {
    #expect(CopilotWorkspace.applicationName(in: "application: shop\n") == "shop")
    #expect(CopilotWorkspace.applicationName(in: "application: 'shop'\n") == "shop")
    #expect(CopilotWorkspace.applicationName(in: "application: a b\n") == nil)
    #expect(CopilotWorkspace.applicationName(in: "other: x\n") == nil)
  }

  @Test func anEnvironmentNameEcsgenRefusesIsLeftOutWithAWarning() throws {
    let spec = try importSpec(
      "name: s\ntype: Backend Service\nimage: {location: r/s:1}\nenvironments: {Prod_EU: {count: 2}, dev: {count: 3}}\n"
    )
    #expect(spec.contains("WARNING: the environment `Prod_EU` was left out"))
    #expect(spec.contains("\n  dev:\n"))
    #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors, "\(spec)")
  }

  @Test func environmentsComeInTheOrderOfTheEnvironmentManifestsThenTheOverrides() throws {
    let manifest = try CopilotManifest.read(
      Data(
        "name: s\ntype: Backend Service\nimage: {location: r/s:1}\nenvironments: {zeta: {count: 2}, prod: {count: 3}}\n"
          .utf8), file: "m.yml")
    let spec = CopilotImporter(
      sourceFile: "m.yml", applicationName: "shop",
      environmentManifests: [
        CopilotEnvironmentManifest(name: "prod"), CopilotEnvironmentManifest(name: "dev"),
      ]
    ).spec(for: manifest)
    let order = ["prod", "dev", "zeta"].map { spec.range(of: "\n  \($0):")?.lowerBound }
    #expect(order.allSatisfy { $0 != nil })
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors, "\(spec)")
  }
}
