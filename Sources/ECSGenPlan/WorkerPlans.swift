/// A `worker`: a service that consumes an SQS queue, with the queue (created or existing), the
/// variable that hands the queue's URL to the container, and scaling on the backlog.
public struct WorkerPlan: Sendable, Equatable, Codable {
  public var service: ServicePlan
  public var queue: QueuePlan
  /// The container's environment variable holding the queue URL (`QUEUE_URL`); the task
  /// definition gets it (renderers add it after `TaskPlan.environment`, see `queueURLVariable`).
  public var queueURLVariable: String
  /// Target tracking on visible messages per running task; nil when the worker does not scale
  /// (no `autoscaling`).
  public var backlogScaling: BacklogScalingPlan?
}

/// The queue a worker consumes.
public enum QueuePlan: Sendable, Equatable, Codable {
  /// ecsgen creates the queue and its dead-letter queue.
  case created(CreatedQueuePlan)
  /// A queue that exists outside the generated infrastructure.
  case existing(ExistingQueuePlan)

  /// The queue's name (`orders`, `orders.fifo`), for metric dimensions.
  public var name: String {
    switch self {
    case .created(let queue): queue.name
    case .existing(let queue): queue.name
    }
  }
}

public struct CreatedQueuePlan: Sendable, Equatable, Codable {
  /// With `.fifo` at the end for a FIFO queue.
  public var name: String
  public var fifo: Bool
  public var visibilityTimeoutSeconds: Int
  public var retentionSeconds: Int
  /// Nil: SQS-managed server-side encryption (`SqsManagedSseEnabled`).
  public var kmsKeyARN: String?
  /// How long SQS reuses a data key before calling KMS again; only with `kmsKeyARN`.
  public var kmsDataKeyReuseSeconds: Int?
  /// Receives a message after `maxReceiveCount` failed receives.
  public var deadLetterQueue: DeadLetterQueuePlan
  public var maxReceiveCount: Int
  /// SNS topics that deliver into the queue; each gets a subscription and the queue policy
  /// admits it.
  public var subscriptions: [QueueSubscriptionPlan]
  /// The queue's resource policy: deny requests without TLS, and admit the subscribed topics.
  public var policy: [PolicyStatement]
  /// Replace by creating the new queue first (Terraform's `create_before_destroy`): only a new
  /// name or FIFO setting replaces a queue, and FIFO changes the name, so the two never collide,
  /// and the old queue keeps its messages until the new tasks run.
  public var createBeforeDestroy: Bool
}

/// A dead-letter queue: a worker's (messages that failed `maxReceiveCount` times) or a job's
/// (events whose start failed after the retries).
public struct DeadLetterQueuePlan: Sendable, Equatable, Codable {
  public var name: String
  public var fifo: Bool
  /// 14 days, the maximum, so that a failure can still be read after the source's retention.
  public var retentionSeconds: Int
  /// Encrypted like its source queue: the same customer key, or SQS-managed keys.
  public var kmsKeyARN: String?
  public var kmsDataKeyReuseSeconds: Int?
  /// Which queues may move messages into it (`redrive_allow_policy`): `byQueue` with the
  /// worker's queue, or nil for a job's, which only EventBridge or Scheduler write to.
  public var redriveAllowSourceQueue: Bool
  /// The queue's resource policy (deny non-TLS; for a job's rule, admit EventBridge).
  public var policy: [PolicyStatement]
  /// As `CreatedQueuePlan.createBeforeDestroy`.
  public var createBeforeDestroy: Bool
}

public struct ExistingQueuePlan: Sendable, Equatable, Codable {
  public var arn: String
  public var name: String
  /// `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`, derived from the ARN.
  public var url: String
  public var kmsKeyARN: String?
}

/// One SNS topic subscribed to a created queue.
public struct QueueSubscriptionPlan: Sendable, Equatable, Codable {
  /// A name unique within the worker, derived from the topic's name (`orders_events`), for
  /// resource addresses and logical ids: adding a topic never renames another one's resource.
  public var key: String
  public var topicARN: String
  /// The filter policy as JSON (keys in the order written); nil: every message.
  public var filterPolicy: PlanDocument?
  /// `MessageAttributes` or `MessageBody`; nil with no filter policy.
  public var filterPolicyScope: String?
  public var rawMessageDelivery: Bool
}

/// Scaling a worker on its backlog: target tracking on visible messages per running task (metric
/// math over SQS and Container Insights), plus, when the worker may scale to zero, a step policy
/// that starts the first task (target tracking cannot divide by zero tasks).
public struct BacklogScalingPlan: Sendable, Equatable, Codable {
  public var policyName: String
  public var targetMessagesPerTask: Int
  /// The metric queries of the customized metric, the last one returning `messages / tasks`.
  public var metrics: [MetricQueryPlan]
  public var scaleInCooldownSeconds: Int
  public var scaleOutCooldownSeconds: Int
  /// Nil unless `autoscaling.min` is 0.
  public var wakeUp: WakeUpPlan?
}

/// One query of a metric-math expression (CloudWatch's `MetricDataQuery`).
public struct MetricQueryPlan: Sendable, Equatable, Codable {
  public var id: String
  /// Set for an expression; nil for a metric (then `metric` is set).
  public var expression: String?
  public var metric: MetricStatPlan?
  public var label: String?
  public var returnData: Bool
}

public struct MetricStatPlan: Sendable, Equatable, Codable {
  public var namespace: String
  public var metricName: String
  /// Sorted by name.
  public var dimensions: [MetricDimension]
  public var stat: String
  /// Seconds; for alarms (target tracking sets its own period).
  public var periodSeconds: Int
}

public struct MetricDimension: Sendable, Equatable, Codable {
  public var name: String
  public var value: String
}

/// Starting a worker scaled to zero: an alarm on "messages waiting and no task running" whose
/// action is a step policy setting the count to `capacity`.
public struct WakeUpPlan: Sendable, Equatable, Codable {
  public var alarmName: String
  public var alarmDescription: String
  public var policyName: String
  /// The alarm's queries; the one returning data is 1 when it should wake up, 0 otherwise.
  public var metrics: [MetricQueryPlan]
  public var threshold: Int
  public var comparisonOperator: String
  public var evaluationPeriods: Int
  public var treatMissingData: String
  /// `ExactCapacity`: set the count, not add to it.
  public var adjustmentType: String
  public var capacity: Int
  /// The one step's lower bound, relative to the threshold: 0, so any breach starts `capacity`.
  public var stepLowerBound: Int
  public var cooldownSeconds: Int
  public var metricAggregationType: String
}
