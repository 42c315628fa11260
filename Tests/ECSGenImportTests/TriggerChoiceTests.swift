import ECSGenSpec
import Foundation
import Testing

@testable import ECSGenImport

/// Which kind the triggers choose, and what the spec says about the ones it does not carry.
@Suite struct TriggerChoiceTests {
  static let function = LambdaFunction(
    name: "fn", arn: "arn:aws:lambda:eu-west-2:123456789012:function:fn", description: nil,
    memoryMB: 512, timeoutSeconds: 20, packageType: .image, runtime: nil, handler: nil,
    imageURI: "123456789012.dkr.ecr.eu-west-2.amazonaws.com/fn:1", imageEntryPoint: nil,
    imageCommand: ["app.handler"], architecture: "x86_64", ephemeralStorageMB: nil,
    environment: [], roleARN: nil, vpc: nil, logGroup: nil, layers: [], deadLetterTarget: nil,
    snapStart: nil, tracingActive: false, fileSystems: [], environmentKMSKey: nil,
    reservedConcurrency: nil, tags: [])

  static func mapping(_ arn: String, state: String = "Enabled") -> EventSourceMapping {
    EventSourceMapping(
      eventSourceARN: arn, source: LambdaTriggerReader.source(ofARN: arn), batchSize: nil,
      batchingWindowSeconds: nil, maximumConcurrency: nil, state: state,
      functionResponseTypes: [], hasFilterCriteria: false)
  }

  static func spec(_ triggers: LambdaTriggers) -> (text: String, spec: ServiceSpec?) {
    let text = LambdaImporter(
      sourceFile: "fn.json", triggerFiles: TriggerFiles(eventSourceMappings: "m.json")
    ).spec(for: function, triggers: triggers)
    return (text, ServiceSpecLoader.load(text: text, file: "x.yaml").spec)
  }

  @Test func withoutTriggerFilesTheSpecIsWebAndReadsAsBefore() {
    let text = LambdaImporter(sourceFile: "fn.json").spec(for: Self.function)
    #expect(!text.contains("kind:"))
    #expect(text.contains("Not visible in the function's configuration"))
    #expect(text.contains("\nport: 8080\n"))
  }

  @Test func aDisabledSQSMappingIsNotChosenAndIsNamed() {
    let result = Self.spec(
      LambdaTriggers(eventSourceMappings: [
        Self.mapping("arn:aws:sqs:eu-west-2:1:old", state: "Disabled"),
        Self.mapping("arn:aws:sqs:eu-west-2:1:new"),
      ]))
    #expect(result.spec?.queue?.arn?.value == "arn:aws:sqs:eu-west-2:1:new")
    #expect(
      result.text.contains(
        "WARNING: the event source mapping from arn:aws:sqs:eu-west-2:1:old is Disabled"))
  }

  @Test func onlyUnmappableTriggersLeaveAWebServiceWithWarnings() {
    let result = Self.spec(
      LambdaTriggers(eventSourceMappings: [
        Self.mapping("arn:aws:dynamodb:eu-west-2:1:table/t/stream/2026"),
        Self.mapping("arn:aws:kafka:eu-west-2:1:cluster/c/x"),
        Self.mapping("arn:aws:mq:eu-west-2:1:broker:b:x"),
      ]))
    #expect(result.spec?.kind == nil)
    #expect(result.spec?.port != nil)
    #expect(result.text.contains("(a DynamoDB stream) has no equivalent"))
    #expect(result.text.contains("(Kafka) has no equivalent"))
    #expect(result.text.contains("(an Amazon MQ broker) has no equivalent"))
    #expect(result.text.contains("None of them maps to a worker or a job"))
  }

  @Test func aScheduleThatTargetsAnotherFunctionIsNotCarriedOver() {
    let schedule = SchedulerSchedule(
      name: "s", expression: "rate(1 hour)", targetARN: "arn:aws:lambda:eu-west-2:1:function:other")
    let result = Self.spec(LambdaTriggers(schedules: [schedule]))
    #expect(result.spec?.schedule == nil)
    #expect(
      result.text.contains("targets arn:aws:lambda:eu-west-2:1:function:other, not this function"))
  }

  @Test func aScheduleOnAnAliasOfTheFunctionIsCarriedOver() {
    let schedule = SchedulerSchedule(
      name: "s", expression: "rate(1 hour)",
      targetARN: "arn:aws:lambda:eu-west-2:123456789012:function:fn:live")
    #expect(Self.spec(LambdaTriggers(schedules: [schedule])).spec?.schedule != nil)
  }

  @Test func anImageJobDoesNotKeepTheWebServerAdvice() {
    let rule = EventRule(
      name: "r", busName: "arn:aws:events:eu-west-2:1:event-bus/orders",
      eventPattern: .object([("source", .array([.string("orders")]))]))
    let result = Self.spec(LambdaTriggers(rules: [rule]))
    #expect(result.spec?.eventTrigger?.bus?.value == "arn:aws:events:eu-west-2:1:event-bus/orders")
    #expect(!result.text.contains("web server"))
    #expect(!result.text.contains("load balancer"))
    #expect(result.text.contains("ECSGEN_EVENT"))
  }

  @Test func nullsAndFractionsInAPatternAreFlaggedNotDropped() {
    let rule = EventRule(
      name: "r",
      eventPattern: .object([
        ("detail", .object([("a", .array([.null])), ("b", .array([.number("1.5")]))]))
      ]))
    let result = Self.spec(LambdaTriggers(rules: [rule]))
    #expect(result.text.contains("at pattern.detail.a[0]"))
    #expect(result.text.contains("at pattern.detail.b[0]"))
  }

  @Test func aRuleWithASchedulePrefersUTCAndEcsgensRetryDefaults() {
    let rule = EventRule(name: "r", scheduleExpression: "cron(0 6 ? * MON-FRI *)")
    let result = Self.spec(LambdaTriggers(rules: [rule]))
    #expect(result.spec?.schedule?.expression?.value == "cron(0 6 ? * MON-FRI *)")
    #expect(result.spec?.schedule?.timeZone == nil)
    #expect(result.spec?.timeout?.value == 3 * 60)
  }

  @Test func commentLinesNeverBreakInsideAQuotedCommand() {
    let lines = SpecBuilder.wrapped(
      "check by hand: destinations (`aws lambda get-function-event-invoke-config`) and more words",
      width: 40)
    #expect(lines.contains { $0.contains("`aws lambda get-function-event-invoke-config`") })
    #expect(lines.allSatisfy { $0.filter { $0 == "`" }.count % 2 == 0 })
  }
}
