import ECSGenDiagnostics

/// `queue` of a `worker`: the SQS queue the worker consumes, either an existing one (`arn`) or one
/// that ecsgen creates (every other key describes the created queue).
public struct QueueSpec: Sendable, Equatable {
  public var location: SourceLocation
  /// An existing queue; nil means ecsgen creates the queue (and its dead-letter queue).
  public var arn: Located<String>?
  /// The customer KMS key that encrypts the queue; the task role may then decrypt with it.
  public var kmsKeyARN: Located<String>?
  /// The container's environment variable that holds the queue URL.
  public var urlEnvironmentName: Located<String>?
  /// Seconds.
  public var visibilityTimeout: Located<Int>?
  /// Seconds.
  public var retention: Located<Int>?
  public var maxReceiveCount: Located<Int>?
  public var fifo: Located<Bool>?
  public var subscriptions: [QueueSubscriptionSpec]?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// One SNS topic that delivers into a created queue.
public struct QueueSubscriptionSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var topicARN: Located<String>?
  /// Written as YAML, rendered as JSON.
  public var filterPolicy: Located<JSONValue>?
  public var filterPolicyScope: Located<FilterPolicyScope>?
  public var rawMessageDelivery: Located<Bool>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// What an SNS filter policy matches: the message attributes (SNS's default) or the body.
public enum FilterPolicyScope: String, Sendable, Equatable, CaseIterable {
  case messageAttributes = "MessageAttributes"
  case messageBody = "MessageBody"
}

/// `schedule` of a `job`: when EventBridge Scheduler starts it.
public struct ScheduleSpec: Sendable, Equatable {
  public var location: SourceLocation
  /// `cron(...)`, `rate(...)` or `at(...)`.
  public var expression: Located<String>?
  /// An IANA time zone name; the expression is evaluated in it.
  public var timeZone: Located<String>?
  public var retry: RetrySpec

  public init(location: SourceLocation) {
    self.location = location
    self.retry = RetrySpec()
  }
}

/// `on` of a `job`: the EventBridge events that start it; the event reaches the container as JSON.
public struct EventTriggerSpec: Sendable, Equatable {
  public var location: SourceLocation
  /// The event pattern, written as YAML, rendered as JSON.
  public var pattern: Located<JSONValue>?
  /// A bus name or ARN.
  public var bus: Located<String>?
  /// The container's environment variable that holds the event's JSON.
  public var eventEnvironmentName: Located<String>?
  public var retry: RetrySpec

  public init(location: SourceLocation) {
    self.location = location
    self.retry = RetrySpec()
  }
}

/// How often a failed start of a job is retried, for a schedule and a rule alike.
public struct RetrySpec: Sendable, Equatable {
  public var retries: Located<Int>?
  /// Seconds.
  public var maxEventAge: Located<Int>?

  public init() {}
}
