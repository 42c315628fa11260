import ECSGenImport
import Foundation
import Testing

/// Trigger files that are not what their option expects get an error that says what is wrong
/// and which field; none crashes the import.
@Suite struct BadTriggerInputTests {
  enum Reader {
    case mappings, schedules, rules
  }

  /// Whether the reader refuses `json` with a message that contains `reason`.
  static func refused(_ reader: Reader, _ json: String, _ reason: String) -> Bool {
    let data = Data(json.utf8)
    do {
      switch reader {
      case .mappings: _ = try LambdaTriggerReader.eventSourceMappings(data)
      case .schedules: _ = try LambdaTriggerReader.schedules(data)
      case .rules: _ = try LambdaTriggerReader.rules(data)
      }
      return false
    } catch {
      return error.description.contains(reason)
    }
  }

  @Test(arguments: [
    ("{not json", "not JSON"),
    ("[]", "no `EventSourceMappings`"),
    (#"{"Functions": []}"#, "no `EventSourceMappings`"),
    (#"{"EventSourceMappings": {"a": 1}}"#, "is not a list"),
    (
      #"{"EventSourceMappings": [7]}"#,
      "the mapping at `EventSourceMappings[0]` is not a JSON object"
    ),
    (#"{"EventSourceMappings": [{"BatchSize": 10}]}"#, "has no `EventSourceArn`"),
    (
      #"{"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:r:1:q", "BatchSize": "ten"}]}"#,
      "`BatchSize` of the mapping at `EventSourceMappings[0]` is the text \"ten\"; expected a whole number"
    ),
    (
      #"{"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:r:1:q", "BatchSize": true}]}"#,
      "is true; expected a whole number"
    ),
    (
      #"{"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:r:1:q", "BatchSize": 2.5}]}"#,
      "expected a whole number"
    ),
    (
      #"{"EventSourceMappings": [{"EventSourceArn": 5}]}"#,
      "`EventSourceArn` of the mapping at `EventSourceMappings[0]` is 5; expected a string"
    ),
    (
      #"{"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:r:1:q", "ScalingConfig": {"MaximumConcurrency": "x"}}]}"#,
      "`ScalingConfig.MaximumConcurrency` of the mapping at `EventSourceMappings[0]`"
    ),
    (
      #"{"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:r:1:q", "FunctionResponseTypes": "ReportBatchItemFailures"}]}"#,
      "expected a list of strings"
    ),
  ])
  func badMappingsAreRefused(json: String, reason: String) {
    #expect(Self.refused(.mappings, json, reason))
  }

  @Test(arguments: [
    ("", "not JSON"),
    ("42", "neither an object nor a list"),
    (#"{"Schedules": [{"Name": "x"}]}"#, "`aws scheduler list-schedules`"),
    (#"{"Name": "x"}"#, "the schedule has no `ScheduleExpression`"),
    (#"{"ScheduleExpression": "rate(1 day)"}"#, "no `Name`"),
    (
      #"[{"Name": "x", "ScheduleExpression": 5}]"#,
      "`ScheduleExpression` of the schedule at index 0 is 5"
    ),
    (
      #"{"Name": "x", "ScheduleExpression": "rate(1 day)", "Target": "arn"}"#,
      "`Target` of the schedule is the text \"arn\"; expected a JSON object"
    ),
    (
      #"{"Name": "x", "ScheduleExpression": "rate(1 day)", "Target": {"RetryPolicy": {"MaximumRetryAttempts": -1}}}"#,
      "`Target.RetryPolicy.MaximumRetryAttempts` of the schedule is -1"
    ),
  ])
  func badSchedulesAreRefused(json: String, reason: String) {
    #expect(Self.refused(.schedules, json, reason))
  }

  @Test(arguments: [
    ("null", "neither an object nor a list"),
    (#"{"Name": "r"}"#, "neither `ScheduleExpression` nor `EventPattern`"),
    (
      #"{"Name": "r", "EventPattern": "{source"}"#,
      "`EventPattern` of the rule is not a JSON object"
    ),
    (#"{"Name": "r", "EventPattern": "[1]"}"#, "not a JSON object"),
    (#"{"Name": "r", "EventPattern": "{}"}"#, "not a JSON object"),
    (#"{"Name": "r", "EventPattern": {"source": ["x"]}}"#, "is an object; expected a string"),
    (
      #"[{"Name": "r", "ScheduleExpression": "rate(1 day)"}, "x"]"#,
      "the rule at index 1 is not a JSON object"
    ),
  ])
  func badRulesAreRefused(json: String, reason: String) {
    #expect(Self.refused(.rules, json, reason))
  }

  @Test func aPatternNestedDeeperThanAnyRealOneIsRefusedWithoutRecursingFurther() {
    let deep =
      String(repeating: "{\\\"a\\\":", count: 10_000) + "1"
      + String(repeating: "}", count: 10_000)
    #expect(
      Self.refused(.rules, #"{"Name": "r", "EventPattern": "\#(deep)"}"#, "not a JSON object"))
  }

  @Test func fieldsEcsgenDoesNotUseAreIgnoredSoThatNewerCLIOutputStillImports() throws {
    let json = #"""
      {"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:eu-west-2:1:q", "State": "Enabled",
        "MetricsConfig": {"Metrics": ["EventCount"]}, "SomeFutureField": [1, {"x": null}]}],
       "NextMarker": null}
      """#
    let mappings = try LambdaTriggerReader.eventSourceMappings(Data(json.utf8))
    #expect(mappings.count == 1)
    #expect(mappings.first?.source == .sqs)
  }

  @Test func aFileAboveOneMebibyteIsRefused() {
    let big = "[" + String(repeating: " ", count: LambdaTriggerReader.maxBytes) + "]"
    #expect(Self.refused(.rules, big, "at most"))
  }
}
