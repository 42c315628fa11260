import ECSGenPlan

extension MainFile {
  /// A job's own resources: the dead-letter queue for failed starts, the state machine that runs
  /// the task (with its log group and role), and the schedule or rule that starts it with the
  /// invoke role.
  func jobBlocks(_ job: JobPlan) -> [HCLBlock] {
    let machine = job.stateMachine
    var blocks = deadLetterQueueBlocks(job.deadLetterQueue)
    blocks.append(
      resource(
        "aws_cloudwatch_log_group", "state_machine",
        [
          .set("name", .string(machine.logGroupName)),
          .set("retention_in_days", .number(machine.logRetentionDays)),
        ]))
    blocks += serviceRoleBlocks("state_machine", machine.role)
    blocks.append(stateMachine(machine))
    blocks += serviceRoleBlocks("invoke", job.invokeRole)
    switch job.trigger {
    case .schedule(let schedule): blocks.append(scheduleBlock(schedule, job: job))
    case .event(let rule): blocks += ruleBlocks(rule, job: job)
    }
    return blocks
  }

  private func stateMachine(_ machine: StateMachinePlan) -> HCLBlock {
    var dependencies: [HCLExpression] = []
    // Step Functions checks the role's log delivery permissions when it creates the state machine.
    if !machine.role.statements.isEmpty {
      dependencies.append(ref("aws_iam_role_policy.state_machine"))
    }
    var body: [HCLBodyItem] = [
      .set("name", .string(machine.name)),
      .set("type", .string(machine.type)),
      .set("role_arn", ref("aws_iam_role.state_machine.arn")),
      .set("definition", context.json(machine.definition)),
      .blankLine,
      block(
        "logging_configuration",
        [
          // Step Functions delivers to the group's streams: the ARN with `:*`.
          .set(
            "log_destination",
            .template([
              .interpolation(ref("aws_cloudwatch_log_group.state_machine.arn")), .literal(":*"),
            ])),
          .set("level", .string(machine.logLevel)),
          .set("include_execution_data", .bool(machine.includeExecutionData)),
        ]),
      .blankLine,
      block("tracing_configuration", [.set("enabled", .bool(machine.tracingEnabled))]),
    ]
    if !dependencies.isEmpty { body += [.blankLine, .set("depends_on", .list(dependencies))] }
    return resource("aws_sfn_state_machine", "this", body)
  }

  /// How often a failed start is retried, and where the payload goes after the last retry.
  private func failedStarts(_ job: JobPlan) -> [HCLBodyItem] {
    [
      block(
        "retry_policy",
        [
          .set("maximum_event_age_in_seconds", .number(job.retry.maximumEventAgeSeconds)),
          .set("maximum_retry_attempts", .number(job.retry.maximumRetryAttempts)),
        ]),
      .blankLine,
      block("dead_letter_config", [.set("arn", ref("aws_sqs_queue.dead_letter.arn"))]),
    ]
  }

  private func scheduleBlock(_ schedule: SchedulePlan, job: JobPlan) -> HCLBlock {
    resource(
      "aws_scheduler_schedule", "this",
      [
        .set("name", .string(schedule.name)),
        .set("group_name", .string(schedule.groupName)),
        .set("schedule_expression", .string(schedule.expression)),
        .set("schedule_expression_timezone", .string(schedule.timeZone)),
        .set("state", .string(schedule.state)),
        .blankLine,
        block("flexible_time_window", [.set("mode", .string(schedule.flexibleTimeWindowMode))]),
        .blankLine,
        block(
          "target",
          [
            .set("arn", ref("aws_sfn_state_machine.this.arn")),
            .set("role_arn", ref("aws_iam_role.invoke.arn")),
            .set("input", .string(schedule.input)),
            .blankLine,
          ] + failedStarts(job)),
      ])
  }

  private func ruleBlocks(_ rule: EventRulePlan, job: JobPlan) -> [HCLBlock] {
    [
      resource(
        "aws_cloudwatch_event_rule", "this",
        [
          .set("name", .string(rule.name)),
          .set("event_bus_name", .string(rule.busName)),
          .set("event_pattern", context.json(rule.pattern)),
          .set("state", .string(rule.state)),
        ]),
      resource(
        "aws_cloudwatch_event_target", "this",
        [
          .set("rule", ref("aws_cloudwatch_event_rule.this.name")),
          .set("event_bus_name", ref("aws_cloudwatch_event_rule.this.event_bus_name")),
          .set("target_id", .string(rule.targetID)),
          .set("arn", ref("aws_sfn_state_machine.this.arn")),
          .set("role_arn", ref("aws_iam_role.invoke.arn")),
          .blankLine,
        ] + failedStarts(job)),
    ]
  }
}
