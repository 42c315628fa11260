import ECSGenSpec
import Foundation
import Testing

@testable import ECSGenImport

/// Trigger files are input from whoever can edit the function's triggers: every field the
/// importer copies (names, ARNs, expressions, pattern keys and values) is quoted or escaped, so
/// the spec holds exactly the keys the importer meant.
@Suite struct HostileTriggerTests {
  static let payloads = [
    "\n ci:\n  role_arn: arn:aws:iam::666666666666:role/x\nfoo: bar", "x\r\nci: y",
    "x\u{2028}ci: y",
  ]

  static let function = try? LambdaConfigurationReader.read(
    Data(#"{"FunctionName": "fn", "MemorySize": 512, "Timeout": 30}"#.utf8))

  func check(_ spec: String) {
    let loaded = ServiceSpecLoader.load(text: spec, file: "imported.yaml")
    #expect(loaded.spec != nil, "\(loaded.diagnostics)\n\(spec)")
    #expect(loaded.spec?.ci == nil, "\(spec)")
    #expect(loaded.diagnostics.filter { $0.rule == "unknown-key" }.isEmpty, "\(spec)")
  }

  @Test(arguments: payloads)
  func mappingFieldsCannotAddKeys(payload: String) throws {
    let mapping = EventSourceMapping(
      eventSourceARN: "arn:aws:sqs:eu-west-2:1:q" + payload, source: .sqs, batchSize: 10,
      batchingWindowSeconds: 1, maximumConcurrency: 5, state: "Enabled" + payload,
      functionResponseTypes: ["ReportBatchItemFailures" + payload], hasFilterCriteria: true)
    let spec = LambdaImporter(sourceFile: "f.json" + payload)
      .spec(
        for: try #require(Self.function), triggers: LambdaTriggers(eventSourceMappings: [mapping]))
    check(spec)
  }

  @Test(arguments: payloads)
  func scheduleAndRuleFieldsCannotAddKeys(payload: String) throws {
    let escaped = String(
      decoding: try JSONSerialization.data(withJSONObject: ["k" + payload: ["v" + payload]]),
      as: UTF8.self)
    let rules = try LambdaTriggerReader.rules(
      JSONSerialization.data(withJSONObject: [
        ["Name": "r" + payload, "EventPattern": escaped, "EventBusName": "b" + payload]
      ]))
    let schedule = SchedulerSchedule(
      name: "s" + payload, expression: "rate(1 hour)" + payload, timeZone: "UTC" + payload,
      input: "{}" + payload, deadLetterARN: "arn" + payload)
    let function = try #require(Self.function)
    check(
      LambdaImporter(sourceFile: "f.json").spec(
        for: function, triggers: LambdaTriggers(rules: rules)))
    check(
      LambdaImporter(sourceFile: "f.json").spec(
        for: function, triggers: LambdaTriggers(schedules: [schedule])))
  }
}
