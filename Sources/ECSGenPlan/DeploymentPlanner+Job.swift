import ECSGenSpec

extension DeploymentPlanner {
  /// A `job`: the schedule or rule, the role it starts the state machine with, the state machine
  /// that runs the task and enforces the timeout, and the dead-letter queue for failed starts.
  func jobPlan(
    _ spec: ServiceSpec, names: ResourceNames, cluster: ClusterPlan, task: TaskPlan,
    roles: RolesPlan, network: NetworkPlan
  ) -> JobPlan {
    let defaults = SpecDefaults.Job.self
    let retrySpec = spec.schedule?.retry ?? spec.eventTrigger?.retry
    let retry = RetryPolicyPlan(
      maximumRetryAttempts: retrySpec?.retries?.value ?? defaults.retries,
      maximumEventAgeSeconds: retrySpec?.maxEventAge?.value ?? defaults.maxEventAgeSeconds)
    let timeout = spec.timeout?.value
    let trigger: JobTrigger
    var eventSizeLimit: Int? = nil
    var deadLetterPolicy = [Self.denyInsecureTransport(.deadLetterQueueARN)]
    if let event = spec.eventTrigger {
      let variable = event.eventEnvironmentName?.value ?? defaults.eventEnvironmentName
      let bus = event.bus?.value ?? defaults.bus
      let rule = EventRulePlan(
        name: names.eventRule, busName: bus,
        busShortName: bus.range(of: ":event-bus/").map { String(bus[$0.upperBound...]) } ?? bus,
        pattern: event.pattern.map { PlanDocument($0.value) } ?? .object([]),
        eventVariable: variable, state: "ENABLED", targetID: "state-machine")
      trigger = .event(rule)
      eventSizeLimit = Self.eventSizeLimit(container: task.containerName, variable: variable)
      // EventBridge writes failed deliveries into the queue with the rule's identity, not with
      // the invoke role, so the queue policy must admit it.
      deadLetterPolicy.append(
        PolicyStatement(
          sid: "RuleMaySendFailedEvents", effect: "Allow", actions: ["sqs:SendMessage"],
          resources: [.created(.deadLetterQueueARN)], principals: ["events.amazonaws.com"],
          conditions: [
            PolicyCondition(
              test: "ArnEquals", variable: "aws:SourceArn", values: [.created(.eventRuleARN)])
          ]))
    } else {
      trigger = .schedule(
        SchedulePlan(
          name: names.schedule, groupName: "default",
          expression: spec.schedule?.expression?.value ?? "",
          timeZone: spec.schedule?.timeZone?.value ?? defaults.timeZone,
          flexibleTimeWindowMode: "OFF", state: "ENABLED", input: "{}"))
    }
    let scheduled: Bool
    if case .schedule = trigger { scheduled = true } else { scheduled = false }
    let definition = StateMachineDefinition(
      service: names.service, container: task.containerName, timeoutSeconds: timeout,
      eventVariable: {
        if case .event(let rule) = trigger { return rule.eventVariable } else { return nil }
      }(),
      eventSizeLimit: eventSizeLimit, assignPublicIP: network.assignPublicIP
    ).document()
    return JobPlan(
      trigger: trigger,
      stateMachine: StateMachinePlan(
        name: names.stateMachine, type: "STANDARD",
        role: stateMachineRole(names: names, cluster: cluster, task: task, roles: roles),
        definition: definition, logGroupName: names.stateMachineLogGroup, logLevel: "ERROR",
        includeExecutionData: false,
        logRetentionDays: spec.logs?.retentionDays?.value ?? SpecDefaults.Logs.retentionDays,
        keepLogsOnDestroy: false,
        tracingEnabled: true, eventSizeLimit: eventSizeLimit),
      invokeRole: invokeRole(names: names, scheduled: scheduled),
      deadLetterQueue: DeadLetterQueuePlan(
        name: names.deadLetterQueue(fifo: false), fifo: false,
        retentionSeconds: SpecDefaults.Queue.deadLetterRetentionSeconds, kmsKeyARN: nil,
        kmsDataKeyReuseSeconds: nil, redriveAllowSourceQueue: false, policy: deadLetterPolicy,
        createBeforeDestroy: true),
      retry: retry, timeoutSeconds: timeout)
  }

  /// RunTask accepts at most 8,192 characters of overrides, counted as their JSON. The event
  /// travels as a JSON string inside that JSON (escaped once more), so the budget for the
  /// escaped event is 8,192 minus the override structure around it. The state machine measures
  /// the event's JSON escaped as a JSON string, quotes included (`$string([$string(event)])`
  /// minus its brackets), and the structure below counts those two quotes already.
  static func eventSizeLimit(container: String, variable: String) -> Int {
    let structure =
      "{\"containerOverrides\":[{\"name\":\"\(container)\",\"environment\":[{\"name\":\"\(variable)\",\"value\":\"\"}]}]}"
    return 8_192 - structure.count + 2
  }

