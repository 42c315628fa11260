import ECSGenRendering
import ECSGenSpec

/// The entries of a spec whose kind a trigger chose: a `worker` for an SQS event source mapping,
/// a `job` for a schedule or an event rule (docs/design/kinds.md, "Lambda import"). Neither gets
/// `port`, `health_check` or `load_balancer`, which only `kind: web` accepts.
extension SpecBuilder {
  /// `kind`, written only when it is not the default `web` (so web imports read as before).
  func kindEntry() -> YAMLEntry? {
    guard let chosen = choice.chosen, workload != .web else { return nil }
    let what =
      switch workload {
      case .worker: "a worker polls the queue itself, instead of Lambda invoking the function"
      case .event: "a job starts a task per event, instead of Lambda invoking the function"
      default: "a job starts a task on the schedule, instead of Lambda invoking the function"
      }
    return YAMLEntry(
      "kind", .string(workload.kind.rawValue),
      comments: Self.wrapped("From \(chosen): \(what)."))
  }

  /// What the container must run instead of the Lambda runtime calling the handler.
  var runnerHint: String {
    switch workload {
    case .web:
      "a web server"
    case .worker(let mapping):
      "a loop that receives messages from the queue (its URL is in QUEUE_URL), calls the handler with them (as {\"Records\": [...]}) and deletes each message it handled"
        + (mapping.batchSize.map { "; Lambda passed up to \($0) messages at once" } ?? "")
    case .schedule:
      "a program that calls the handler once and exits: 0 when it succeeded, anything else when it failed"
    case .event:
      "a program that reads the event's JSON from \(Self.eventVariable), calls the handler with it once and exits: 0 when it succeeded, anything else when it failed"
    }
  }

  /// The variable that carries the event: ecsgen's default, written out so that the code and
  /// the spec visibly name the same variable.
  static let eventVariable = "ECSGEN_EVENT"

  var deadLetterAdvice: String {
    switch workload {
    case .web:
      "requests through the load balancer are synchronous, so failures return to the caller."
    case .worker:
      "it held the function's failed asynchronous invocations; a worker's failed messages stay on the queue and move to the queue's own dead-letter queue (its redrive policy)."
    case .schedule, .event:
      "ecsgen gives the job its own dead-letter queue (\(serviceName)-dlq) for the starts that still fail after the retries."
    }
  }

  /// The header's paragraph about what the function's configuration does not show, when no
  /// trigger file was given (the text imports had before triggers were read).
  var hiddenSettingsHeader: [String] {
    [
      "Not visible in the function's configuration, so check them by hand: triggers and event",
      "source mappings (`aws lambda list-event-source-mappings`), provisioned concurrency",
      "(`aws lambda list-provisioned-concurrency-configs`), destinations",
      "(`aws lambda get-function-event-invoke-config`) and a function URL and its auth type",
      "(`aws lambda get-function-url-config`). None of them has an equivalent on ECS: traffic now",
      "arrives through the load balancer.",
    ]
  }

  /// The header's paragraph when trigger files were given: what was read and what it chose.
  var triggerHeader: [String] {
    var text = "Triggers read from " + triggerFiles.read.joined(separator: ", ") + ". "
    if let chosen = choice.chosen {
      text +=
        "The first one that maps to a kind, \(chosen), made this a `kind: \(workload.kind.rawValue)`."
    } else {
      text +=
        "None of them maps to a worker or a job, so this is a web service, as for a function URL or API Gateway."
    }
    var lines = Self.wrapped(text)
    var unchecked = triggerFiles.missing
    unchecked += [
      "provisioned concurrency (`aws lambda list-provisioned-concurrency-configs`)",
      "destinations (`aws lambda get-function-event-invoke-config`)",
      "a function URL (`aws lambda get-function-url-config`) or an API Gateway route, whose HTTP traffic needs a spec of `kind: web`",
    ]
    lines += Self.wrapped(
      "Not read, so check them by hand: " + unchecked.joined(separator: "; ") + ".")
    return lines
  }

  // MARK: worker

