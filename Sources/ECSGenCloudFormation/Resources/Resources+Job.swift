import ECSGenPlan

extension Resources {
  /// A job: the dead-letter queue for failed starts, the state machine that runs the task (with
  /// its log group and role), and the schedule or rule that starts it (with its role).
  ///
  /// The state machine names the task definition, which waits for the image tag on a built
  /// image's first deploy (`serviceCondition`); so does everything that refers to the state
  /// machine: the invoke role, the schedule or rule, and a queue policy naming the rule.
  func job(_ job: JobPlan) -> [JSONMember] {
    let condition = context.serviceCondition
    let machine = job.stateMachine
    let namesRule = job.deadLetterQueue.policy.contains { $0.refers(to: .eventRuleARN) }
    var members = deadLetterQueue(
      job.deadLetterQueue, sourceQueue: nil, condition: namesRule ? condition : nil)
    members.append(
      JSONMember(
        ID.stateMachineLogGroup,
        resource(
          "AWS::Logs::LogGroup",
          retention: machine.keepLogsOnDestroy ? .keep : .delete,
          [
            "LogGroupName": .string(machine.logGroupName),
            "RetentionInDays": .int(machine.logRetentionDays),
            "Tags": context.tags,
          ])))
    members.append(
      JSONMember(ID.stateMachineRole, resource("AWS::IAM::Role", roleProperties(machine.role))))
    members.append(
      JSONMember(
        ID.stateMachine,
        resource(
          "AWS::StepFunctions::StateMachine", condition: condition,
          [
            "StateMachineName": .string(machine.name),
            "StateMachineType": .string(machine.type),
            "RoleArn": Intrinsic.getAtt(ID.stateMachineRole, "Arn"),
            "Definition": context.document(machine.definition),
            "LoggingConfiguration": .sorted([
              "Destinations": .array([
                .sorted([
                  "CloudWatchLogsLogGroup": .sorted([
                    "LogGroupArn": Intrinsic.getAtt(ID.stateMachineLogGroup, "Arn")
                  ])
                ])
              ]),
              "IncludeExecutionData": .bool(machine.includeExecutionData),
              "Level": .string(machine.logLevel),
            ]),
            "TracingConfiguration": .sorted(["Enabled": .bool(machine.tracingEnabled)]),
            "Tags": context.tags,
          ])))
    members.append(
      JSONMember(
        ID.invokeRole,
        resource("AWS::IAM::Role", condition: condition, roleProperties(job.invokeRole))))
    let retryPolicy = JSONValue.sorted([
      "MaximumRetryAttempts": .int(job.retry.maximumRetryAttempts),
      "MaximumEventAgeInSeconds": .int(job.retry.maximumEventAgeSeconds),
    ])
    let deadLetter = JSONValue.sorted(["Arn": context.reference(.deadLetterQueueARN)])
    switch job.trigger {
    case .schedule(let schedule):
      members.append(
        JSONMember(
          ID.schedule,
          resource(
            "AWS::Scheduler::Schedule", condition: condition,
            [
              "Name": .string(schedule.name),
              "GroupName": .string(schedule.groupName),
              "ScheduleExpression": .string(schedule.expression),
              "ScheduleExpressionTimezone": .string(schedule.timeZone),
              "FlexibleTimeWindow": .sorted(["Mode": .string(schedule.flexibleTimeWindowMode)]),
              "State": .string(schedule.state),
              "Target": .sorted([
                "Arn": context.reference(.stateMachineARN),
                "RoleArn": Intrinsic.getAtt(ID.invokeRole, "Arn"),
                "Input": .string(schedule.input),
                "RetryPolicy": retryPolicy,
                "DeadLetterConfig": deadLetter,
              ]),
            ])))
    case .event(let rule):
      members.append(
        JSONMember(
          ID.eventRule,
          resource(
            "AWS::Events::Rule", condition: condition,
            [
              "Name": .string(rule.name),
              "EventBusName": .string(rule.busName),
              "EventPattern": context.document(rule.pattern),
              "State": .string(rule.state),
              "Targets": .array([
                .sorted([
                  "Id": .string(rule.targetID),
                  "Arn": context.reference(.stateMachineARN),
                  "RoleArn": Intrinsic.getAtt(ID.invokeRole, "Arn"),
                  "RetryPolicy": retryPolicy,
                  "DeadLetterConfig": deadLetter,
                ])
              ]),
              "Tags": context.tags,
            ])))
    }
    return members
  }
}

extension PolicyStatement {
  /// Whether a resource or condition value of the statement is the given created resource.
  func refers(to reference: PlanReference) -> Bool {
    (resources + conditions.flatMap(\.values)).contains(.created(reference))
  }
}
