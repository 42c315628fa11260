import ECSGenImport
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Every case under `examples/lambda-triggers/` (a function and the AWS CLI's answers about its
/// triggers) imports to the spec in `golden/import/triggers/`, of the kind the design's table
/// says, with only the keys that kind accepts, and lints with no error.
@Suite struct TriggerImportGoldenTests {
  static let directory = "examples/lambda-triggers"
  static let cases = GoldenFile.files(in: directory, suffix: "")

  /// The files of one case, from the package root.
  static func files(_ name: String) -> (function: String, triggers: TriggerFiles) {
    let base = directory + "/" + name + "/"
    func optional(_ file: String) -> String? {
      FileManager.default.fileExists(atPath: GoldenFile.packageRoot + "/" + base + file)
        ? base + file : nil
    }
    return (
      base + "function.json",
      TriggerFiles(
        eventSourceMappings: optional("event-source-mappings.json"),
        schedules: optional("schedules.json"), rules: optional("rules.json"))
    )
  }

  static func read(_ path: String) throws -> Data {
    try #require(FileManager.default.contents(atPath: GoldenFile.packageRoot + "/" + path))
  }

  static func imported(_ name: String) throws -> String {
    let (functionFile, triggerFiles) = files(name)
    var triggers = LambdaTriggers()
    if let path = triggerFiles.eventSourceMappings {
      triggers.eventSourceMappings = try LambdaTriggerReader.eventSourceMappings(read(path))
    }
    if let path = triggerFiles.schedules {
      triggers.schedules = try LambdaTriggerReader.schedules(read(path))
    }
    if let path = triggerFiles.rules {
      triggers.rules = try LambdaTriggerReader.rules(read(path))
    }
    let function = try LambdaConfigurationReader.read(read(functionFile))
    return LambdaImporter(sourceFile: functionFile, triggerFiles: triggerFiles)
      .spec(for: function, triggers: triggers)
  }

  /// The kind each case must import as (nil: `web`, no `kind` key), and its WARNING count.
  static let expected: [String: (kind: ServiceKind, warnings: Int)] = [
    "sqs-worker": (.worker, 0),
    "scheduler-job": (.job, 0),
    "rule-schedule-job": (.job, 0),
    "s3-event-job": (.job, 0),
    "kinesis-warning": (.web, 1),
    "several-triggers": (.worker, 4),
  ]

  @Test func everyCaseHasAnExpectation() {
    #expect(Self.cases.sorted() == Self.expected.keys.sorted())
  }

  @Test(arguments: cases)
  func importedSpecMatchesGolden(name: String) throws {
    GoldenFile.check(try Self.imported(name), against: "golden/import/triggers/\(name).yaml")
  }

  @Test(arguments: cases)
  func importedSpecHasTheKindAndOnlyItsKeys(name: String) throws {
    let spec = try Self.imported(name)
    let loaded = ServiceSpecLoader.load(text: spec, file: "imported.yaml")
    let expected = try #require(Self.expected[name])
    #expect((loaded.spec?.kind?.value ?? .web) == expected.kind)
    #expect(spec.components(separatedBy: "WARNING:").count - 1 == expected.warnings)
    let others = loaded.diagnostics.filter {
      $0.severity == .error
    }
    #expect(others.isEmpty, "\(others)")
    let parsed = try #require(loaded.spec)
    if expected.kind != .web {
      #expect(parsed.port == nil && parsed.loadBalancer == nil && parsed.healthCheck == nil)
    }
    switch expected.kind {
    case .worker:
      #expect(parsed.queue?.arn != nil)
      #expect(parsed.schedule == nil && parsed.eventTrigger == nil && parsed.timeout == nil)
    case .job:
      #expect((parsed.schedule == nil) != (parsed.eventTrigger == nil))
      #expect(parsed.autoscaling == nil && parsed.count == nil && parsed.queue == nil)
    case .web, .backend:
      #expect(parsed.port != nil)
    }
  }

  @Test func theWorkerCarriesTheQueueAndTheConcurrency() throws {
    let parsed = try #require(
      ServiceSpecLoader.load(text: try Self.imported("sqs-worker"), file: "x.yaml").spec)
    #expect(parsed.queue?.arn?.value == "arn:aws:sqs:eu-west-2:123456789012:order-events")
    #expect(parsed.autoscaling?.max?.value == 20)
    #expect(parsed.autoscaling?.min?.value == 1)
    #expect(parsed.stopTimeout?.value == 90)
  }

  @Test func theSchedulerJobCarriesExpressionZoneAndRetryPolicy() throws {
    let parsed = try #require(
      ServiceSpecLoader.load(text: try Self.imported("scheduler-job"), file: "x.yaml").spec)
    #expect(parsed.schedule?.expression?.value == "cron(30 2 * * ? *)")
    #expect(parsed.schedule?.timeZone?.value == "Europe/London")
    #expect(parsed.schedule?.retry.retries?.value == 3)
    #expect(parsed.schedule?.retry.maxEventAge?.value == 7200)
    #expect(parsed.timeout?.value == 12 * 60)
  }

  @Test func theEventJobCarriesThePatternInItsOrderAndTheBus() throws {
    let spec = try Self.imported("s3-event-job")
    let parsed = try #require(ServiceSpecLoader.load(text: spec, file: "x.yaml").spec)
    guard case .object(let members)? = parsed.eventTrigger?.pattern?.value else {
      Issue.record("no pattern in \(spec)")
      return
    }
    #expect(members.map(\.key) == ["source", "detail-type", "detail"])
    #expect(parsed.eventTrigger?.bus == nil)
    #expect(parsed.eventTrigger?.eventEnvironmentName?.value == "ECSGEN_EVENT")
    // The numeric matcher keeps its number: `numeric: ['>', 0]`.
    #expect(spec.contains("- numeric:\n              - '>'\n              - 0\n"))
  }
}
