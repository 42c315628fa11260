import ECSGenDiagnostics

extension SpecValidator {
  /// `schedule` of a job: an expression EventBridge Scheduler accepts, a time zone, a retry policy.
  func checkSchedule(_ schedule: ScheduleSpec, _ findings: inout Findings) {
    if let expression = schedule.expression,
      let problem = ScheduleExpression.problem(in: expression.value)
    {
      findings.add(
        .error(
          "schedule-expression", at: expression.location, problem.message,
          notes: problem.note.map { [$0] } ?? []))
    }
    if let zone = schedule.timeZone, !ScheduleExpression.isTimeZoneName(zone.value) {
      findings.add(
        .error(
          "schedule-time-zone", at: zone.location,
          "`schedule.time_zone` is `\(zone.value)`, which is not an IANA time zone name; write one such as `Europe/London`, `America/New_York` or `UTC`"
        ))
    }
    checkRetry(schedule.retry, "schedule", &findings)
  }

  /// `on` of a job: an event pattern, a bus, the variable that carries the event.
  func checkEventTrigger(
    _ trigger: EventTriggerSpec, _ spec: ServiceSpec, _ findings: inout Findings
  ) {
    if let pattern = trigger.pattern, !pattern.value.isNonEmptyObject {
      findings.add(
        .error(
          "event-pattern", at: pattern.location,
          "`on.pattern` must be a non-empty mapping, an EventBridge event pattern such as `{source: [aws.s3], detail-type: [Object Created]}`"
        ))
    }
    if let bus = trigger.bus, !Self.isEventBus(bus.value) {
      findings.add(
        .error(
          "event-bus", at: bus.location,
          "`on.bus` is `\(bus.value)`; write an event bus name (1 to 256 letters, digits or `._-/`, such as `default` or `orders`) or its ARN `arn:aws:events:REGION:ACCOUNT_ID:event-bus/NAME`"
        ))
    }
    if let pattern = trigger.pattern, pattern.value.isNonEmptyObject,
      let path = pattern.value.firstBareLeaf()
    {
      findings.add(
        .error(
          "event-pattern", at: pattern.location,
          "`on.pattern` has a single value at `\(path)`; EventBridge wants a list of values (or matcher objects such as `{prefix: uploads/}`) at every leaf, such as `\(path.split(separator: ".").last ?? ""): [aws.s3]`"
        ))
    }
    if let bus = trigger.bus, bus.value.hasPrefix("arn:"), let region = spec.region?.value {
      let parts = bus.value.split(separator: ":", omittingEmptySubsequences: false)
      if parts.count > 3, parts[3] != region {
        findings.add(
          .error(
            "event-bus", at: bus.location,
            "`on.bus` is a bus in `\(parts[3])`, but the job deploys to `\(region)`; a rule lives on a bus of its own region (and account), so name a bus there, or forward the events to one with a rule on the other bus"
          ))
      }
    }
    checkGeneratedVariable(
      trigger.eventEnvironmentName, "on.event_env", default: SpecDefaults.Job.eventEnvironmentName,
      defaultAt: trigger.location, spec, &findings)
    checkRetry(trigger.retry, "on", &findings)
  }

  private func checkRetry(_ retry: RetrySpec, _ section: String, _ findings: inout Findings) {
    findings.checkRange(retry.retries, KindLimits.retries, field: "\(section).retries")
    findings.checkRange(
      retry.maxEventAge, KindLimits.maxEventAge, field: "\(section).max_event_age",
      unit: "seconds")
  }

  private static func isEventBus(_ text: String) -> Bool {
    if text.hasPrefix("arn:") {
      return IdentifierPatterns.isServiceARN(text, service: "events")
        && text.split(separator: ":", maxSplits: 5).last?.hasPrefix("event-bus/") == true
    }
    return (1...256).contains(text.count)
      && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-/".contains($0)) }
  }
}
