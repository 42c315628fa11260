/// What the deploy and plan roles need for the resources only a `worker` or a `job` has: the
/// worker's queues, SNS subscriptions and wake-up alarm; the job's state machine, its log group
/// and log delivery, its schedule or rule, its two roles and its dead-letter queue. Scoped to the
/// names the plan gives them; each wildcard says why.
extension BootstrapPlanner {
  func kindDeployStatements() -> [BootstrapStatement] {
    switch plan.workload {
    case .web, .backend: []
    case .worker(let worker): workerDeployStatements(worker)
    case .job(let job): jobDeployStatements(job)
    }
  }

  func kindReviewStatements() -> [BootstrapStatement] {
    switch plan.workload {
    case .web, .backend: []
    case .worker(let worker): workerReviewStatements(worker)
    case .job(let job): jobReviewStatements(job)
    }
  }

  // MARK: worker

  /// The queues ecsgen creates for a worker (none for an existing queue, which it does not own).
  private func createdQueues(_ worker: WorkerPlan) -> [BootstrapResource] {
    guard case .created(let queue) = worker.queue else { return [] }
    return [regional("sqs", queue.name), regional("sqs", queue.deadLetterQueue.name)]
  }

  private func topics(_ worker: WorkerPlan) -> [BootstrapResource] {
    guard case .created(let queue) = worker.queue else { return [] }
    var seen: Set<String> = []
    return queue.subscriptions.map(\.topicARN).filter { seen.insert($0).inserted }.map {
      .literal($0)
    }
  }

  private func workerDeployStatements(_ worker: WorkerPlan) -> [BootstrapStatement] {
    var statements = queueStatements(createdQueues(worker))
    let topics = topics(worker)
    if !topics.isEmpty {
      statements += [
        BootstrapStatement(
          sid: "SubscribeQueue",
          actions: ["sns:ListSubscriptionsByTopic", "sns:Subscribe"], resources: topics),
        BootstrapStatement(
          sid: "ManageSubscriptions",
          comment:
            "SNS has no subscription resource type: these actions authorize on no resource, and SNS lets only the subscription's or the topic's owner call them.",
          actions: [
            "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "sns:Unsubscribe",
          ],
          resources: [.any]),
      ]
    }
    if let wakeUp = worker.backlogScaling?.wakeUp {
      statements.append(
        BootstrapStatement(
          sid: "WakeUpAlarm",
          actions: [
            "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms",
            "cloudwatch:ListTagsForResource", "cloudwatch:PutMetricAlarm",
            "cloudwatch:TagResource", "cloudwatch:UntagResource",
          ],
          resources: [regional("cloudwatch", "alarm:\(wakeUp.alarmName)")]))
    }
    return statements
  }

  private func workerReviewStatements(_ worker: WorkerPlan) -> [BootstrapStatement] {
    var statements = readQueueStatements(createdQueues(worker))
    let topics = topics(worker)
    if !topics.isEmpty {
      statements += [
        BootstrapStatement(
          sid: "ReadTopicSubscriptions", actions: ["sns:ListSubscriptionsByTopic"],
          resources: topics),
        BootstrapStatement(
          sid: "ReadSubscriptions",
          comment: "SNS has no subscription resource type: the action authorizes on no resource.",
          actions: ["sns:GetSubscriptionAttributes"], resources: [.any]),
      ]
    }
    if let wakeUp = worker.backlogScaling?.wakeUp {
      statements.append(
        BootstrapStatement(
          sid: "ReadWakeUpAlarm", actions: ["cloudwatch:ListTagsForResource"],
          resources: [regional("cloudwatch", "alarm:\(wakeUp.alarmName)")]))
    }
    return statements
  }

  /// Creating, configuring (attributes, redrive, the queue policy: all `SetQueueAttributes`),
  /// tagging and deleting exactly these queues.
  private func queueStatements(_ queues: [BootstrapResource]) -> [BootstrapStatement] {
    guard !queues.isEmpty else { return [] }
    return [
      BootstrapStatement(
        sid: "Queues",
        actions: [
          "sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl",
          "sqs:ListQueueTags", "sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue",
        ],
        resources: queues)
    ]
  }

  private func readQueueStatements(_ queues: [BootstrapResource]) -> [BootstrapStatement] {
    guard !queues.isEmpty else { return [] }
    return [
      BootstrapStatement(
        sid: "ReadQueues",
        actions: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags"],
        resources: queues)
    ]
  }

  // MARK: job

  private func stateMachine(_ job: JobPlan) -> BootstrapResource {
    regional("states", "stateMachine:\(job.stateMachine.name)")
  }

  private func stateMachineLogGroup(_ job: JobPlan) -> [BootstrapResource] {
    let group = job.stateMachine.logGroupName
    return [regional("logs", "log-group:\(group)"), regional("logs", "log-group:\(group):*")]
  }

  private func jobRoles(_ job: JobPlan) -> [BootstrapResource] {
    [job.stateMachine.role, job.invokeRole].map { global("iam", "role/\($0.name)") }
  }

