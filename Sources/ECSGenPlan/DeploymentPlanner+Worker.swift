import ECSGenSpec

extension DeploymentPlanner {
  /// A `worker`: its service, its queue (created with a dead-letter queue, or existing), the
  /// task role's access to exactly that queue, and scaling on the backlog.
  func workerPlan(
    _ spec: ServiceSpec, names: ResourceNames, cluster: ClusterPlan, task: TaskPlan
  ) -> WorkerPlan {
    let queueSpec = spec.queue
    let queue = queuePlan(queueSpec, spec: spec, names: names)
    // The backlog policy, when there is one, joins any CPU/memory target tracking on the
    // service's one scalable target.
    let service = servicePlan(spec, names: names, cluster: cluster, task: task)
    let backlog = backlogScaling(
      spec, names: names, cluster: cluster, service: service.deployment.serviceName,
      queueName: queue.name)
    return WorkerPlan(
      service: service, queue: queue,
      queueURLVariable: queueSpec?.urlEnvironmentName?.value
        ?? SpecDefaults.Queue.urlEnvironmentName,
      backlogScaling: backlog)
  }

  /// The statements a worker's task role gets: receive, delete and extend the visibility of its
  /// queue's messages (and read its attributes, as SDK consumers do), and decrypt with the
  /// queue's customer key. Nothing on the dead-letter queue: a worker never reads it.
  func workerTaskStatements(_ worker: WorkerPlan) -> [PolicyStatement] {
    let queueARN: PolicyResource
    let kmsKey: String?
    switch worker.queue {
    case .created(let queue):
      queueARN = .created(.queueARN)
      kmsKey = queue.kmsKeyARN
    case .existing(let queue):
      queueARN = .literal(queue.arn)
      kmsKey = queue.kmsKeyARN
    }
    var statements = [
      PolicyStatement(
        sid: "ConsumeQueue", effect: "Allow",
        actions: [
          "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
        ],
        resources: [queueARN])
    ]
    if let kmsKey {
      statements.append(
        PolicyStatement(
          sid: "DecryptQueueMessages", effect: "Allow", actions: ["kms:Decrypt"],
          resources: [.literal(kmsKey)]))
    }
    return statements
  }

  private func queuePlan(_ queue: QueueSpec?, spec: ServiceSpec, names: ResourceNames)
    -> QueuePlan
  {
    let kmsKey = queue?.kmsKeyARN?.value
    if let arn = queue?.arn?.value {
      // arn:PARTITION:sqs:REGION:ACCOUNT:NAME (validated).
      let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      let region = parts.count > 3 ? parts[3] : ""
      let account = parts.count > 4 ? parts[4] : ""
      let name = parts.count > 5 ? parts[5] : ""
      let suffix = arn.hasPrefix("arn:aws-cn:") ? "amazonaws.com.cn" : "amazonaws.com"
      return .existing(
        ExistingQueuePlan(
          arn: arn, name: name, url: "https://sqs.\(region).\(suffix)/\(account)/\(name)",
          kmsKeyARN: kmsKey))
    }
    let fifo = queue?.fifo?.value ?? false
    let stop = spec.stopTimeout?.value ?? SpecDefaults.stopTimeoutSeconds
    let reuse = kmsKey == nil ? nil : 300
    let subscriptions = (queue?.subscriptions ?? []).compactMap { subscriptionPlan($0) }
    return .created(
      CreatedQueuePlan(
        name: names.queue(fifo: fifo), fifo: fifo,
        visibilityTimeoutSeconds: queue?.visibilityTimeout?.value
          ?? SpecDefaults.Queue.visibilityTimeoutSeconds(stopTimeout: stop),
        retentionSeconds: queue?.retention?.value ?? SpecDefaults.Queue.retentionSeconds,
        kmsKeyARN: kmsKey, kmsDataKeyReuseSeconds: reuse,
        deadLetterQueue: DeadLetterQueuePlan(
          name: names.deadLetterQueue(fifo: fifo), fifo: fifo,
          retentionSeconds: SpecDefaults.Queue.deadLetterRetentionSeconds, kmsKeyARN: kmsKey,
          kmsDataKeyReuseSeconds: reuse, redriveAllowSourceQueue: true,
          policy: [Self.denyInsecureTransport(.deadLetterQueueARN)], createBeforeDestroy: true),
        maxReceiveCount: queue?.maxReceiveCount?.value ?? SpecDefaults.Queue.maxReceiveCount,
        subscriptions: uniqueKeys(subscriptions),
        policy: [Self.denyInsecureTransport(.queueARN)]
          + topicsMaySend(subscriptions.map(\.topicARN)),
        createBeforeDestroy: true))
  }

  private func subscriptionPlan(_ subscription: QueueSubscriptionSpec) -> QueueSubscriptionPlan? {
    guard let topic = subscription.topicARN?.value else { return nil }
    let policy = subscription.filterPolicy.map { PlanDocument($0.value) }
    return QueueSubscriptionPlan(
      key: Self.identifier(topic.split(separator: ":").last.map(String.init) ?? topic),
      topicARN: topic, filterPolicy: policy,
      filterPolicyScope: policy == nil
        ? nil
        : (subscription.filterPolicyScope?.value ?? .messageAttributes).rawValue,
      rawMessageDelivery: subscription.rawMessageDelivery?.value ?? true)
  }