  /// Step Functions runs the task, watches it (`.sync` needs a managed EventBridge rule), stops
  /// it at the timeout, passes the task's roles to ECS, and writes its logs and traces.
  private func stateMachineRole(
    names: ResourceNames, cluster: ClusterPlan, task: TaskPlan, roles: RolesPlan
  ) -> CreatedRolePlan {
    func roleARN(_ role: RolePlan, _ reference: PlanReference) -> PolicyResource {
      switch role {
      case .existing(let arn): .literal(arn)
      case .create: .created(reference)
      }
    }
    let inCluster = PolicyCondition(
      test: "ArnEquals", variable: "ecs:cluster", values: [.created(.clusterARN)])
    let statements = [
      PolicyStatement(
        sid: "RunTask", effect: "Allow", actions: ["ecs:RunTask"],
        resources: [.accountResource(service: "ecs", path: "task-definition/\(task.family):*")],
        conditions: [inCluster]),
      // Tagging on create: RunTask propagates the task definition's tags, which ECS authorizes
      // as `ecs:TagResource` on the new task.
      PolicyStatement(
        sid: "WatchTagAndStopTask", effect: "Allow",
        actions: ["ecs:DescribeTasks", "ecs:StopTask", "ecs:TagResource"],
        resources: [.accountResource(service: "ecs", path: "task/\(cluster.name)/*")]),
      // ListTasks without a container instance names no resource; the cluster condition keeps it
      // to this cluster.
      PolicyStatement(
        sid: "FindTimedOutTask", effect: "Allow", actions: ["ecs:ListTasks"],
        resources: [.literal("*")], conditions: [inCluster]),
      PolicyStatement(
        sid: "PassTaskRoles", effect: "Allow", actions: ["iam:PassRole"],
        resources: [
          roleARN(roles.task, .taskRoleARN), roleARN(roles.execution, .executionRoleARN),
        ],
        conditions: [
          PolicyCondition(
            test: "StringEquals", variable: "iam:PassedToService",
            values: [.literal("ecs-tasks.amazonaws.com")])
        ]),
      PolicyStatement(
        sid: "WatchTaskEvents", effect: "Allow",
        actions: ["events:DescribeRule", "events:PutRule", "events:PutTargets"],
        resources: [
          .accountResource(service: "events", path: "rule/StepFunctionsGetEventsForECSTaskRule")
        ]),
      PolicyStatement(
        sid: "DeliverLogs", effect: "Allow",
        actions: [
          "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups",
          "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
          "logs:PutResourcePolicy", "logs:UpdateLogDelivery",
        ],
        // CloudWatch Logs' delivery APIs authorize on no resource (AWS's Step Functions logging
        // guide says `*`).
        resources: [.literal("*")]),
      PolicyStatement(
        sid: "WriteTraces", effect: "Allow",
        actions: [
          "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords",
          "xray:PutTraceSegments",
        ],
        // X-Ray's write APIs authorize on no resource.
        resources: [.literal("*")]),
    ]
    return CreatedRolePlan(
      name: names.stateMachineRole,
      description: "Role the \(names.service) state machine runs the job's task with",
      trustedService: "states.amazonaws.com", confusedDeputyGuard: false, managedPolicies: [],
      statements: statements, trustConditions: [Self.sameAccount])
  }

  /// Scheduler or EventBridge may start the state machine; Scheduler also writes failed starts
  /// to the dead-letter queue with this role (EventBridge rules do it by the queue's policy).
  private func invokeRole(names: ResourceNames, scheduled: Bool) -> CreatedRolePlan {
    var statements = [
      PolicyStatement(
        sid: "StartStateMachine", effect: "Allow", actions: ["states:StartExecution"],
        resources: [.created(.stateMachineARN)])
    ]
    if scheduled {
      statements.append(
        PolicyStatement(
          sid: "SendFailedStarts", effect: "Allow", actions: ["sqs:SendMessage"],
          resources: [.created(.deadLetterQueueARN)]))
    }
    return CreatedRolePlan(
      name: names.invokeRole(scheduled: scheduled),
      description: scheduled
        ? "Role the \(names.service) schedule starts the job with"
        : "Role the \(names.service) rule starts the job with",
      trustedService: scheduled ? "scheduler.amazonaws.com" : "events.amazonaws.com",
      confusedDeputyGuard: false, managedPolicies: [], statements: statements,
      trustConditions: [Self.sameAccount])
  }

  /// Only this account's schedules, rules and state machines may assume the job's roles.
  static let sameAccount = PolicyCondition(
    test: "StringEquals", variable: "aws:SourceAccount", values: [.accountID])
}
