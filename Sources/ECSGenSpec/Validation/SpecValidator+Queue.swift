import ECSGenDiagnostics

extension SpecValidator {
  /// `queue` of a worker: an existing queue (`arn`) or one ecsgen creates, never a mix.
  func checkQueue(_ queue: QueueSpec, _ spec: ServiceSpec, _ findings: inout Findings) {
    if let arn = queue.arn {
      if !IdentifierPatterns.isServiceARN(arn.value, service: "sqs") {
        findings.add(
          .error(
            "invalid-arn", at: arn.location,
            "`queue.arn` is `\(arn.value)`; it must be an SQS queue ARN, `arn:aws:sqs:REGION:ACCOUNT_ID:QUEUE_NAME`"
          ))
      }
      checkExistingQueue(queue, &findings)
      // Backlog scaling reads the queue's metrics in this region's CloudWatch, where a queue of
      // another region publishes none: the worker would never scale (nor wake from zero).
      let parts = arn.value.split(separator: ":", omittingEmptySubsequences: false)
      if spec.autoscaling != nil, let region = spec.region?.value, parts.count > 3,
        parts[3] != region
      {
        findings.add(
          .error(
            "queue-region", at: arn.location,
            "`queue.arn` is a queue in `\(parts[3])`, but the worker deploys to `\(region)` and scales on the queue's CloudWatch metrics, which exist only in the queue's region; deploy the worker to `\(parts[3])`, or remove `autoscaling` and set `count`"
          ))
      }
    }
    // Backlog scaling divides by Container Insights' RunningTaskCount; ecsgen's own cluster has
    // Container Insights on, an existing one may not.
    if spec.autoscaling != nil, let cluster = spec.cluster {
      findings.add(
        .note(
          "container-insights", at: cluster.location,
          "the worker scales on visible messages per running task, and the running tasks come from Container Insights; turn it on for cluster `\(cluster.value)` (`aws ecs update-cluster-settings --cluster \(cluster.value) --settings name=containerInsights,value=enabled`), or the worker never scales"
        ))
    }
    if queue.kmsKeyARN != nil, queue.arn == nil, !(queue.subscriptions ?? []).isEmpty {
      findings.add(
        .note(
          "queue-kms-sns", at: queue.kmsKeyARN?.location ?? queue.location,
          "SNS encrypts what it delivers into this queue with `kms_key_arn`: the key's policy must allow `sns.amazonaws.com` `kms:GenerateDataKey*` and `kms:Decrypt`, or deliveries fail"
        ))
    }
    if let key = queue.kmsKeyARN, !IdentifierPatterns.isKMSKeyARN(key.value) {
      findings.add(
        .error(
          "kms-key-arn", at: key.location,
          "`queue.kms_key_arn` is `\(key.value)`; write the KMS key ARN, `arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID` (the task role is granted `kms:Decrypt` on it, which an alias cannot name)"
        ))
    }
    checkGeneratedVariable(
      queue.urlEnvironmentName, "queue.url_env", default: SpecDefaults.Queue.urlEnvironmentName,
      defaultAt: queue.location, spec, &findings)
    findings.checkRange(
      queue.visibilityTimeout, KindLimits.visibilityTimeout, field: "queue.visibility_timeout",
      unit: "seconds")
    findings.checkRange(
      queue.retention, KindLimits.retention, field: "queue.retention", unit: "seconds")
    findings.checkRange(
      queue.maxReceiveCount, KindLimits.maxReceiveCount, field: "queue.max_receive_count")
    checkVisibility(queue, spec, &findings)
    for subscription in queue.subscriptions ?? [] {
      checkSubscription(subscription, fifo: queue.fifo?.value == true, &findings)
    }
  }

  /// The keys that describe a created queue mean nothing for a queue ecsgen does not own.
  private func checkExistingQueue(_ queue: QueueSpec, _ findings: inout Findings) {
    let created: [(String, SourceLocation?)] = [
      ("visibility_timeout", queue.visibilityTimeout?.location),
      ("retention", queue.retention?.location),
      ("max_receive_count", queue.maxReceiveCount?.location),
      ("fifo", queue.fifo?.location),
      ("subscriptions", queue.subscriptions?.first?.location),
    ]
    for case (let key, let location?) in created {
      findings.add(
        .error(
          "queue-existing", at: location,
          "`queue.\(key)` describes a queue that ecsgen creates, but `queue.arn` names an existing queue, which ecsgen does not change; remove `\(key)` (and set it on the queue itself), or remove `arn` to let ecsgen create the queue"
        ))
    }
  }