  /// Two topics with the same name (from two accounts) get `_2`, `_3` in the order written.
  private func uniqueKeys(_ subscriptions: [QueueSubscriptionPlan]) -> [QueueSubscriptionPlan] {
    var seen: [String: Int] = [:]
    return subscriptions.map { subscription in
      var subscription = subscription
      let count = (seen[subscription.key] ?? 0) + 1
      seen[subscription.key] = count
      if count > 1 { subscription.key += "_\(count)" }
      return subscription
    }
  }

  /// SNS may deliver into the queue only from the subscribed topics.
  private func topicsMaySend(_ topics: [String]) -> [PolicyStatement] {
    guard !topics.isEmpty else { return [] }
    return [
      PolicyStatement(
        sid: "SubscribedTopicsMaySend", effect: "Allow", actions: ["sqs:SendMessage"],
        resources: [.created(.queueARN)], principals: ["sns.amazonaws.com"],
        conditions: [
          PolicyCondition(
            test: "ArnEquals", variable: "aws:SourceArn",
            values: Array(Set(topics)).sorted().map { .literal($0) })
        ])
    ]
  }

  /// Every request to the queue must use TLS (the queue policy scanners and AWS's SQS security
  /// guidance ask for).
  static func denyInsecureTransport(_ queue: PlanReference) -> PolicyStatement {
    PolicyStatement(
      sid: "DenyInsecureTransport", effect: "Deny", actions: ["sqs:*"],
      resources: [.created(queue)], principals: ["*"],
      conditions: [
        PolicyCondition(test: "Bool", variable: "aws:SecureTransport", values: [.literal("false")])
      ])
  }

  /// Target tracking on `visible messages / running tasks`, as AWS recommends for queue
  /// consumers; with `min: 0`, a step policy that starts the first task when messages wait and
  /// none runs (the ratio is undefined then, so target tracking cannot do it).
  private func backlogScaling(
    _ spec: ServiceSpec, names: ResourceNames, cluster: ClusterPlan, service: String,
    queueName: String
  ) -> BacklogScalingPlan? {
    guard let scaling = spec.autoscaling, scaling.min != nil, scaling.max != nil else {
      return nil
    }
    // A scaling worker always tracks its backlog (AWS's recommended metric for queue consumers,
    // and the only one that can start a task from zero); `cpu` and `memory` targets add to it.
    let visible = MetricQueryPlan(
      id: "visible", expression: nil,
      metric: MetricStatPlan(
        namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: [MetricDimension(name: "QueueName", value: queueName)], stat: "Sum",
        periodSeconds: 60),
      label: nil, returnData: false)
    let running = MetricQueryPlan(
      id: "running", expression: nil,
      metric: MetricStatPlan(
        namespace: "ECS/ContainerInsights", metricName: "RunningTaskCount",
        dimensions: [
          MetricDimension(name: "ClusterName", value: cluster.name),
          MetricDimension(name: "ServiceName", value: service),
        ], stat: "Average", periodSeconds: 60),
      label: nil, returnData: false)
    let perTask = MetricQueryPlan(
      id: "backlog_per_task", expression: "visible / running", metric: nil,
      label: "Visible messages per running task", returnData: true)
    var wakeUp: WakeUpPlan? = nil
    if scaling.min?.value == 0 {
      wakeUp = WakeUpPlan(
        alarmName: names.wakeUpAlarm,
        alarmDescription:
          "Starts the first \(service) task when messages wait in \(queueName) and no task runs",
        policyName: names.scalingPolicy("wake-up"),
        metrics: [
          visible, running,
          MetricQueryPlan(
            id: "waiting_without_tasks",
            expression: "IF(FILL(running, 0) < 1 AND visible >= 1, 1, 0)",
            metric: nil, label: "Messages waiting and no task running", returnData: true),
        ],
        threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1,
        treatMissingData: "notBreaching", adjustmentType: "ExactCapacity", capacity: 1,
        stepLowerBound: 0,
        cooldownSeconds: 60, metricAggregationType: "Maximum")
    }
    return BacklogScalingPlan(
      policyName: names.scalingPolicy("backlog"),
      targetMessagesPerTask: scaling.messagesPerTask?.value ?? SpecDefaults.Queue.messagesPerTask,
      metrics: [visible, running, perTask],
      scaleInCooldownSeconds: scaling.scaleInCooldown?.value
        ?? SpecDefaults.Autoscaling.scaleInCooldownSeconds,
      scaleOutCooldownSeconds: scaling.scaleOutCooldown?.value
        ?? SpecDefaults.Autoscaling.scaleOutCooldownSeconds,
      wakeUp: wakeUp)
  }

  /// `orders-events` → `orders_events`: a name that is valid as a Terraform address and, in
  /// PascalCase, as a CloudFormation logical id.
  static func identifier(_ text: String) -> String {
    let mapped = text.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    let trimmed = mapped.drop { $0 == "_" }
    return trimmed.isEmpty ? "topic" : (trimmed.first?.isNumber == true ? "t_" : "") + trimmed
  }
}

extension PlanDocument {
  /// A spec's JSON document (an event pattern, a filter policy) as a plan document.
  init(_ value: JSONValue) {
    switch value {
    case .object(let members): self = .object(members.map { .init($0.key, PlanDocument($0.value)) })
    case .array(let items): self = .array(items.map(PlanDocument.init))
    case .string(let text): self = .string(text)
    case .number(let text): self = .number(text)
    case .bool(let value): self = .bool(value)
    case .null: self = .null
    }
  }
}
