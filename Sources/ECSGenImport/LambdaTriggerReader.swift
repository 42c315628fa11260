import ECSGenSpec
import Foundation

/// Reads the AWS CLI's answers about what invokes a function. Field names checked against the
/// API references (Lambda `ListEventSourceMappings`/`GetEventSourceMapping`, EventBridge
/// Scheduler `GetSchedule`, EventBridge `DescribeRule`/`Rule`):
/// - a mapping: `EventSourceArn`, `BatchSize`, `MaximumBatchingWindowInSeconds`,
///   `ScalingConfig.MaximumConcurrency`, `State` (`Creating`, `Enabling`, `Enabled`,
///   `Disabling`, `Disabled`, `Updating`, `Deleting`), `FunctionResponseTypes`, `FilterCriteria`,
///   `SelfManagedEventSource` (self-managed Kafka, which has no `EventSourceArn`);
/// - a schedule: `Name`, `ScheduleExpression`, `ScheduleExpressionTimezone`, `State`
///   (`ENABLED`/`DISABLED`), `FlexibleTimeWindow.Mode`, `Target.Arn`, `Target.Input`,
///   `Target.RetryPolicy.{MaximumRetryAttempts, MaximumEventAgeInSeconds}`,
///   `Target.DeadLetterConfig.Arn`;
/// - a rule: `Name`, `EventBusName`, `ScheduleExpression`, `EventPattern` (a JSON document in a
///   string), `State` (`ENABLED`, `DISABLED`, `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`).
///
/// Fields ecsgen does not use are ignored, not refused: AWS adds fields to these answers over
/// time (`MetricsConfig`, `ProvisionedPollerConfig`, ...), and a newer CLI must not break the
/// import. A field ecsgen uses with the wrong type is an error that names it.
public enum LambdaTriggerReader {
  /// The largest file read, as for the function's configuration: real answers are kilobytes.
  public static let maxBytes = LambdaConfigurationReader.maxBytes

  /// `aws lambda list-event-source-mappings --function-name F` (or one `get-event-source-mapping`).
  public static func eventSourceMappings(_ data: Data) throws(ImportError) -> [EventSourceMapping] {
    let command = "`aws lambda list-event-source-mappings --function-name NAME`"
    let root = try json(data, command: command)
    let items: [Any]
    let path: String
    if let object = root as? [String: Any], let list = object["EventSourceMappings"] {
      guard let array = list as? [Any] else {
        throw ImportError("`EventSourceMappings` is not a list; expected the output of \(command)")
      }
      (items, path) = (array, "EventSourceMappings")
    } else if let object = root as? [String: Any], object["UUID"] != nil {
      (items, path) = ([object], "")
    } else {
      throw ImportError(
        "this JSON has no `EventSourceMappings`, so it is not the output of \(command)")
    }
    return try items.enumerated().map { index, item throws(ImportError) in
      try mapping(
        Fields(item, owner: path.isEmpty ? "the mapping" : "the mapping at `\(path)[\(index)]`"))
    }
  }

  /// `aws scheduler get-schedule`, or a JSON array of such answers.
  public static func schedules(_ data: Data) throws(ImportError) -> [SchedulerSchedule] {
    let command = "`aws scheduler get-schedule --name NAME` (or a JSON array of them)"
    let root = try json(data, command: command)
    if let object = root as? [String: Any], object["Schedules"] != nil {
      throw ImportError(
        "this is the output of `aws scheduler list-schedules`, which has no schedule expressions; give the output of \(command)"
      )
    }
    return try list(root, path: "schedule", command: command).map {
      fields throws(ImportError) in try schedule(fields)
    }
  }

  /// `aws events describe-rule`, a JSON array of such answers, or `aws events list-rules`.
  public static func rules(_ data: Data) throws(ImportError) -> [EventRule] {
    let command = "`aws events describe-rule --name NAME` (or a JSON array of them)"
    var root = try json(data, command: command)
    if let object = root as? [String: Any], let rules = object["Rules"] {
      root = rules
    }
    return try list(root, path: "rule", command: command).map {
      fields throws(ImportError) in try rule(fields)
    }
  }

  private static func json(_ data: Data, command: String) throws(ImportError) -> Any {
    guard data.count <= maxBytes else { throw ImportError(tooLarge: data.count, limit: maxBytes) }
    do {
      // Fragments (`42`, `null`) parse, so that they get the "not an object" answer below.
      return try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
    } catch {
      throw ImportError("the file is not JSON; give the output of \(command)")
    }
  }

  /// One object, or an array of objects, as fields of `the rule`, `the rule at index 1`, ...
  private static func list(_ root: Any, path: String, command: String) throws(ImportError)
    -> [Fields]
  {
    if root is [String: Any] { return [try Fields(root, owner: "the \(path)")] }
    guard let array = root as? [Any] else {
      throw ImportError(
        "the JSON is neither an object nor a list; expected the output of \(command)")
    }
    return try array.enumerated().map { index, item throws(ImportError) in
      try Fields(item, owner: "the \(path) at index \(index)")
    }
  }

  private static func mapping(_ fields: Fields) throws(ImportError) -> EventSourceMapping {
    let arn = try fields.string("EventSourceArn")
    let selfManaged = try fields.object("SelfManagedEventSource")
    guard arn != nil || selfManaged != nil else {
      throw ImportError(
        "\(fields.owner) has no `EventSourceArn` (nor `SelfManagedEventSource`), so it is not an event source mapping"
      )
    }
    return EventSourceMapping(
      eventSourceARN: arn,
      source: arn.map(source(ofARN:)) ?? .selfManagedKafka,
      batchSize: try fields.int("BatchSize"),
      batchingWindowSeconds: try fields.int("MaximumBatchingWindowInSeconds"),
      maximumConcurrency: try fields.object("ScalingConfig")?.int("MaximumConcurrency"),
      state: try fields.string("State"),
      functionResponseTypes: try fields.strings("FunctionResponseTypes"),
      hasFilterCriteria: !(try fields.object("FilterCriteria")?.list("Filters") ?? []).isEmpty)
  }

