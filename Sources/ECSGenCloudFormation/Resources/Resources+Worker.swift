import ECSGenPlan

extension Resources {
  /// A worker's created queue, its dead-letter queue, their policies and the SNS subscriptions;
  /// nothing for an existing queue, which ecsgen does not own.
  func queue(_ worker: WorkerPlan) -> [JSONMember] {
    guard case .created(let queue) = worker.queue else { return [] }
    var properties = queueProperties(
      name: queue.name, fifo: queue.fifo, retentionSeconds: queue.retentionSeconds,
      kmsKeyARN: queue.kmsKeyARN, kmsDataKeyReuseSeconds: queue.kmsDataKeyReuseSeconds)
    properties["VisibilityTimeout"] = .int(queue.visibilityTimeoutSeconds)
    properties["RedrivePolicy"] = .sorted([
      "deadLetterTargetArn": context.reference(.deadLetterQueueARN),
      "maxReceiveCount": .int(queue.maxReceiveCount),
    ])
    var members = [
      JSONMember(ID.queue, resource("AWS::SQS::Queue", retention: .delete, properties))
    ]
    members += deadLetterQueue(queue.deadLetterQueue, sourceQueue: queue.name)
    members.append(
      JSONMember(
        ID.queuePolicy,
        resource(
          "AWS::SQS::QueuePolicy",
          [
            "Queues": .array([context.reference(.queueURL)]),
            "PolicyDocument": policyDocument(queue.policy),
          ])))
    for subscription in queue.subscriptions {
      var properties: [String: JSONValue] = [
        "TopicArn": .string(subscription.topicARN),
        "Protocol": .string("sqs"),
        "Endpoint": context.reference(.queueARN),
        "RawMessageDelivery": .bool(subscription.rawMessageDelivery),
      ]
      if let policy = subscription.filterPolicy {
        properties["FilterPolicy"] = context.document(policy)
      }
      if let scope = subscription.filterPolicyScope {
        properties["FilterPolicyScope"] = .string(scope)
      }
      // The queue policy first: SNS delivers from the moment the subscription exists.
      members.append(
        JSONMember(
          ID.subscription(subscription),
          resource("AWS::SNS::Subscription", dependsOn: [ID.queuePolicy], properties)))
    }
    return members
  }

  /// A dead-letter queue (a worker's or a job's) and its policy. `sourceQueue` names the queue
  /// whose failures it receives, for its redrive-allow policy; the ARN is built from the name,
  /// because the source queue's own redrive policy already refers to this queue (a `GetAtt`
  /// both ways would be a cycle).
  func deadLetterQueue(
    _ queue: DeadLetterQueuePlan, sourceQueue: String?, condition: String? = nil
  ) -> [JSONMember] {
    var properties = queueProperties(
      name: queue.name, fifo: queue.fifo, retentionSeconds: queue.retentionSeconds,
      kmsKeyARN: queue.kmsKeyARN, kmsDataKeyReuseSeconds: queue.kmsDataKeyReuseSeconds)
    if queue.redriveAllowSourceQueue, let sourceQueue {
      properties["RedriveAllowPolicy"] = .sorted([
        "redrivePermission": .string("byQueue"),
        "sourceQueueArns": .array([
          context.policyResource(.accountResource(service: "sqs", path: sourceQueue))
        ]),
      ])
    }
    return [
      JSONMember(
        ID.deadLetterQueue, resource("AWS::SQS::Queue", retention: .delete, properties)),
      JSONMember(
        ID.deadLetterQueuePolicy,
        resource(
          "AWS::SQS::QueuePolicy", condition: condition,
          [
            "Queues": .array([Intrinsic.ref(ID.deadLetterQueue)]),
            "PolicyDocument": policyDocument(queue.policy),
          ])),
    ]
  }

  /// What a queue and a dead-letter queue share: name, FIFO, retention, encryption, tags.
  private func queueProperties(
    name: String, fifo: Bool, retentionSeconds: Int, kmsKeyARN: String?,
    kmsDataKeyReuseSeconds: Int?
  ) -> [String: JSONValue] {
    var properties: [String: JSONValue] = [
      "QueueName": .string(name),
      "MessageRetentionPeriod": .int(retentionSeconds),
      "Tags": context.tags,
    ]
    // Written only for a FIFO queue: a standard queue is SQS's default.
    if fifo { properties["FifoQueue"] = .bool(true) }
    if let kmsKeyARN {
      properties["KmsMasterKeyId"] = .string(kmsKeyARN)
      if let seconds = kmsDataKeyReuseSeconds {
        properties["KmsDataKeyReusePeriodSeconds"] = .int(seconds)
      }
    } else {
      properties["SqsManagedSseEnabled"] = .bool(true)
    }
    return properties
  }

