import ECSGenDiagnostics

extension SpecValidator {
  /// `logs`.
  func checkLogs(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let logs = spec.logs else { return }
    if let group = logs.group {
      let name = group.value
      if !AWSLimits.logGroupNameLength.contains(name.count)
        || !IdentifierPatterns.isLogGroupName(name) || name.hasPrefix("aws/")
      {
        findings.add(
          .error(
            "log-group-name", at: group.location,
            "`logs.group` is `\(name)`; a log group name has 1 to 512 letters, digits or `_-/.#`, and must not start with `aws/` (for example `/ecs/orders-api`)"
          ))
      }
    }
    if let retention = logs.retentionDays,
      !AWSLimits.logRetentionDays.contains(retention.value)
    {
      findings.add(
        .error(
          "log-retention", at: retention.location,
          "`logs.retention_days` is \(retention.value), which CloudWatch Logs does not offer; choose one of the values below",
          notes: ["allowed: " + AWSLimits.logRetentionDays.map(String.init).joined(separator: ", ")]
        ))
    }
    if let key = logs.kmsKeyARN, !IdentifierPatterns.isKMSKeyARN(key.value) {
      findings.add(
        .error(
          "kms-key-arn", at: key.location,
          "`logs.kms_key_arn` is `\(key.value)`; CloudWatch Logs needs a KMS key ARN, `arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID` (not an alias)"
        ))
    }
  }

  /// `autoscaling`, `count` and `deployment`, which together decide how many tasks run.
  func checkScaling(_ spec: ServiceSpec, _ findings: inout Findings) {
    let kind = spec.kind?.value ?? SpecDefaults.kind
    // A job has no service to scale: `kind-key` already reports its `autoscaling` and `count`.
    guard kind != .job else { return }
    if let scaling = spec.autoscaling {
      checkAutoscaling(scaling, kind: kind, &findings)
    }
    if let count = spec.count, spec.autoscaling != nil {
      findings.add(
        .error(
          "count-with-autoscaling", at: count.location,
          "`count` and `autoscaling` both set the number of tasks; remove `count` (the service starts at `autoscaling.min`)"
        ))
    }
    guard let deployment = spec.deployment else { return }
    findings.checkRange(
      deployment.minHealthyPercent, AWSLimits.minHealthyPercent,
      field: "deployment.min_healthy_percent", unit: "%")
    findings.checkRange(
      deployment.maxPercent, AWSLimits.maxPercent, field: "deployment.max_percent", unit: "%")
    let desired = spec.autoscaling?.min?.value ?? spec.count?.value ?? SpecDefaults.count
    let minimum = deployment.minHealthyPercent?.value ?? SpecDefaults.Deployment.minHealthyPercent
    let maximum = deployment.maxPercent?.value ?? SpecDefaults.Deployment.maxPercent
    // ECS rounds the maximum down and the minimum up against the desired count.
    let canStartNew = desired * maximum / 100 > desired
    let canStopOld = (desired * minimum + 99) / 100 < desired
    if desired > 0 && !canStartNew && !canStopOld {
      findings.add(
        .warning(
          "deployment-stuck", at: deployment.location,
          "with \(desired) task(s), max_percent \(maximum) and min_healthy_percent \(minimum), a rolling deployment can neither start a new task nor stop an old one; raise `max_percent` or lower `min_healthy_percent`"
        ))
    }
  }

  private func checkAutoscaling(
    _ scaling: AutoscalingSpec, kind: ServiceKind, _ findings: inout Findings
  ) {
    findings.requireKey(scaling.min, "autoscaling.min", at: scaling.location, example: "min: 2")
    findings.requireKey(scaling.max, "autoscaling.max", at: scaling.location, example: "max: 10")
    if let max = scaling.max, max.value < 1 {
      findings.add(
        .error("out-of-range", at: max.location, "`autoscaling.max` is 0; it must be at least 1"))
    }
    // Target tracking divides by the running tasks or averages over them: from zero tasks no
    // metric ever asks for a first one. Only a worker has a signal that works at zero (messages
    // waiting), which its wake-up alarm watches.
    if let min = scaling.min, min.value == 0, kind != .worker {
      findings.add(
        .error(
          "out-of-range", at: min.location,
          "`autoscaling.min` is 0, but a `kind: \(kind.rawValue)` service scaled to zero tasks never scales out again (its CPU, memory and request metrics need a running task); set `min` to at least 1 (only a `worker` may scale to zero, on its queue's backlog)"
        ))
    }
    if let min = scaling.min, let max = scaling.max, max.value < min.value {
      findings.add(
        .error(
          "out-of-range", at: max.location,
          "`autoscaling.max` (\(max.value)) is below `autoscaling.min` (\(min.value)); raise max or lower min"
        ))
    }
    // A worker always has a target: the backlog per task, `messages_per_task` or its default.
    if scaling.cpu == nil && scaling.memory == nil && scaling.requestsPerTarget == nil
      && kind != .worker
    {
      findings.add(
        .error(
          "autoscaling-metric", at: scaling.location,
          "`autoscaling` needs at least one target: `cpu` or `memory` (percent) or `requests_per_target`, such as `cpu: 60`"
        ))
    }
    findings.checkRange(scaling.cpu, AWSLimits.scalingPercent, field: "autoscaling.cpu", unit: "%")
    findings.checkRange(
      scaling.memory, AWSLimits.scalingPercent, field: "autoscaling.memory", unit: "%")
    findings.checkRange(
      scaling.requestsPerTarget, 1...Int.max, field: "autoscaling.requests_per_target")
  }
}