  func workerEntries(_ mapping: EventSourceMapping) -> [YAMLEntry] {
    let arn = mapping.eventSourceARN ?? ""
    var queueComments = [
      "The queue the function's event source mapping read. The worker receives from it itself",
      "and finds its URL in the variable QUEUE_URL (`url_env`).",
    ]
    var batching: [String] = []
    if let size = mapping.batchSize {
      batching.append("batches of up to \(size) messages (BatchSize)")
    }
    if let window = mapping.batchingWindowSeconds, window > 0 {
      batching.append("waited up to \(window) s to fill one (MaximumBatchingWindowInSeconds)")
    }
    if !batching.isEmpty {
      queueComments += Self.wrapped(
        "Lambda fetched " + batching.joined(separator: " and ")
          + ": your receive loop sets its own with ReceiveMessage's MaxNumberOfMessages (at most 10) and WaitTimeSeconds (at most 20)."
      )
    }
    if mapping.functionResponseTypes.contains("ReportBatchItemFailures") {
      queueComments += [
        "The function reported failed messages one by one (ReportBatchItemFailures): the worker",
        "deletes each message it handled and leaves the failed ones, which come back after the",
        "queue's visibility timeout.",
      ]
    }
    if mapping.hasFilterCriteria {
      queueComments += Self.wrapped(
        "TODO: the mapping had FilterCriteria, so Lambda dropped the messages that did not match; the worker receives every message: apply the filter in code."
      )
    }
    if arn.hasSuffix(".fifo") {
      queueComments.append(
        "A FIFO queue: handle the messages of one message group in order, one at a time.")
    }
    queueComments.append(
      "TODO: if the queue is encrypted with a customer-managed KMS key, add `kms_key_arn: KEY_ARN`."
    )
    var entries = [
      YAMLEntry(
        "queue", .map([("arn", .string(arn))]), spacedBefore: true, comments: queueComments)
    ]
    let maximum: Int
    var scalingComments: [String]
    if let concurrency = mapping.maximumConcurrency {
      maximum = concurrency
      scalingComments = [
        "ScalingConfig.MaximumConcurrency was \(concurrency): at most \(concurrency) invocations at once. A task can",
        "handle several batches at once, so \(concurrency) tasks is an upper bound: lower it once you know",
        "what one task handles.",
      ]
    } else {
      maximum = Self.defaultMaxTasks
      scalingComments = [
        "TODO: the mapping had no ScalingConfig.MaximumConcurrency (Lambda scaled with the backlog",
        "up to the account's free concurrency); \(maximum) tasks is a starting point.",
      ]
    }
    scalingComments += [
      "The worker scales on the backlog per task (`messages_per_task`, default 100). `min: 1`",
      "keeps a task polling, so a message is handled within seconds as on Lambda. `min: 0`",
      "costs nothing while the queue is empty, but the first message then waits minutes: for",
      "the alarm on the queue's depth (SQS sends metrics each minute) and for a task to start.",
    ]
    entries.append(
      YAMLEntry(
        "autoscaling", .map([("min", .int(1)), ("max", .int(maximum))]), spacedBefore: true,
        comments: scalingComments))
    let timeout = function.timeoutSeconds
    if timeout > SpecDefaults.stopTimeoutSeconds {
      let stop = min(timeout, Self.maxStopTimeout)
      entries.append(
        YAMLEntry(
          "stop_timeout", .int(stop), spacedBefore: true,
          comments: [
            "The function's timeout was \(timeout) s: a message may take that long. When ECS stops a",
            "task (scale-in, deploy), it waits this long for the message in hand (ECS allows up to",
            "120 s); the queue's visibility timeout must stay above the time a message takes.",
          ]))
    }
    return entries
  }

  /// Tasks at most when the mapping did not cap Lambda's concurrency.
  static let defaultMaxTasks = 10
  /// ECS `stopTimeout`'s upper bound on Fargate.
  static let maxStopTimeout = 120

  // MARK: job

  func jobEntries(schedule trigger: ScheduleTrigger) -> [YAMLEntry] {
    var comments: [String] = []
    var fields: [(String, YAMLNode?)] = [("expression", .string(trigger.expression))]
    if let schedule = trigger.schedule {
      comments.append(
        "The EventBridge Scheduler schedule \(schedule.name), with its time zone and retry policy.")
      fields.append(("time_zone", trigger.timeZone.map(YAMLNode.string)))
      fields.append(("retries", trigger.retries.map(YAMLNode.int)))
      fields.append(
        ("max_event_age", trigger.maxEventAgeSeconds.map { .string(Self.duration($0)) }))
      if schedule.flexibleWindowMode == "FLEXIBLE" {
        comments.append(
          "The schedule had a flexible time window; ecsgen's schedule starts the job on time.")
      }
      if let input = schedule.input {
        comments += [
          "TODO: the schedule passed this input to the function, and a job receives none; put what",
          "it needs into `environment`: " + Self.excerpt(input),
        ]
      }
      if let queue = schedule.deadLetterARN {
        comments += Self.wrapped(
          "The schedule's dead-letter queue \(queue) is replaced by the job's own (\(serviceName)-dlq)."
        )
      }
    } else if let rule = trigger.ruleName {
      comments += [
        "The schedule of the EventBridge rule \(rule). Rules run schedules in UTC, as this one does",
        "(`time_zone`, default UTC). The rule's retry policy is on its targets, which",
        "`describe-rule` does not show (`aws events list-targets-by-rule`): these are ecsgen's",
        "defaults (`retries: 2`, `max_event_age: 1h`).",
      ]
    }
    return [
      YAMLEntry("schedule", .map(fields), spacedBefore: true, comments: comments)
    ] + [timeoutEntry()]
  }

