import ECSGenSpec

/// The kind of the imported spec and the trigger it carries over.
enum ImportedWorkload: Equatable {
  /// No trigger that maps to another kind: a web service, as for a function URL or API Gateway.
  case web
  /// An SQS event source mapping.
  case worker(EventSourceMapping)
  /// A Scheduler schedule or a rule with a `ScheduleExpression`.
  case schedule(ScheduleTrigger)
  /// A rule with an `EventPattern`.
  case event(EventRule, pattern: JSONValue)

  var kind: ServiceKind {
    switch self {
    case .web: .web
    case .worker: .worker
    case .schedule, .event: .job
    }
  }
}

/// A schedule, from EventBridge Scheduler or from an EventBridge rule.
struct ScheduleTrigger: Equatable {
  var expression: String
  var timeZone: String?
  var retries: Int?
  var maxEventAgeSeconds: Int?
  /// The Scheduler schedule, when it came from one (nil for a rule).
  var schedule: SchedulerSchedule?
  /// The rule's name, when it came from a rule.
  var ruleName: String?
}

/// Picks the kind from the first trigger that maps to one, in a fixed order (event source
/// mappings, then schedules, then rules, each in the order of its file), and names in a warning
/// every trigger that is not carried over, so that nothing is dropped silently.
struct TriggerChoice {
  var workload: ImportedWorkload = .web
  /// Says which trigger made the kind, for the header.
  var chosen: String?
  var warnings: [String] = []

  /// No trigger given: a web service, as before triggers were read.
  init() {}

  init(triggers: LambdaTriggers, function: LambdaFunction) {
    var candidates: [(description: String, workload: ImportedWorkload?, problem: String?)] = []
    for mapping in triggers.eventSourceMappings {
      candidates.append(Self.candidate(mapping))
    }
    for schedule in triggers.schedules {
      let description = "the EventBridge Scheduler schedule \(schedule.name)"
      if schedule.isDisabled {
        candidates.append((description, nil, Self.disabled("disabled")))
      } else if let target = schedule.targetARN, !Self.targets(target, function) {
        candidates.append(
          (description, nil, "targets \(target), not this function, so it was not carried over."))
      } else {
        let trigger = ScheduleTrigger(
          expression: schedule.expression, timeZone: schedule.timeZone, retries: schedule.retries,
          maxEventAgeSeconds: schedule.maxEventAgeSeconds, schedule: schedule)
        candidates.append((description, .schedule(trigger), nil))
      }
    }
    for rule in triggers.rules {
      let description = "the EventBridge rule \(rule.name)"
      if rule.isDisabled {
        candidates.append((description, nil, Self.disabled("disabled")))
      } else if let expression = rule.scheduleExpression {
        let trigger = ScheduleTrigger(expression: expression, ruleName: rule.name)
        candidates.append((description, .schedule(trigger), nil))
      } else if let pattern = rule.eventPattern {
        candidates.append((description, .event(rule, pattern: pattern), nil))
      }
    }
    for candidate in candidates {
      if let problem = candidate.problem {
        warnings.append("\(candidate.description) \(problem)")
      } else if let workload = candidate.workload, chosen == nil {
        self.workload = workload
        chosen = candidate.description
      } else if let chosen, let other = candidate.workload {
        warnings.append(
          "\(candidate.description) was not carried over: a spec carries one trigger, and \(chosen) came first. For a second spec (`kind: \(other.kind.rawValue)`), import again with only this trigger and another `--name`."
        )
      }
    }
  }

  static func disabled(_ state: String) -> String {
    "is \(state), so it was not carried over: the function did not run on it. Add it by hand if it should."
  }

  /// Whether a schedule's target ARN is this function (or one of its versions or aliases).
  static func targets(_ target: String, _ function: LambdaFunction) -> Bool {
    guard let arn = function.arn else { return target.hasSuffix(":function:\(function.name)") }
    return target == arn || target.hasPrefix(arn + ":")
  }

  private static func candidate(_ mapping: EventSourceMapping) -> (
    description: String, workload: ImportedWorkload?, problem: String?
  ) {
    let from = mapping.eventSourceARN ?? "a self-managed Kafka cluster"
    let description = "the event source mapping from \(from)"
    if mapping.isDisabled {
      return (description, nil, disabled(mapping.state ?? "Disabled"))
    }
    let problem: String
    switch mapping.source {
    case .sqs:
      return (description, .worker(mapping), nil)
    case .kinesis:
      problem =
        "(a Kinesis stream) has no equivalent: ecsgen's workers consume SQS queues. Read the stream in your code (the Kinesis Client Library), or forward it to an SQS queue with an EventBridge Pipe and import again."
    case .dynamoDBStream:
      problem =
        "(a DynamoDB stream) has no equivalent: ecsgen's workers consume SQS queues. Forward the stream to an SQS queue with an EventBridge Pipe, or read it in your code (the DynamoDB Streams Kinesis Adapter)."
    case .msk, .selfManagedKafka:
      problem =
        "(Kafka) has no equivalent: consume the topics with a Kafka client in your code; the service then needs no trigger."
    case .mq:
      problem =
        "(an Amazon MQ broker) has no equivalent: consume the broker's queues with its client library in your code."
    case .documentDB:
      problem =
        "(a DocumentDB change stream) has no equivalent: read the change stream with a MongoDB driver in your code."
    case .other(let service):
      problem = "(service \(service)) has no equivalent in ecsgen."
    }
    return (description, nil, problem)
  }
}
