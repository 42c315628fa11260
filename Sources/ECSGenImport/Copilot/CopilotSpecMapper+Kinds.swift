import ECSGenRendering
import ECSGenSpec
import Foundation
import Yams

extension CopilotSpecMapper {
  /// `subscribe` → `queue`: the queue's settings carry over; the topics need their ARNs.
  func workerEntries() -> [YAMLEntry] {
    let subscribe = root.child("subscribe")
    var fields: [(String, YAMLNode?)] = []
    // Copilot made a dead-letter queue only when `subscribe.queue.dead_letter.tries` was set;
    // ecsgen always makes one, so without it a failing message now stops being retried.
    var comments =
      root.node["subscribe"]?["queue"]?["dead_letter"]?["tries"] != nil
      ? ["The worker's queue, which ecsgen creates with a dead-letter queue, as Copilot did."]
      : [
        "The worker's queue. Copilot made no dead-letter queue (no `subscribe.queue.dead_letter`),",
        "so a failing message came back until its retention ran out; ecsgen moves it to a",
        "dead-letter queue after \(SpecDefaults.Queue.maxReceiveCount) receives (`max_receive_count`): raise that to retry longer.",
      ]
    if let queue = subscribe?.child("queue") {
      if let timeout = queue.child("timeout") {
        if let seconds = timeout.string.flatMap(GoDuration.seconds) {
          // At least the 30 s the task gets to stop, or a stopping task's message is handled twice.
          let clamped = min(max(seconds, 30), 43_200)
          fields.append(("visibility_timeout", .string(Self.durationText(clamped))))
          if clamped != seconds {
            comments.append(
              "WARNING: \(Self.at(timeout)) was \(seconds) s; ecsgen takes 30 s (the stop timeout) to 12 h."
            )
          }
        }
      }
      if let retention = queue.child("retention") {
        if let seconds = retention.string.flatMap(GoDuration.seconds) {
          let clamped = min(max(seconds, 60), 1_209_600)
          fields.append(("retention", .string(Self.durationText(clamped))))
          if clamped != seconds {
            comments.append(
              "WARNING: \(Self.at(retention)) was \(seconds) s; SQS keeps 1 min to 14 d.")
          }
        }
      }
      if let delay = queue.child("delay") {
        warn(delay, "a delivery delay has no equivalent; messages are visible at once.")
      }
      if let tries = queue.child("dead_letter", "tries")?.int {
        fields.append(("max_receive_count", .int(min(max(tries, 1), 1000))))
      }
      if let fifo = queue.child("fifo"), fifo.isMapping || fifo.bool == true {
        fields.append(("fifo", .bool(true)))
      }
      comments.append("Settings from \(Self.at(queue)).")
    }
    let topics = subscribe?.child("topics")?.items ?? []
    var subscriptions: [YAMLNode] = []
    for topic in topics {
      guard let name = topic.child("name")?.string, let service = topic.child("service")?.string
      else { continue }
      var subscription: [(String, YAMLNode?)] = [
        (
          "topic_arn",
          .string(
            "arn:aws:sns:REGION:ACCOUNT_ID:\(applicationName ?? "APP")-\(environment?.name ?? "ENV")-\(service)-\(name)"
          )
        )
      ]
      if let policy = topic.child("filter_policy") {
        subscription.append(("filter_policy", Self.plain(policy.node)))
      }
      if let queue = topic.child("queue"), queue.isMapping || queue.bool == true {
        warn(
          queue,
          "a queue per topic has no equivalent: every topic delivers into the worker's one queue.")
      }
      subscriptions.append(.map(subscription))
    }
    if !subscriptions.isEmpty {
      let example = YAMLPrinter().print(.map([("subscriptions", .sequence(subscriptions))]))
      comments +=
        [
          "TODO: Copilot subscribed the queue to these SNS topics; it named each topic",
          "APP-ENV-SERVICE-TOPIC. Write their ARNs and move this under `queue`:",
        ] + example.split(separator: "\n").map { "  " + $0 }
    }
    return [YAMLEntry("queue", .map(fields), spacedBefore: true, comments: comments)]
  }

  /// A node as written (a filter policy), without substitution.
  static func plain(_ node: Yams.Node) -> YAMLNode {
    switch node {
    case .scalar(let scalar): .string(scalar.string)
    case .sequence(let sequence): .sequence(sequence.map(plain))
    case .mapping(let mapping):
      .mapping(mapping.map { YAMLEntry($0.key.scalar?.string ?? "", plain($0.value)) })
    case .alias: .string("")
    }
  }

  /// `on.schedule`, `timeout`, `retries` → `schedule`, `timeout`.
  func jobEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    let scheduleValue = root.child("on", "schedule")
    let text = scheduleValue?.string ?? ""
    var comments = scheduleValue.map { ["From \(Self.at($0))."] } ?? []
    let expression: String
    switch CopilotSchedule.convert(text) {
    case .expression(let converted, let original):
      expression = converted
      if let original {
        comments = [
          "From \(Self.at(scheduleValue ?? root)): `\(original)`, in EventBridge's syntax as Copilot deployed it (UTC)."
        ]
      }
    case .disabled:
      // Scheduler's cron takes years up to 2199: a schedule that never comes.
      expression = "cron(0 0 1 1 ? 2199)"
      comments = [
        "WARNING: \(Self.at(scheduleValue ?? root)) is `none`: Copilot deployed the job without a",
        "trigger. This schedule never comes; give it a real one or start runs by hand.",
      ]
    case .unusable:
      expression = "rate(1 day)"
      comments = [
        "TODO: \(scheduleValue.map(Self.at) ?? "`on.schedule`") is not a schedule ecsgen can convert;",
        "write it as cron(...) or rate(...). This placeholder runs once a day.",
      ]
    }
    entries.append(
      YAMLEntry("schedule", .string(expression), spacedBefore: true, comments: comments))
    if let timeoutValue = root.child("timeout") {
      if let seconds = timeoutValue.string.flatMap(GoDuration.seconds) {
        let clamped = min(max(seconds, 60), 1_209_600)
        entries.append(
          YAMLEntry(
            "timeout", .string(Self.durationText(clamped)),
            comments: [
              clamped == seconds
                ? "From \(Self.at(timeoutValue))."
                : "WARNING: \(Self.at(timeoutValue)) was \(seconds) s; a job's timeout is 1 min to 14 d."
            ]))
      } else {
        warn(timeoutValue, "not a duration; the job runs without a timeout.")
      }
    }
    if let retries = root.child("retries") {
      warn(
        retries,
        "Copilot ran a failed job again up to \(retries.string ?? "?") times; ecsgen does not rerun a task that exits non-zero (its schedule `retries` only retry a start that failed). Make the job safe to rerun and rerun it from your alarm, or loop inside the container."
      )
    }
    return entries
  }

  /// Seconds as the spec's duration text: `90s`, `15m`, `2h`.
  static func durationText(_ seconds: Int) -> String {
    if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
    if seconds % 60 == 0 { return "\(seconds / 60)m" }
    return "\(seconds)s"
  }
}
