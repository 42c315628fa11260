import ECSGenPlan

extension MainFile {
  /// A worker's queue when ecsgen creates it: the queue, its dead-letter queue (which admits
  /// redrives from that queue only), both resource policies and the SNS subscriptions. An
  /// existing queue renders nothing: ecsgen does not own it.
  func queueBlocks(_ queue: QueuePlan) -> [HCLBlock] {
    guard case .created(let created) = queue else { return [] }
    var body: [HCLBodyItem] = [
      .set("name", .string(created.name)),
      .set("fifo_queue", .bool(created.fifo)),
      .set("visibility_timeout_seconds", .number(created.visibilityTimeoutSeconds)),
      .set("message_retention_seconds", .number(created.retentionSeconds)),
    ]
    body += encryption(created.kmsKeyARN, reuseSeconds: created.kmsDataKeyReuseSeconds)
    body.append(
      .set(
        "redrive_policy",
        .call(
          "jsonencode",
          [
            .object([
              HCLObjectItem("deadLetterTargetArn", ref("aws_sqs_queue.dead_letter.arn")),
              HCLObjectItem("maxReceiveCount", .number(created.maxReceiveCount)),
            ])
          ])))
    var blocks = [resource("aws_sqs_queue", "this", body)]
    blocks += queuePolicyBlocks("this", document: "queue", created.policy)
    blocks += deadLetterQueueBlocks(created.deadLetterQueue)
    blocks += created.subscriptions.map(subscription)
    return blocks
  }

  /// `aws_sqs_queue.dead_letter` of a worker or a job, its policy and, for a worker's, the
  /// redrive-allow policy naming the source queue.
  func deadLetterQueueBlocks(_ queue: DeadLetterQueuePlan) -> [HCLBlock] {
    var body: [HCLBodyItem] = [
      .set("name", .string(queue.name)),
      .set("fifo_queue", .bool(queue.fifo)),
      .set("message_retention_seconds", .number(queue.retentionSeconds)),
    ]
    body += encryption(queue.kmsKeyARN, reuseSeconds: queue.kmsDataKeyReuseSeconds)
    var blocks = [resource("aws_sqs_queue", "dead_letter", body)]
    if queue.redriveAllowSourceQueue {
      // A separate resource, not the queue's own attribute: the attribute would name the source
      // queue, whose redrive policy already names this one (a cycle).
      blocks.append(
        resource(
          "aws_sqs_queue_redrive_allow_policy", "dead_letter",
          [
            .set("queue_url", ref("aws_sqs_queue.dead_letter.url")),
            .set(
              "redrive_allow_policy",
              .call(
                "jsonencode",
                [
                  .object([
                    HCLObjectItem("redrivePermission", .string("byQueue")),
                    HCLObjectItem("sourceQueueArns", .list([ref("aws_sqs_queue.this.arn")])),
                  ])
                ])),
          ]))
    }
    blocks += queuePolicyBlocks("dead_letter", document: "dead_letter_queue", queue.policy)
    return blocks
  }

  /// SQS-managed server-side encryption, or the customer key with its data-key reuse period.
  private func encryption(_ kmsKeyARN: String?, reuseSeconds: Int?) -> [HCLBodyItem] {
    guard let kmsKeyARN else { return [.set("sqs_managed_sse_enabled", .bool(true))] }
    var items: [HCLBodyItem] = [.set("kms_master_key_id", .string(kmsKeyARN))]
    if let reuseSeconds {
      items.append(.set("kms_data_key_reuse_period_seconds", .number(reuseSeconds)))
    }
    return items
  }

  /// The queue's resource policy, written from the plan's statements.
  private func queuePolicyBlocks(
    _ queue: String, document: String, _ statements: [PolicyStatement]
  ) -> [HCLBlock] {
    guard !statements.isEmpty else { return [] }
    return [
      policyDocument(document, statements),
      resource(
        "aws_sqs_queue_policy", queue,
        [
          .set("queue_url", ref("aws_sqs_queue.\(queue).url")),
          .set("policy", ref("data.aws_iam_policy_document.\(document).json")),
        ]),
    ]
  }

  /// One SNS topic delivering into the created queue; the queue policy admits the topic.
  private func subscription(_ subscription: QueueSubscriptionPlan) -> HCLBlock {
    var body: [HCLBodyItem] = [
      .set("topic_arn", .string(subscription.topicARN)),
      .set("protocol", .string("sqs")),
      .set("endpoint", ref("aws_sqs_queue.this.arn")),
      .set("raw_message_delivery", .bool(subscription.rawMessageDelivery)),
    ]
    if let filterPolicy = subscription.filterPolicy {
      body.append(.set("filter_policy", context.json(filterPolicy)))
    }
    if let scope = subscription.filterPolicyScope {
      body.append(.set("filter_policy_scope", .string(scope)))
    }
    // The policy must exist before SNS delivers the first message.
    body += [.blankLine, .set("depends_on", .list([ref("aws_sqs_queue_policy.this")]))]
    return resource("aws_sns_topic_subscription", subscription.key, body)
  }
}