  /// The service in `arn:PARTITION:SERVICE:...`.
  static func source(ofARN arn: String) -> EventSourceMapping.Source {
    let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
    let service = parts.count > 2 ? String(parts[2]) : arn
    switch service {
    case "sqs": return .sqs
    case "kinesis": return .kinesis
    case "dynamodb": return .dynamoDBStream
    case "kafka": return .msk
    case "mq": return .mq
    case "rds", "docdb": return .documentDB
    default: return .other(service)
    }
  }

  private static func schedule(_ fields: Fields) throws(ImportError) -> SchedulerSchedule {
    let target = try fields.object("Target")
    let retry = try target?.object("RetryPolicy")
    return SchedulerSchedule(
      name: try fields.requiredString("Name"),
      expression: try fields.requiredString("ScheduleExpression"),
      timeZone: try fields.string("ScheduleExpressionTimezone"),
      state: try fields.string("State"),
      targetARN: try target?.string("Arn"),
      retries: try retry?.int("MaximumRetryAttempts"),
      maxEventAgeSeconds: try retry?.int("MaximumEventAgeInSeconds"),
      input: try target?.string("Input"),
      deadLetterARN: try target?.object("DeadLetterConfig")?.string("Arn"),
      flexibleWindowMode: try fields.object("FlexibleTimeWindow")?.string("Mode"))
  }

  private static func rule(_ fields: Fields) throws(ImportError) -> EventRule {
    let name = try fields.requiredString("Name")
    let expression = try fields.string("ScheduleExpression")
    var pattern: JSONValue?
    if let text = try fields.string("EventPattern") {
      guard let parsed = OrderedJSON.parse(text), parsed.isNonEmptyObject else {
        throw ImportError(
          "`EventPattern` of \(fields.owner) is not a JSON object; EventBridge stores the pattern as a JSON document in a string"
        )
      }
      pattern = parsed
    }
    guard expression != nil || pattern != nil else {
      throw ImportError(
        "\(fields.owner) (\(name)) has neither `ScheduleExpression` nor `EventPattern`; give the output of `aws events describe-rule`"
      )
    }
    return EventRule(
      name: name, busName: try fields.string("EventBusName"), scheduleExpression: expression,
      eventPattern: pattern, state: try fields.string("State"))
  }
}

/// Typed access to one JSON object's fields, with errors that name the field and its owner
/// (`` `Target.Arn` of the schedule at index 2 ``).
private struct Fields {
  let object: [String: Any]
  /// The object the fields belong to, in words: `the schedule`, `the rule at index 1`.
  let owner: String
  /// The keys that led here inside the owner, with a trailing dot: `Target.RetryPolicy.`.
  let keyPath: String

  init(_ value: Any, owner: String, keyPath: String = "") throws(ImportError) {
    guard let object = value as? [String: Any] else {
      throw ImportError("\(owner) is not a JSON object")
    }
    self.object = object
    self.owner = owner
    self.keyPath = keyPath
  }

  private func name(_ key: String) -> String { "`\(keyPath)\(key)` of \(owner)" }

  /// The wrong value, said so that its type shows: `the text "3"`, `a list`, `true`.
  private func describe(_ value: Any) -> String {
    switch value {
    case let text as String: "the text \"\(text.prefix(40))\""
    case is [Any]: "a list"
    case is [String: Any]: "an object"
    case let number as NSNumber where String(cString: number.objCType) == "c":
      number.boolValue ? "true" : "false"
    default: String(String(describing: value).prefix(40))
    }
  }

  func string(_ key: String) throws(ImportError) -> String? {
    guard let value = object[key], !(value is NSNull) else { return nil }
    guard let text = value as? String else {
      throw ImportError("\(name(key)) is \(describe(value)); expected a string")
    }
    return text
  }

  func requiredString(_ key: String) throws(ImportError) -> String {
    guard let text = try string(key), !text.isEmpty else {
      throw ImportError("\(owner) has no `\(keyPath)\(key)`; it is required")
    }
    return text
  }

  func int(_ key: String) throws(ImportError) -> Int? {
    guard let value = object[key], !(value is NSNull) else { return nil }
    // JSONSerialization reads `true` as an NSNumber that also casts to Int (and `1` casts to
    // Bool), so a boolean is told apart by its Objective-C type code `c`.
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
      let whole = Int(exactly: number.doubleValue), whole >= 0
    else {
      throw ImportError("\(name(key)) is \(describe(value)); expected a whole number")
    }
    return whole
  }

  func strings(_ key: String) throws(ImportError) -> [String] {
    guard let value = object[key], !(value is NSNull) else { return [] }
    guard let list = value as? [String] else {
      throw ImportError("\(name(key)) is \(describe(value)); expected a list of strings")
    }
    return list
  }

  func list(_ key: String) throws(ImportError) -> [Any] {
    guard let value = object[key], !(value is NSNull) else { return [] }
    guard let list = value as? [Any] else {
      throw ImportError("\(name(key)) is \(describe(value)); expected a list")
    }
    return list
  }

  func object(_ key: String) throws(ImportError) -> Fields? {
    guard let value = object[key], !(value is NSNull) else { return nil }
    guard value is [String: Any] else {
      throw ImportError("\(name(key)) is \(describe(value)); expected a JSON object")
    }
    return try Fields(value, owner: owner, keyPath: keyPath + key + ".")
  }
}