  func jobEntries(rule: EventRule, pattern: JSONValue) -> [YAMLEntry] {
    var lossy: [String] = []
    let node = Self.yaml(pattern, path: "pattern", lossy: &lossy)
    let bus = rule.busName.flatMap { $0 == "default" || $0.isEmpty ? nil : $0 }
    let variable = Self.eventVariable
    var comments = Self.wrapped(
      "The event pattern of the EventBridge rule \(rule.name)"
        + (bus.map { " on the bus \($0)" } ?? " on the default bus")
        + ". Each matching event starts a task, with the event's JSON in \(variable) (`event_env`); the function received it as its argument. An event whose JSON is above about 8 KB (RunTask's limit for overrides) fails to start: pass a reference to large data, such as an S3 key."
    )
    for path in lossy {
      comments += Self.wrapped(
        "TODO: the rule's pattern has a null or a fractional number at \(path); it is written as a string here: write the plain value."
      )
    }
    return [
      YAMLEntry(
        "on",
        .map([
          ("pattern", node), ("bus", bus.map(YAMLNode.string)), ("event_env", .string(variable)),
        ]), spacedBefore: true, comments: comments),
      timeoutEntry(),
    ]
  }

  /// The function's timeout bounded each run; the job keeps a bound, with time for Fargate to
  /// start the task (the job's timeout counts from the start request, image pull included).
  func timeoutEntry() -> YAMLEntry {
    let seconds = function.timeoutSeconds
    let minutes = (seconds + 59) / 60 + Self.startAllowanceMinutes
    return YAMLEntry(
      "timeout", .string("\(minutes)m"), spacedBefore: true,
      comments: [
        "The function's timeout was \(seconds) s; the job gets that, rounded up to minutes, plus",
        "\(Self.startAllowanceMinutes) minutes for Fargate to start the task. After it, ecsgen stops the task. Raise it",
        "freely: a task has no 15-minute limit.",
      ])
  }

  static let startAllowanceMinutes = 2

  /// A JSON value as YAML. YAMLNode has no null and no fractional number, so those become
  /// strings, and their paths are returned for a TODO.
  static func yaml(_ value: JSONValue, path: String, lossy: inout [String]) -> YAMLNode {
    switch value {
    case .object(let members):
      return .mapping(
        members.map { YAMLEntry($0.key, yaml($0.value, path: path + "." + $0.key, lossy: &lossy)) })
    case .array(let items):
      return .sequence(
        items.enumerated().map { yaml($1, path: path + "[\($0)]", lossy: &lossy) })
    case .string(let text):
      return .string(text)
    case .bool(let flag):
      return .bool(flag)
    case .number(let text):
      if let whole = Int(text) { return .int(whole) }
      lossy.append(path)
      return .string(text)
    case .null:
      lossy.append(path)
      return .string("null")
    }
  }

  /// `3600` → `1h`, `90` → `1m30s`: the spec's duration form.
  static func duration(_ seconds: Int) -> String {
    var rest = seconds
    var text = ""
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
      text += "\(rest / size)\(unit)"
      rest %= size
    }
    return text.isEmpty ? "0" : text
  }

  /// A sentence as comment lines of at most `width` characters, broken at spaces (a word longer
  /// than the width, such as an ARN, keeps its own line).
  static func wrapped(_ text: String, width: Int = 92) -> [String] {
    // Words, with a `quoted command` kept whole so that a line never breaks inside it.
    var words: [String] = []
    var open = false
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if open, let last = words.popLast() {
        words.append(last + " " + word)
      } else {
        words.append(String(word))
      }
      if word.filter({ $0 == "`" }).count % 2 == 1 { open.toggle() }
    }
    var lines: [String] = []
    var line = ""
    for word in words {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = word
      } else {
        line += line.isEmpty ? word : " " + word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// The start of a long text, on one line, for a comment.
  static func excerpt(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count <= 200 ? flat : String(flat.prefix(200)) + "..."
  }
}
