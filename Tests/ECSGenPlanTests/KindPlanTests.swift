import ECSGenPlan
import ECSGenSpec
import Testing

/// The plans of `backend`, `worker` and `job`: each kind's own parts, its defaults and names, and
/// the IAM it needs.
@Suite struct KindPlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  func worker(_ yaml: String) throws -> WorkerPlan {
    guard case .worker(let worker) = try plan(yaml).workload else {
      throw KindMismatch()
    }
    return worker
  }

  func job(_ yaml: String) throws -> JobPlan {
    guard case .job(let job) = try plan(yaml).workload else {
      throw KindMismatch()
    }
    return job
  }

  static let head = "name: orders\nimage: nginx:1.27\n"

  @Test func aBackendHasAServiceWithoutLoadBalancerOrGracePeriod() throws {
    let plan = try plan(
      Self.head + "kind: backend\nport: 9000\nnetwork: {security_groups: [sg-0a1b2c3d4e5f60718]}\n")
    guard case .backend(let backend) = plan.workload else {
      Issue.record("not a backend")
      return
    }
    #expect(backend.service.deployment.healthCheckGracePeriodSeconds == nil)
    #expect(plan.inputs.map(\.name).contains("load_balancer_subnet_ids") == false)
    #expect(plan.task.containerPort == 9000)
    let ingress = plan.tasksSecurityGroup.ingress
    #expect(ingress.map(\.peer) == [.securityGroup("sg-0a1b2c3d4e5f60718")])
    #expect(ingress.first?.fromPort == 9000)
  }

  @Test func aBackendWithoutPortAdmitsNothing() throws {
    let plan = try plan(Self.head + "kind: backend\n")
    #expect(plan.tasksSecurityGroup.ingress.isEmpty)
    #expect(plan.task.containerPort == nil)
  }

  @Test func aCreatedQueueGetsItsDefaultsAndADeadLetterQueue() throws {
    let worker = try worker(Self.head + "kind: worker\nstop_timeout: 45s\nqueue: {}\n")
    guard case .created(let queue) = worker.queue else {
      Issue.record("not created")
      return
    }
    #expect(queue.name == "orders")
    #expect(queue.visibilityTimeoutSeconds == 75)
    #expect(queue.retentionSeconds == 345_600)
    #expect(queue.maxReceiveCount == 5)
    #expect(queue.kmsKeyARN == nil)
    #expect(queue.deadLetterQueue.name == "orders-dlq")
    #expect(queue.deadLetterQueue.retentionSeconds == 1_209_600)
    #expect(worker.queueURLVariable == "QUEUE_URL")
    #expect(queue.policy.map(\.sid) == ["DenyInsecureTransport"])
    #expect(worker.backlogScaling == nil)
  }

  @Test func aFIFOQueueAndItsDeadLetterQueueEndInFifo() throws {
    let worker = try worker(Self.head + "kind: worker\nqueue: {fifo: true}\n")
    guard case .created(let queue) = worker.queue else {
      Issue.record("not created")
      return
    }
    #expect(queue.name == "orders.fifo")
    #expect(queue.deadLetterQueue.name == "orders-dlq.fifo")
  }

  @Test func anExistingQueueHasItsURLAndTheTaskRoleConsumesExactlyIt() throws {
    let arn = "arn:aws:sqs:eu-west-2:123456789012:orders-in"
    let key = "arn:aws:kms:eu-west-2:123456789012:key/0f8e9c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b"
    let plan = try plan(
      Self.head + "kind: worker\nqueue: {arn: \"\(arn)\", kms_key_arn: \"\(key)\", url_env: JOBS}\n"
    )
    guard case .worker(let worker) = plan.workload, case .existing(let queue) = worker.queue else {
      Issue.record("not an existing queue")
      return
    }
    #expect(queue.url == "https://sqs.eu-west-2.amazonaws.com/123456789012/orders-in")
    #expect(worker.queueURLVariable == "JOBS")
    let statements = plan.roles.task.created?.statements ?? []
    #expect(statements.map(\.sid) == ["ConsumeQueue", "DecryptQueueMessages"])
    #expect(statements.first?.resources == [.literal(arn)])
    #expect(
      statements.first?.actions == [
        "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
        "sqs:ReceiveMessage",
      ])
    #expect(statements.last?.resources == [.literal(key)])
  }

  @Test func subscribedTopicsMaySendIntoTheQueue() throws {
    let worker = try worker(
      Self.head + """
        kind: worker
        queue:
          subscriptions:
            - topic_arn: arn:aws:sns:eu-west-2:111111111111:orders-events
              filter_policy: {type: [placed]}
            - topic_arn: arn:aws:sns:eu-west-2:222222222222:orders-events
        """)
    guard case .created(let queue) = worker.queue else {
      Issue.record("not created")
      return
    }
    #expect(queue.subscriptions.map(\.key) == ["orders_events", "orders_events_2"])
    #expect(queue.subscriptions.first?.filterPolicyScope == "MessageAttributes")
    #expect(queue.subscriptions.last?.filterPolicy == nil)
    let send = try #require(queue.policy.first { $0.sid == "SubscribedTopicsMaySend" })
    #expect(send.principals == ["sns.amazonaws.com"])
    #expect(send.conditions.first?.values.count == 2)
  }

  /// A scaling worker tracks its backlog; only `min: 0` adds the wake-up alarm and policy.
  @Test(arguments: [(0, true), (1, false)])
  func backlogScalingAndWakeUp(min: Int, wakes: Bool) throws {
    let worker = try worker(
      Self.head + "kind: worker\nqueue: {}\nautoscaling: {min: \(min), max: 4, cpu: 70}\n")
    let backlog = try #require(worker.backlogScaling)
    #expect(backlog.targetMessagesPerTask == 100)
    #expect(backlog.metrics.last?.expression == "visible / running")
    #expect(backlog.metrics.filter(\.returnData).count == 1)
    #expect((backlog.wakeUp != nil) == wakes)
    #expect(worker.service.scaling?.minCapacity == min)
  }

  @Test func aScheduledJobRunsThroughAStateMachineWithItsTimeout() throws {
    let plan = try plan(
      Self.head
        + "kind: job\nschedule: {expression: cron(0 3 * * ? *), time_zone: Europe/London}\ntimeout: 2h\n"
    )
    guard case .job(let job) = plan.workload, case .schedule(let schedule) = job.trigger else {
      Issue.record("not a scheduled job")
      return
    }
    #expect(plan.ecsService == nil)
    #expect(schedule.expression == "cron(0 3 * * ? *)")
    #expect(schedule.timeZone == "Europe/London")
    #expect(schedule.flexibleTimeWindowMode == "OFF")
    #expect(job.retry.maximumRetryAttempts == 2)
    #expect(job.retry.maximumEventAgeSeconds == 3_600)
    #expect(job.timeoutSeconds == 7_200)
    #expect(job.stateMachine.eventSizeLimit == nil)
    #expect(job.invokeRole.trustedService == "scheduler.amazonaws.com")
    #expect(job.invokeRole.statements.map(\.sid) == ["StartStateMachine", "SendFailedStarts"])
    let states = try #require(job.stateMachine.definition.member("States"))
    let run = try #require(states.member("RunTask"))
    #expect(run.member("TimeoutSeconds") == .number("7200"))
    #expect(run.member("Resource") == .string("arn:aws:states:::ecs:runTask.sync"))
    #expect(run.member("Catch") != nil)
    #expect(states.member("StopTimedOutTasks")?.member("Next") == .string("JobTimedOut"))
    #expect(states.member("JobTimedOut")?.member("Error") == .string("JobTimeout"))
    #expect(states.member("CheckEventSize") == nil)
    #expect(run.member("Arguments")?.member("Overrides") == nil)
  }

  @Test func aJobWithoutTimeoutHasNoStopPath() throws {
    let job = try job(Self.head + "kind: job\nschedule: rate(1 day)\n")
    let states = try #require(job.stateMachine.definition.member("States"))
    #expect(states.member("RunTask")?.member("TimeoutSeconds") == nil)
    #expect(states.member("RunTask")?.member("Catch") == nil)
    #expect(states.member("FindTimedOutTask") == nil)
  }

  @Test func anEventJobPassesTheEventAndRefusesOneTooLarge() throws {
    let job = try job(
      Self.head + "kind: job\non: {pattern: {source: [aws.s3]}, event_env: EVENT}\n")
    guard case .event(let rule) = job.trigger else {
      Issue.record("not an event job")
      return
    }
    #expect(rule.busName == "default")
    #expect(rule.eventVariable == "EVENT")
    #expect(job.invokeRole.trustedService == "events.amazonaws.com")
    #expect(
      job.deadLetterQueue.policy.map(\.sid) == ["DenyInsecureTransport", "RuleMaySendFailedEvents"])
    // 8192 minus `{"containerOverrides":[{"name":"orders","environment":[{"name":"EVENT","value":""}]}]}`
    // (86 characters) plus its two quotes, which the measured string carries itself.
    #expect(job.stateMachine.eventSizeLimit == 8_108)
    let states = try #require(job.stateMachine.definition.member("States"))
    #expect(
      states.member("CheckEventSize")?.member("Choices")
        == .array([
          .object([
            .init(
              "Condition", .string("{% $length($string([$string($states.input)])) - 2 > 8108 %}")),
            .init("Next", .string("EventTooLarge")),
          ])
        ]))
    let overrides = states.member("RunTask")?.member("Arguments")?.member("Overrides")
    #expect(
      overrides?.member("ContainerOverrides")
        == .array([
          .object([
            .init("Name", .string("orders")),
            .init(
              "Environment",
              .array([
                .object([
                  .init("Name", .string("EVENT")),
                  .init("Value", .string("{% $string($states.input) %}")),
                ])
              ])),
          ])
        ]))
  }

  /// `logs.on_destroy: keep` keeps the containers' logs, never the execution log group, whose
  /// fixed name would block the next create (both renderers read this one field).
  @Test func executionLogsAreDeletedEvenWhenContainerLogsAreKept() throws {
    let job = try job(Self.head + "kind: job\nschedule: rate(1 day)\nlogs: {on_destroy: keep}\n")
    #expect(job.stateMachine.keepLogsOnDestroy == false)
  }

  /// The timeout message names what the bound is made of, decided with the bound.
  @Test func theRolloutBoundSaysWhatItIsMadeOf() throws {
    let backend = try plan(Self.head + "kind: backend\n")
    #expect(backend.ecsService?.rollout.basis.hasPrefix("the container health check") == true)
    let web = try plan(Self.head + "port: 80\n")
    #expect(web.ecsService?.rollout.basis.hasPrefix("the health check, grace period") == true)
  }

  /// A partner bus's name holds `/`; the rule's ARN needs all of it.
  @Test func aBusARNKeepsItsWholeName() throws {
    let job = try job(
      Self.head
        + "kind: job\non: {pattern: {source: [x]}, bus: \"arn:aws:events:eu-west-2:123456789012:event-bus/aws.partner/saas.com/1234/orders\"}\n"
    )
    guard case .event(let rule) = job.trigger else {
      Issue.record("not an event job")
      return
    }
    #expect(rule.busShortName == "aws.partner/saas.com/1234/orders")
  }

  @Test func theStateMachineRoleRunsOnlyThisFamilyInThisCluster() throws {
    let job = try job(Self.head + "kind: job\nschedule: rate(1 day)\n")
    let role = job.stateMachine.role
    #expect(role.trustedService == "states.amazonaws.com")
    #expect(role.trustConditions.first?.variable == "aws:SourceAccount")
    let run = try #require(role.statements.first { $0.sid == "RunTask" })
    #expect(run.resources == [.accountResource(service: "ecs", path: "task-definition/orders:*")])
    #expect(run.conditions.first?.values == [.created(.clusterARN)])
    let pass = try #require(role.statements.first { $0.sid == "PassTaskRoles" })
    #expect(pass.resources == [.created(.taskRoleARN), .created(.executionRoleARN)])
  }
}

/// The spec planned as another kind than the test expects.
private struct KindMismatch: Error {}

extension PlanDocument {
  /// The value of `key` in an object; nil for another value or a missing key.
  fileprivate func member(_ key: String) -> PlanDocument? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }
}