  /// When ECS stops a worker it has `stop_timeout` to finish its message; a message whose
  /// visibility timeout runs out sooner reappears and a second worker handles it as well.
  private func checkVisibility(_ queue: QueueSpec, _ spec: ServiceSpec, _ findings: inout Findings)
  {
    guard let visibility = queue.visibilityTimeout,
      KindLimits.visibilityTimeout.contains(visibility.value)
    else { return }
    let stop = spec.stopTimeout?.value ?? SpecDefaults.stopTimeoutSeconds
    guard visibility.value < stop else { return }
    let stopSource =
      spec.stopTimeout.map { "`stop_timeout` (\($0.location.line):\($0.location.column))" }
      ?? "the default `stop_timeout`"
    findings.add(
      .error(
        "queue-visibility", at: visibility.location,
        "`queue.visibility_timeout` is \(visibility.value) seconds, shorter than the \(stop) seconds of \(stopSource) that a stopping worker has to finish its message; the message would become visible again and a second worker would handle it too. Set `visibility_timeout` to at least \(stop)s (longer than your slowest message), or lower `stop_timeout`"
      ))
  }

  private func checkSubscription(
    _ subscription: QueueSubscriptionSpec, fifo: Bool, _ findings: inout Findings
  ) {
    if let topic = subscription.topicARN {
      if !IdentifierPatterns.isServiceARN(topic.value, service: "sns") {
        findings.add(
          .error(
            "invalid-arn", at: topic.location,
            "`topic_arn` is `\(topic.value)`; it must be an SNS topic ARN, `arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME`"
          ))
      } else if fifo && !topic.value.hasSuffix(".fifo") {
        findings.add(
          .error(
            "queue-fifo", at: topic.location,
            "the queue is FIFO (`queue.fifo: true`), and SNS delivers to a FIFO queue only from a FIFO topic (a name ending in `.fifo`); subscribe a FIFO topic, or make the queue standard"
          ))
      }
    }
    if let policy = subscription.filterPolicy, policy.value.isNonEmptyObject,
      let path = policy.value.firstBareLeaf()
    {
      findings.add(
        .error(
          "filter-policy", at: policy.location,
          "`filter_policy` has a single value at `\(path)`; SNS wants a list of allowed values (or matcher objects) at every leaf, such as `\(path.split(separator: ".").last ?? ""): [created]`"
        ))
    }
    if let policy = subscription.filterPolicy, !policy.value.isNonEmptyObject {
      findings.add(
        .error(
          "filter-policy", at: policy.location,
          "`filter_policy` must be a non-empty mapping of attribute names to lists of allowed values, such as `{type: [created, updated]}`"
        ))
    }
  }

  /// An environment variable ecsgen sets for the container (the queue URL, the event): a
  /// portable name that `environment` and `secrets` do not set as well.
  ///
  /// A name left at its default (`QUEUE_URL`, `ECSGEN_EVENT`) is checked too, reported at the
  /// section that implies it (`defaultAt`).
  func checkGeneratedVariable(
    _ written: Located<String>?, _ field: String, default defaultName: String,
    defaultAt location: SourceLocation, _ spec: ServiceSpec, _ findings: inout Findings
  ) {
    let name = written ?? Located(defaultName, at: location)
    if !IdentifierPatterns.isEnvironmentName(name.value) {
      findings.add(
        .error(
          "env-name", at: name.location,
          "`\(field)` is `\(name.value)`; ecsgen sets this variable itself, so it must be a portable name: letters, digits and `_`, not starting with a digit"
        ))
    }
    let taken = ((spec.environment ?? []) + (spec.secrets ?? [])).first {
      $0.key.value == name.value
    }
    if let taken {
      findings.add(
        .error(
          "env-conflict", at: name.location,
          "`\(field)`\(written == nil ? " (by default)" : "") names `\(name.value)`, which `environment` or `secrets` also sets (\(taken.key.location.line):\(taken.key.location.column)); ECS refuses a variable set twice, so choose another name"
        ))
    }
  }
}
