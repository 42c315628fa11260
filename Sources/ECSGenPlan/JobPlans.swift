/// A `job`: a task that runs to completion. A schedule or an EventBridge rule starts a Step
/// Functions state machine, which runs the task (`ecs:runTask.sync`), hands it the event, and
/// stops it at the timeout (docs/design/kinds.md, "How a job starts").
public struct JobPlan: Sendable, Equatable, Codable {
  public var trigger: JobTrigger
  public var stateMachine: StateMachinePlan
  /// The role the schedule or the rule starts the state machine with.
  public var invokeRole: CreatedRolePlan
  /// Receives the schedule's or the event's payload when starting the state machine failed after
  /// the retries.
  public var deadLetterQueue: DeadLetterQueuePlan
  /// How often a failed start is retried, and for how long an undelivered event is kept.
  public var retry: RetryPolicyPlan
  /// Seconds after which the state machine stops the task; nil: no deadline.
  public var timeoutSeconds: Int?
}

/// What starts a job.
public enum JobTrigger: Sendable, Equatable, Codable {
  case schedule(SchedulePlan)
  case event(EventRulePlan)
}

/// An EventBridge Scheduler schedule.
public struct SchedulePlan: Sendable, Equatable, Codable {
  public var name: String
  /// `default`: the group every account has.
  public var groupName: String
  public var expression: String
  /// IANA name; `UTC` when the spec names none.
  public var timeZone: String
  /// `OFF`: start at the scheduled time, not within a window.
  public var flexibleTimeWindowMode: String
  /// `ENABLED`.
  public var state: String
  /// The state machine's input: `{}` (a schedule has no event to pass).
  public var input: String
}

/// An EventBridge rule on a bus, matching events by pattern.
public struct EventRulePlan: Sendable, Equatable, Codable {
  public var name: String
  /// A bus name (`default`) or ARN.
  public var busName: String
  /// The bus's name alone (after `event-bus/` in an ARN; it may hold `/`, as partner buses'
  /// names do), which a rule's ARN contains unless it is `default`.
  public var busShortName: String
  public var pattern: PlanDocument
  /// The container's environment variable that receives the event's JSON.
  public var eventVariable: String
  /// `ENABLED`.
  public var state: String
  /// The target's id within the rule.
  public var targetID: String
}

public struct RetryPolicyPlan: Sendable, Equatable, Codable {
  public var maximumRetryAttempts: Int
  public var maximumEventAgeSeconds: Int
}

/// The Step Functions state machine that runs the job's task.
public struct StateMachinePlan: Sendable, Equatable, Codable {
  public var name: String
  /// `STANDARD`: runs up to a year and keeps an execution history (EXPRESS stops at 5 minutes).
  public var type: String
  public var role: CreatedRolePlan
  /// The Amazon States Language definition, with references to the task definition, cluster and
  /// network that each renderer writes in its own syntax.
  public var definition: PlanDocument
  /// Execution logs: errors only, without the execution's data (the event may be sensitive).
  public var logGroupName: String
  public var logLevel: String
  public var includeExecutionData: Bool
  public var logRetentionDays: Int
  /// Keep the execution logs when the job is destroyed. Always false: `logs.on_destroy: keep`
  /// keeps the containers' logs (which ecsgen adopts on re-create); a kept execution log group
  /// would keep its fixed name and make the next create of the state machine's group fail.
  public var keepLogsOnDestroy: Bool
  public var tracingEnabled: Bool
  /// The most characters an event may have, JSON-escaped in the RunTask override, before the
  /// state machine refuses it (`EventTooLarge`); nil for a schedule, which passes no event.
  public var eventSizeLimit: Int?
}
