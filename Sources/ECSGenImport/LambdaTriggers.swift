import ECSGenSpec

/// What invokes a Lambda function, read from the AWS CLI's answers (all optional inputs of
/// `ecsgen import lambda`): the event source mappings, the EventBridge Scheduler schedules and the
/// EventBridge rules that target the function. Each list keeps the order of its file.
public struct LambdaTriggers: Sendable, Equatable {
  public var eventSourceMappings: [EventSourceMapping]
  public var schedules: [SchedulerSchedule]
  public var rules: [EventRule]

  public init(
    eventSourceMappings: [EventSourceMapping] = [], schedules: [SchedulerSchedule] = [],
    rules: [EventRule] = []
  ) {
    self.eventSourceMappings = eventSourceMappings
    self.schedules = schedules
    self.rules = rules
  }

  /// True when no trigger file was given (or every file was empty).
  public var isEmpty: Bool { eventSourceMappings.isEmpty && schedules.isEmpty && rules.isEmpty }
}

/// One entry of `aws lambda list-event-source-mappings` (`EventSourceMappings[]`).
public struct EventSourceMapping: Sendable, Equatable {
  /// The queue, stream, cluster or broker; nil for a self-managed Kafka cluster, which has
  /// `SelfManagedEventSource` instead.
  public var eventSourceARN: String?
  public var source: Source
  public var batchSize: Int?
  public var batchingWindowSeconds: Int?
  /// `ScalingConfig.MaximumConcurrency` (SQS only).
  public var maximumConcurrency: Int?
  /// `Creating`, `Enabling`, `Enabled`, `Disabling`, `Disabled`, `Updating` or `Deleting`.
  public var state: String?
  public var functionResponseTypes: [String]
  /// The mapping had `FilterCriteria`: Lambda dropped the messages that did not match.
  public var hasFilterCriteria: Bool

  /// What the mapping reads, from the service in its ARN.
  public enum Source: Sendable, Equatable {
    case sqs
    case kinesis
    case dynamoDBStream
    case msk
    case selfManagedKafka
    case mq
    case documentDB
    case other(String)
  }

  /// A mapping that Lambda does not poll: disabled, or on its way there.
  public var isDisabled: Bool { state == "Disabled" || state == "Disabling" }
}

/// `aws scheduler get-schedule` output.
public struct SchedulerSchedule: Sendable, Equatable {
  public var name: String
  public var expression: String
  public var timeZone: String?
  /// `ENABLED` or `DISABLED`.
  public var state: String?
  public var targetARN: String?
  public var retries: Int?
  public var maxEventAgeSeconds: Int?
  /// The fixed input the schedule passed to the function.
  public var input: String?
  public var deadLetterARN: String?
  /// `FlexibleTimeWindow.Mode`: `OFF` or `FLEXIBLE`.
  public var flexibleWindowMode: String?

  public var isDisabled: Bool { state == "DISABLED" }
}

/// `aws events describe-rule` output.
public struct EventRule: Sendable, Equatable {
  public var name: String
  /// Nil or `default` for the default bus.
  public var busName: String?
  public var scheduleExpression: String?
  /// `EventPattern`, a JSON string in the CLI's answer, parsed with its key order kept.
  public var eventPattern: JSONValue?
  /// `ENABLED`, `DISABLED` or `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`.
  public var state: String?

  public var isDisabled: Bool { state == "DISABLED" }
}

/// The trigger files given to `import lambda`, named in the imported spec's header.
public struct TriggerFiles: Sendable, Equatable {
  public var eventSourceMappings: String?
  public var schedules: String?
  public var rules: String?

  public init(eventSourceMappings: String? = nil, schedules: String? = nil, rules: String? = nil) {
    self.eventSourceMappings = eventSourceMappings
    self.schedules = schedules
    self.rules = rules
  }

  public var isEmpty: Bool { eventSourceMappings == nil && schedules == nil && rules == nil }

  private var kinds: [(file: String?, what: String, command: String)] {
    [
      (eventSourceMappings, "event source mappings", "aws lambda list-event-source-mappings"),
      (schedules, "schedules", "aws scheduler get-schedule"),
      (rules, "rules", "aws events list-rule-names-by-target, then describe-rule"),
    ]
  }

  /// `event source mappings (m.json)` for each file given.
  var read: [String] { kinds.compactMap { kind in kind.file.map { "\(kind.what) (\($0))" } } }

  /// `schedules (`aws scheduler get-schedule`)` for each file not given.
  var missing: [String] {
    kinds.filter { $0.file == nil }.map { "\($0.what) (`\($0.command)`)" }
  }
}