  /// The container's variable with the queue URL: the created queue's `Ref`, or the existing
  /// queue's URL from the plan.
  func queueURLVariable(_ worker: WorkerPlan) -> (name: String, value: JSONValue) {
    switch worker.queue {
    case .created: (worker.queueURLVariable, context.reference(.queueURL))
    case .existing(let queue): (worker.queueURLVariable, .string(queue.url))
    }
  }

  /// Target tracking on visible messages per running task, and, for a worker that may scale to
  /// zero, the alarm and step policy that start its first task. They join the service's scalable
  /// target, so they wait for the image tag like it.
  func backlogScaling(_ worker: WorkerPlan) -> [JSONMember] {
    guard let backlog = worker.backlogScaling, worker.service.scaling != nil else { return [] }
    let condition = context.serviceCondition
    var members = [
      JSONMember(
        ID.backlogScalingPolicy,
        resource(
          "AWS::ApplicationAutoScaling::ScalingPolicy", condition: condition,
          [
            "PolicyName": .string(backlog.policyName),
            "PolicyType": .string("TargetTrackingScaling"),
            "ScalingTargetId": Intrinsic.ref(ID.scalableTarget),
            "TargetTrackingScalingPolicyConfiguration": .sorted([
              "TargetValue": .int(backlog.targetMessagesPerTask),
              "ScaleInCooldown": .int(backlog.scaleInCooldownSeconds),
              "ScaleOutCooldown": .int(backlog.scaleOutCooldownSeconds),
              "CustomizedMetricSpecification": .sorted([
                "Metrics": .array(backlog.metrics.map { metricQuery($0, withPeriod: false) })
              ]),
            ]),
          ]))
    ]
    guard let wakeUp = backlog.wakeUp else { return members }
    members.append(
      JSONMember(
        ID.wakeUpScalingPolicy,
        resource(
          "AWS::ApplicationAutoScaling::ScalingPolicy", condition: condition,
          [
            "PolicyName": .string(wakeUp.policyName),
            "PolicyType": .string("StepScaling"),
            "ScalingTargetId": Intrinsic.ref(ID.scalableTarget),
            "StepScalingPolicyConfiguration": .sorted([
              "AdjustmentType": .string(wakeUp.adjustmentType),
              "Cooldown": .int(wakeUp.cooldownSeconds),
              "MetricAggregationType": .string(wakeUp.metricAggregationType),
              // Any breach (the alarm's value at or above its threshold) sets the capacity.
              "StepAdjustments": .array([
                .sorted([
                  "MetricIntervalLowerBound": .int(0),
                  "ScalingAdjustment": .int(wakeUp.capacity),
                ])
              ]),
            ]),
          ])))
    members.append(
      JSONMember(
        ID.wakeUpAlarm,
        resource(
          "AWS::CloudWatch::Alarm", condition: condition,
          [
            "AlarmName": .string(wakeUp.alarmName),
            "AlarmDescription": .string(wakeUp.alarmDescription),
            "Metrics": .array(wakeUp.metrics.map { metricQuery($0, withPeriod: true) }),
            "Threshold": .int(wakeUp.threshold),
            "ComparisonOperator": .string(wakeUp.comparisonOperator),
            "EvaluationPeriods": .int(wakeUp.evaluationPeriods),
            "TreatMissingData": .string(wakeUp.treatMissingData),
            "AlarmActions": .array([Intrinsic.getAtt(ID.wakeUpScalingPolicy, "Arn")]),
            "Tags": context.tags,
          ])))
    return members
  }

  /// One metric-math query. An alarm's metric needs its period; target tracking sets its own
  /// (its `MetricStat` has no `Period`).
  private func metricQuery(_ query: MetricQueryPlan, withPeriod: Bool) -> JSONValue {
    var members: [String: JSONValue] = [
      "Id": .string(query.id), "ReturnData": .bool(query.returnData),
    ]
    if let expression = query.expression { members["Expression"] = .string(expression) }
    if let label = query.label { members["Label"] = .string(label) }
    if let metric = query.metric {
      var stat: [String: JSONValue] = [
        "Metric": .sorted([
          "Namespace": .string(metric.namespace),
          "MetricName": .string(metric.metricName),
          "Dimensions": .array(
            metric.dimensions.map {
              .sorted(["Name": .string($0.name), "Value": .string($0.value)])
            }),
        ]),
        "Stat": .string(metric.stat),
      ]
      if withPeriod { stat["Period"] = .int(metric.periodSeconds) }
      members["MetricStat"] = .sorted(stat)
    }
    return .sorted(members)
  }
}