  /// The schedule (in its group) or the rule (on its bus: a rule on the default bus has no bus
  /// in its ARN, one on another bus does).
  private func trigger(_ job: JobPlan) -> BootstrapResource {
    switch job.trigger {
    case .schedule(let schedule):
      return regional("scheduler", "schedule/\(schedule.groupName)/\(schedule.name)")
    case .event(let rule):
      // Rules live on a bus of this account and region (validation checks an ARN's region).
      let bus = rule.busShortName
      return regional("events", bus == "default" ? "rule/\(rule.name)" : "rule/\(bus)/\(rule.name)")
    }
  }

  private func jobDeployStatements(_ job: JobPlan) -> [BootstrapStatement] {
    var statements = [
      BootstrapStatement(
        sid: "StateMachine",
        actions: [
          "states:CreateStateMachine", "states:DeleteStateMachine",
          "states:DescribeStateMachine", "states:ListStateMachineVersions",
          "states:ListTagsForResource", "states:TagResource", "states:UntagResource",
          "states:UpdateStateMachine",
        ],
        resources: [stateMachine(job)]),
      BootstrapStatement(
        sid: "StateMachineLogGroup",
        actions: [
          "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DeleteRetentionPolicy",
          "logs:ListTagsForResource", "logs:ListTagsLogGroup", "logs:PutRetentionPolicy",
          "logs:TagLogGroup", "logs:TagResource", "logs:UntagLogGroup", "logs:UntagResource",
        ],
        resources: stateMachineLogGroup(job)),
      BootstrapStatement(
        sid: "StateMachineLogDelivery",
        comment:
          "Step Functions sets up its log delivery with the caller's credentials, and CloudWatch Logs' delivery and resource-policy actions authorize on no resource.",
        actions: [
          "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeResourcePolicies",
          "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
          "logs:UpdateLogDelivery",
        ],
        resources: [.any]),
      BootstrapStatement(
        sid: "JobRoles",
        actions: [
          "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:GetRole",
          "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
          "iam:ListRolePolicies", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole",
          "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
        ],
        resources: jobRoles(job)),
      passRole(
        "PassStateMachineRole", job.stateMachine.role, to: job.stateMachine.role.trustedService),
      passRole("PassInvokeRole", job.invokeRole, to: job.invokeRole.trustedService),
    ]
    switch job.trigger {
    case .schedule:
      statements.append(
        BootstrapStatement(
          sid: "Schedule",
          actions: [
            "scheduler:CreateSchedule", "scheduler:DeleteSchedule", "scheduler:GetSchedule",
            "scheduler:UpdateSchedule",
          ],
          resources: [trigger(job)]))
    case .event:
      statements.append(
        BootstrapStatement(
          sid: "EventRule",
          actions: [
            "events:DeleteRule", "events:DescribeRule", "events:DisableRule", "events:EnableRule",
            "events:ListTagsForResource", "events:ListTargetsByRule", "events:PutRule",
            "events:PutTargets", "events:RemoveTargets", "events:TagResource",
            "events:UntagResource",
          ],
          resources: [trigger(job)]))
    }
    statements += queueStatements([regional("sqs", job.deadLetterQueue.name)])
    return statements
  }

  /// Passing a role of the job only to the service that assumes it (Step Functions, Scheduler
  /// or EventBridge), when the state machine, schedule or rule target is created or changed.
  private func passRole(_ sid: String, _ role: CreatedRolePlan, to service: String)
    -> BootstrapStatement
  {
    BootstrapStatement(
      sid: sid, actions: ["iam:PassRole"], resources: [global("iam", "role/\(role.name)")],
      conditions: [
        BootstrapCondition(
          test: "StringEquals", variable: "iam:PassedToService", values: [.literal(service)])
      ])
  }

  private func jobReviewStatements(_ job: JobPlan) -> [BootstrapStatement] {
    var statements = [
      BootstrapStatement(
        sid: "ReadStateMachine",
        actions: [
          "states:DescribeStateMachine", "states:ListStateMachineVersions",
          "states:ListTagsForResource",
        ],
        resources: [stateMachine(job)]),
      BootstrapStatement(
        sid: "ReadStateMachineLogGroup",
        actions: ["logs:ListTagsForResource", "logs:ListTagsLogGroup"],
        resources: stateMachineLogGroup(job)),
      BootstrapStatement(
        sid: "ReadJobRoles",
        actions: [
          "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies",
          "iam:ListRolePolicies",
        ],
        resources: jobRoles(job)),
    ]
    switch job.trigger {
    case .schedule:
      statements.append(
        BootstrapStatement(
          sid: "ReadSchedule", actions: ["scheduler:GetSchedule"], resources: [trigger(job)]))
    case .event:
      statements.append(
        BootstrapStatement(
          sid: "ReadEventRule",
          actions: [
            "events:DescribeRule", "events:ListTagsForResource", "events:ListTargetsByRule",
          ],
          resources: [trigger(job)]))
    }
    statements += readQueueStatements([regional("sqs", job.deadLetterQueue.name)])
    return statements
  }
}
