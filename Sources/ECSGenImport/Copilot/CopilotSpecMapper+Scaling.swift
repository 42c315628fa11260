import ECSGenRendering
import ECSGenSpec
import Foundation
import Yams

extension CopilotSpecMapper {
  /// `count` → `count` or `autoscaling` (+ `capacity` for Spot), and `deployment`.
  func scalingEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    if let count = root.child("count") {
      entries += countEntries(count)
    }
    entries += deploymentEntries()
    return entries
  }

  private func countEntries(_ count: CopilotValue) -> [YAMLEntry] {
    if type == .requestDrivenWebService {
      warn(
        count,
        "App Runner's auto scaling configuration has no equivalent; add `autoscaling` (min, max and a target such as `requests_per_target`)."
      )
      return []
    }
    if !count.isMapping {
      guard let tasks = count.int, tasks >= 0 else {
        warn(count, "not a number of tasks; ecsgen's default (1) applies.")
        return []
      }
      return [
        YAMLEntry("count", .int(tasks), spacedBefore: true, comments: ["From \(Self.at(count))."])
      ]
    }
    var entries: [YAMLEntry] = []
    var spotBase: Int?
    var comments = ["From \(Self.at(count))."]
    if let spot = count.child("spot") {
      // `count: {spot: N}`: N tasks, all on Fargate Spot.
      let tasks = max(spot.int ?? 1, 0)
      entries.append(
        YAMLEntry(
          "count", .int(tasks), spacedBefore: true,
          comments: ["From \(Self.at(spot)): every task on Fargate Spot."]))
      entries += capacityEntries(base: 0, at: spot)
      return entries
    }
    guard let range = count.child("range") else {
      warn(count, "without `range` Copilot ran one task; ecsgen's default (1) applies.")
      return []
    }
    var minimum: Int?
    var maximum: Int?
    if range.isMapping {
      minimum = range.child("min")?.int
      maximum = range.child("max")?.int
      if let spotFrom = range.child("spot_from")?.int { spotBase = max(spotFrom - 1, 0) }
    } else if let text = range.string {
      let bounds = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      if bounds.count == 2 {
        minimum = bounds[0]
        maximum = bounds[1]
      }
    }
    guard var low = minimum, var high = maximum else {
      warn(range, "not a range such as `1-10`; set `autoscaling` by hand.")
      return []
    }
    let floor = kind == "worker" ? 0 : 1
    if low < floor {
      comments.append("WARNING: a \(kind) runs at least \(floor) task; `min` was \(low).")
      low = floor
    }
    high = max(high, low, 1)
    var fields: [(String, YAMLNode?)] = [("min", .int(low)), ("max", .int(high))]
    if let cpu = percentage(count.child("cpu_percentage")) {
      fields.append(("cpu", .int(cpu)))
    }
    if let memory = percentage(count.child("memory_percentage")) {
      fields.append(("memory", .int(memory)))
    }
    if let requests = count.child("requests") {
      let value = requests.isMapping ? requests.child("value")?.int : requests.int
      if kind == "web", let value, value >= 1 {
        fields.append(("requests_per_target", .int(value)))
      } else {
        warn(requests, "scaling on requests needs a load balancer and a number; left out.")
      }
    }
    if let response = count.child("response_time") {
      warn(
        response,
        "scaling on response time has no equivalent; use `cpu` or `requests_per_target`.")
    }
    // Only a Worker Service has `queue_delay`; elsewhere the audit reports the key as one
    // Copilot ignored, so it is not read here.
    if kind == "worker", let delay = count.child("queue_delay") {
      // Copilot scaled a worker on backlog per task = acceptable latency / processing time,
      // rounded up, which is what `messages_per_task` is. The terms keep their fractions
      // (`250ms`): rounding each to a second first would change the ratio.
      let latencyText = delay.child("acceptable_latency")?.string
      let processingText = delay.child("msg_processing_time")?.string
      let latency = latencyText.flatMap(GoDuration.exactSeconds)
      let processing = processingText.flatMap(GoDuration.exactSeconds)
      if let latency, let processing, processing > 0, latency / processing <= 1_000_000 {
        let perTask = max(Int((latency / processing).rounded(.up)), 1)
        fields.append(("messages_per_task", .int(perTask)))
        comments.append(
          "`messages_per_task` = acceptable_latency / msg_processing_time = \(latencyText ?? "") / \(processingText ?? ""), rounded up: the backlog per task Copilot tracked."
        )
      } else {
        warn(
          delay, "not usable as a backlog target (needs both durations); ecsgen's default applies.")
      }
    }
    let cooldown = count.child("cooldown")
    let scaleInValue = cooldown?.child("in")
    if let scaleIn = targetCooldown(count, "in", fields: fields, comments: &comments) {
      fields.append(("scale_in_cooldown", .string(Self.durationText(scaleIn))))
    } else if let scaleIn = scaleInValue?.string.flatMap(GoDuration.seconds) {
      fields.append(("scale_in_cooldown", .string(Self.durationText(scaleIn))))
    } else if let scaleInValue {
      warn(scaleInValue, "not a duration; left out.")
    } else if Self.copilotScaleInCooldownSeconds
      != SpecDefaults.Autoscaling.scaleInCooldownSeconds
    {
      // Copilot's policies waited less before scaling in than ecsgen's default does: keep
      // the service scaling in as fast as it did.
      fields.append(
        ("scale_in_cooldown", .string(Self.durationText(Self.copilotScaleInCooldownSeconds))))
      comments.append(
        "`scale_in_cooldown`: Copilot's default (\(Self.copilotScaleInCooldownSeconds) s) when `count.cooldown.in` is not set."
      )
    }
    if let scaleOut = targetCooldown(count, "out", fields: fields, comments: &comments)
      ?? cooldown?.child("out")?.string.flatMap(GoDuration.seconds)
    {
      fields.append(("scale_out_cooldown", .string(Self.durationText(scaleOut))))
    }
    let targets = ["cpu", "memory", "requests_per_target", "messages_per_task"]
    if kind != "worker" && !fields.contains(where: { targets.contains($0.0) }) {
      fields.append(("cpu", .int(70)))
      comments.append("TODO: Copilot had no scaling target here; this tracks 70% CPU.")
    }
    entries.append(
      YAMLEntry("autoscaling", .map(fields), spacedBefore: true, comments: comments))
    if let spotBase {
      entries += capacityEntries(base: spotBase, at: range.child("spot_from") ?? range)
    }
    return entries
  }

  /// A cooldown (`in` or `out`) that some scaling targets set for themselves
  /// (`cpu_percentage.cooldown.in`), when every target the spec tracks ends up with the same
  /// one (its own, else `count.cooldown`'s): ecsgen's one pair of cooldowns then means what
  /// Copilot's policies did. Nil otherwise, and the audit asks to choose by hand.
  private func targetCooldown(
    _ count: CopilotValue, _ direction: String, fields: [(String, YAMLNode?)],
    comments: inout [String]
  ) -> Int? {
    let targets = [
      ("cpu", "cpu_percentage"), ("memory", "memory_percentage"),
      ("requests_per_target", "requests"), ("messages_per_task", "queue_delay"),
    ].filter { target in fields.contains { $0.0 == target.0 } }.map(\.1)
    func seconds(_ node: Node?) -> Int? { node?.string.flatMap(GoDuration.seconds) }
    let general = seconds(count.node["cooldown"]?[direction])
    let own = targets.filter { count.node[$0]?["cooldown"]?[direction] != nil }
    guard !own.isEmpty else { return nil }
    let effective = targets.map { seconds(count.node[$0]?["cooldown"]?[direction]) ?? general }
    guard let first = effective.first, let value = first, effective.allSatisfy({ $0 == first })
    else { return nil }
    for key in own { _ = count.child(key)?.child("cooldown")?.child(direction) }
    comments.append(
      "`scale_\(direction)_cooldown` from `count.\(own[0]).cooldown.\(direction)`, which every scaling target here had."
    )
    return value
  }

  /// The scale-in cooldown Copilot gave every scaling policy that did not set one.
  static let copilotScaleInCooldownSeconds = 120

  /// A percentage target (`70` or `{value: 70, cooldown: ...}`) in 1-100.
  private func percentage(_ value: CopilotValue?) -> Int? {
    guard let value else { return nil }
    let number = value.isMapping ? value.child("value")?.int : value.int
    guard let number else {
      warn(value, "not a percentage; left out.")
      return nil
    }
    return min(max(number, 1), 100)
  }

  /// Tasks beyond `base` on Fargate Spot. Spot runs only x86 tasks.
  private func capacityEntries(base: Int, at value: CopilotValue) -> [YAMLEntry] {
    let platform = root.child("platform")
    let text = (platform?.string ?? platform?.child("architecture")?.string ?? "").lowercased()
    if text.contains("arm64") {
      warn(
        value,
        "Fargate Spot runs only x86 tasks and this one is arm64, so every task runs on regular Fargate."
      )
      return []
    }
    return [
      YAMLEntry(
        "capacity", .map([("fargate_base", .int(base)), ("spot", .string("100%"))]),
        comments: [
          base == 0
            ? "Every task on Fargate Spot (\(Self.at(value)))."
            : "The first \(base) task(s) on regular Fargate, the rest on Spot (\(Self.at(value)))."
        ])
    ]
  }

  /// `deployment.rolling` and `deployment.rollback_alarms`.
  func deploymentEntries() -> [YAMLEntry] {
    guard let deployment = root.child("deployment") else { return [] }
    var fields: [(String, YAMLNode?)] = []
    var comments = ["From \(Self.at(deployment))."]
    if let rolling = deployment.child("rolling")?.string {
      if rolling == "recreate" {
        fields += [("min_healthy_percent", .int(0)), ("max_percent", .int(100))]
        comments.append("`rolling: recreate` stops the old tasks before starting new ones.")
      }
    }
    if let alarms = deployment.child("rollback_alarms") {
      if alarms.isMapping {
        warn(
          alarms,
          "Copilot created these rollback alarms itself; create them in CloudWatch and list their names in `deployment.alarms`."
        )
        _ = alarms.entries
      } else {
        let names = alarms.concreteStrings.filter { !$0.isEmpty && $0.count <= 255 }
        if !names.isEmpty {
          var seen: Set<String> = []
          let unique = names.filter { seen.insert($0).inserted }
          fields.append(("alarms", .sequence(unique.map(YAMLNode.string))))
        }
      }
    }
    guard !fields.isEmpty else { return [] }
    return [YAMLEntry("deployment", .map(fields), comments: comments)]
  }
}
