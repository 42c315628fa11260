import ECSGenDiagnostics

extension SpecValidator {
  /// `kind` and the keys that belong to one kind: each kind accepts only its own keys
  /// (`kind-key`), a worker needs a `queue`, a job exactly one of `schedule` and `on`.
  func checkKind(_ spec: ServiceSpec, _ findings: inout Findings) {
    let kind = spec.kind?.value ?? SpecDefaults.kind
    checkKindKeys(spec, kind, &findings)
    switch kind {
    case .web:
      break
    case .backend:
      checkBackendPort(spec, &findings)
    case .worker:
      if spec.queue == nil && !spec.undecodableFields.contains("queue") {
        findings.add(
          .error(
            "missing-key", at: spec.location,
            "`queue` is required for `kind: worker`; write `queue: {}` to let ecsgen create the queue, or `queue: {arn: arn:aws:sqs:REGION:ACCOUNT_ID:NAME}` to consume an existing one"
          ))
      }
      if let queue = spec.queue { checkQueue(queue, spec, &findings) }
      if let messages = spec.autoscaling?.messagesPerTask {
        findings.checkRange(messages, 1...Int.max, field: "autoscaling.messages_per_task")
      }
    case .job:
      checkTrigger(spec, &findings)
      if let schedule = spec.schedule { checkSchedule(schedule, &findings) }
      if let trigger = spec.eventTrigger { checkEventTrigger(trigger, spec, &findings) }
      findings.checkRange(spec.timeout, KindLimits.jobTimeout, field: "timeout", unit: "seconds")
    }
  }

  private func checkKindKeys(_ spec: ServiceSpec, _ kind: ServiceKind, _ findings: inout Findings) {
    for (key, kinds) in KindKeys.owners where !kinds.contains(kind) {
      guard let location = spec.keyLocations[key] else { continue }
      findings.add(kindKey("`\(key)`", kinds, kind, at: location, fix: "remove it"))
    }
    // The load balancer's subnets mean nothing without a load balancer.
    if kind != .web, let subnets = spec.network?.loadBalancerSubnets, let first = subnets.first {
      findings.add(
        kindKey(
          "`network.load_balancer_subnets`", [.web], kind, at: first.location,
          fix: "remove it (the tasks run in `network.subnets`)"))
    }
    // Two targets of `autoscaling` belong to one kind each.
    let targets: [(String, Located<Int>?, ServiceKind)] = [
      ("autoscaling.requests_per_target", spec.autoscaling?.requestsPerTarget, .web),
      ("autoscaling.messages_per_task", spec.autoscaling?.messagesPerTask, .worker),
    ]
    for (field, value, owner) in targets where owner != kind && kind != .job {
      guard let value else { continue }
      findings.add(
        kindKey(
          "`\(field)`", [owner], kind, at: value.location,
          fix: kind == .web || kind == .worker
            ? "remove it" : "remove it (scale on `cpu` or `memory`)"))
    }
  }

  /// `KEY is only for kind: A; a KIND (what it is) does not accept it`, with the kind's own keys.
  private func kindKey(
    _ key: String, _ owners: [ServiceKind], _ kind: ServiceKind, at location: SourceLocation,
    fix: String
  ) -> Diagnostic {
    let ownerList = owners.map { "`kind: \($0.rawValue)`" }.joined(separator: " and ")
    let own = KindKeys.ownKeys(of: kind).map { "`\($0)`" }.joined(separator: ", ")
    return .error(
      "kind-key", at: location,
      "\(key) is only for \(ownerList); this spec is `kind: \(kind.rawValue)` (\(Self.kindSummary(kind))), which does not accept it; \(fix), or change `kind`",
      notes: ["besides the keys every kind shares, `kind: \(kind.rawValue)` accepts \(own)"])
  }

  static func kindSummary(_ kind: ServiceKind) -> String {
    switch kind {
    case .web: "a service behind a load balancer"
    case .backend: "a service without a load balancer"
    case .worker: "a service that consumes a queue"
    case .job: "a task that runs to completion, without a service"
    }
  }

  /// A backend's port is reached only from the groups in `network.security_groups`, and nothing
  /// but its container health check tells ECS that it answers.
  private func checkBackendPort(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let port = spec.port else { return }
    if (spec.network?.securityGroups ?? []).isEmpty {
      findings.add(
        .note(
          "backend-ingress", at: port.location,
          "nothing can reach port \(port.value) yet: a backend admits its port only from the security groups in `network.security_groups`; add the group its callers share, or remove `port`"
        ))
    }
    if spec.containerHealthCheck == nil {
      findings.add(
        .note(
          "backend-health", at: port.location,
          "a backend has no load balancer probing it, so without `container_health_check` ECS counts a task healthy as soon as it runs; add one such as `{command: \"curl -fs http://localhost:\(port.value)/health || exit 1\"}`"
        ))
    }
  }

  private func checkTrigger(_ spec: ServiceSpec, _ findings: inout Findings) {
    let undecodable =
      spec.undecodableFields.contains("schedule") || spec.undecodableFields.contains("on")
    if spec.schedule == nil && spec.eventTrigger == nil && !undecodable {
      findings.add(
        .error(
          "job-trigger", at: spec.location,
          "a `kind: job` needs `schedule` (when to run) or `on` (which events start it); for example `schedule: cron(0 3 * * ? *)`"
        ))
    }
    if let schedule = spec.schedule, spec.eventTrigger != nil {
      findings.add(
        .error(
          "job-trigger", at: spec.keyLocations["schedule"] ?? schedule.location,
          "a job has `schedule` and `on`; it runs either on a schedule or per event, so keep one (for both, write two job specs)"
        ))
    }
  }
}

/// Bounds for the kind-specific keys: AWS's where AWS sets them (both schemas, hashicorp/aws
/// 5.100.0 and cfn-lint's CloudFormation schemas, agree), ecsgen's own otherwise.
enum KindLimits {
  /// SQS `VisibilityTimeout`: 0 s to 12 h.
  static let visibilityTimeout = 0...43_200
  /// SQS `MessageRetentionPeriod`: 1 min to 14 days.
  static let retention = 60...1_209_600
  /// SQS redrive `maxReceiveCount`.
  static let maxReceiveCount = 1...1_000
  /// Scheduler and rule targets' `RetryPolicy.MaximumRetryAttempts`.
  static let retries = 0...185
  /// Scheduler and rule targets' `RetryPolicy.MaximumEventAgeInSeconds`.
  static let maxEventAge = 60...86_400
  /// ecsgen's bound for `timeout` (Step Functions allows far more; a job that needs more than two
  /// weeks is a service).
  static let jobTimeout = 60...1_209_600
}
