import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// A spec of `kind` in a fixed layout: `extra` starts on line 4.
///
///     1  name: orders-worker
///     2  kind: KIND
///     3  image: IMAGE
///     4  EXTRA lines
///        ci + terraform, so that no note is among the diagnostics
private func kindSpec(_ kind: String, _ extra: String) -> String {
  [
    "name: orders-worker", "kind: \(kind)", "image: public.ecr.aws/nginx/nginx:1.27", extra,
    "ci:", "  role_arn: \(Fixtures.ciRoleARN)", "terraform:", "  backend:", "    s3:",
    "      bucket: shop-state", "      key: orders-worker.tfstate", "      region: eu-west-2",
    "      use_lockfile: true",
  ].joined(separator: "\n") + "\n"
}

/// Every finding of `text`.
private func findings(_ text: String) -> [Diagnostic] {
  load(text).diagnostics
}

@Suite struct KindRuleTests {
  static let validWorker = kindSpec("worker", "queue: {visibility_timeout: 2m}")
  static let validJob = kindSpec("job", "schedule: cron(0 3 * * ? *)\ntimeout: 15m")
  static let validBackend = kindSpec(
    "backend",
    "port: 9000\ncount: 2\nnetwork: {security_groups: [sg-0a1b2c3d4e5f60718]}\n"
      + "container_health_check: {command: \"curl -fs localhost:9000 || exit 1\"}")

  @Test(arguments: [validWorker, validJob, validBackend])
  func aValidSpecOfANewKindHasNoFinding(spec: String) throws {
    #expect(load(spec).diagnostics.isEmpty, "\(load(spec).summary)")
  }

  /// Only a worker may scale to zero: its wake-up alarm watches the queue; every other target
  /// needs a running task to ever ask for another.
  @Test(arguments: ["backend", "web"])
  func minZeroIsOnlyForWorkers(kind: String) throws {
    let extra =
      kind == "web"
      ? "port: 80\nautoscaling: {min: 0, max: 3, cpu: 50}"
      : "autoscaling: {min: 0, max: 3, cpu: 50}"
    let line = kind == "web" ? 5 : 4
    let finding = try #require(
      expectFinding("out-of-range", .error, at: line, 20, in: kindSpec(kind, extra)))
    #expect(finding.message.contains("only a `worker` may scale to zero"))
    #expect(findings(kindSpec("worker", "queue: {}\nautoscaling: {min: 0, max: 3}")).isEmpty)
  }

  @Test func loadBalancerSubnetsAreForWebOnly() throws {
    let spec = kindSpec(
      "backend",
      "network:\n  load_balancer_subnets: [subnet-0a1b2c3d4e5f60101, subnet-0a1b2c3d4e5f60102]")
    let finding = try #require(expectFinding("kind-key", .error, at: 5, 27, in: spec))
    #expect(finding.message.hasPrefix("`network.load_balancer_subnets` is only for `kind: web`"))
  }

  /// A job's `autoscaling` is reported once, as a key of another kind, not also for its content.
  @Test func aJobsAutoscalingIsOnlyAKindKey() {
    let rules = findings(kindSpec("job", "schedule: rate(1 day)\nautoscaling: {min: 1, max: 3}"))
      .map(\.rule)
    #expect(rules == ["kind-key"])
  }

  /// The defaults ecsgen sets (`QUEUE_URL`, `ECSGEN_EVENT`) clash with `environment` too.
  @Test func aDefaultVariableNameSetByEnvironmentIsAConflict() throws {
    let worker = kindSpec("worker", "queue: {}\nenvironment: {QUEUE_URL: x}")
    let finding = try #require(expectFinding("env-conflict", .error, at: 4, 8, in: worker))
    #expect(finding.message.contains("(by default) names `QUEUE_URL`"))
    let job = kindSpec(
      "job", "on: {pattern: {source: [aws.s3]}}\nenvironment: {ECSGEN_EVENT: x}")
    #expect(findings(job).map(\.rule) == ["env-conflict"])
  }

  /// EventBridge and SNS refuse a leaf that is a single value (`source: aws.s3`).
  @Test func aPatternLeafMustBeAList() throws {
    let job = kindSpec("job", "on: {pattern: {detail: {bucket: {name: uploads}}}}")
    let finding = try #require(expectFinding("event-pattern", .error, at: 4, 15, in: job))
    #expect(finding.message.contains("at `detail.bucket.name`"))
    let worker = kindSpec(
      "worker",
      "queue:\n  subscriptions:\n    - topic_arn: arn:aws:sns:eu-west-2:111111111111:t\n      filter_policy: {type: created}"
    )
    #expect(findings(worker).map(\.rule) == ["filter-policy"])
    #expect(
      findings(
        kindSpec(
          "job", "on: {pattern: {source: [aws.s3], detail: {size: [{numeric: [\">\", 0]}]}}}")
      ).isEmpty)
  }

  @Test func aBusOrABacklogQueueInAnotherRegionIsRefused() {
    let bus = kindSpec(
      "job",
      "region: eu-west-2\non: {pattern: {source: [x]}, bus: \"arn:aws:events:us-east-1:123456789012:event-bus/o\"}"
    )
    #expect(findings(bus).map(\.rule) == ["event-bus"])
    let queue = kindSpec(
      "worker",
      "region: eu-west-2\nqueue: {arn: \"arn:aws:sqs:us-east-1:123456789012:o\"}\nautoscaling: {min: 1, max: 2}"
    )
    #expect(findings(queue).map(\.rule) == ["queue-region"])
  }

  @Test func notesForABackendPortAndAnExistingClusterWorker() {
    #expect(
      findings(kindSpec("backend", "port: 9000")).map(\.rule) == [
        "backend-health", "backend-ingress",
      ])
    #expect(
      findings(kindSpec("worker", "cluster: shared\nqueue: {}\nautoscaling: {min: 0, max: 2}")).map(
        \.rule)
        == ["container-insights"])
  }

  @Test func aKeyOfAnotherKindIsReportedAtTheKey() throws {
    let finding = try #require(
      expectFinding(
        "kind-key", .error, at: 5, 1,
        in: kindSpec("worker", "queue: {}\nload_balancer: {public: false}")))
    #expect(finding.message.hasPrefix("`load_balancer` is only for `kind: web`"))
    #expect(finding.message.contains("`kind: worker` (a service that consumes a queue)"))
    #expect(finding.notes.first?.contains("`queue`") == true)
  }

  @Test func aWebSpecRefusesTheKeysOfTheNewKinds() {
    for key in ["queue: {}", "schedule: rate(1 day)", "timeout: 5m"] {
      #expect(
        expectFinding("kind-key", .error, at: 4, 1, in: baseSpec(key)) != nil, "\(key)")
    }
  }

  @Test func aJobHasNoServiceKeys() {
    let spec = kindSpec("job", "schedule: rate(1 hour)\ncount: 2\nport: 8080")
    #expect(expectFinding("kind-key", .error, at: 5, 1, in: spec) != nil)
    #expect(expectFinding("kind-key", .error, at: 6, 1, in: spec) != nil)
  }

  @Test func scalingTargetsBelongToOneKind() {
    let worker = kindSpec(
      "worker", "queue: {}\nautoscaling: {min: 0, max: 4, requests_per_target: 100}")
    #expect(expectFinding("kind-key", .error, at: 5, 52, in: worker) != nil)
    expectNoFinding(
      "autoscaling-metric", in: kindSpec("worker", "queue: {}\nautoscaling: {min: 0, max: 4}"))
    let web = baseSpec("autoscaling: {min: 1, max: 4, messages_per_task: 10}")
    #expect(expectFinding("kind-key", .error, at: 4, 50, in: web) != nil)
  }

  @Test func aWorkerNeedsAQueueAndAJobATrigger() {
    #expect(expectFinding("missing-key", .error, at: 1, 1, in: kindSpec("worker", "")) != nil)
    #expect(expectFinding("job-trigger", .error, at: 1, 1, in: kindSpec("job", "")) != nil)
    let both = kindSpec("job", "schedule: rate(1 hour)\non: {pattern: {source: [aws.s3]}}")
    #expect(expectFinding("job-trigger", .error, at: 4, 1, in: both) != nil)
  }

  @Test func aBackendNeedsNoPort() {
    #expect(findings(kindSpec("backend", "")).isEmpty)
  }

  @Test func theVisibilityTimeoutMustCoverTheStopTimeout() throws {
    let short = kindSpec("worker", "stop_timeout: 90\nqueue: {visibility_timeout: 60}")
    let finding = try #require(expectFinding("queue-visibility", .error, at: 5, 29, in: short))
    #expect(
      finding.message.contains("60 seconds, shorter than the 90 seconds of `stop_timeout` (4:15)"))
    // The default stop timeout (30 s) counts when stop_timeout is not written.
    #expect(
      expectFinding(
        "queue-visibility", .error, at: 4, 29,
        in: kindSpec("worker", "queue: {visibility_timeout: 10s}"))
        != nil)
    expectNoFinding(
      "queue-visibility",
      in: kindSpec("worker", "stop_timeout: 90\nqueue: {visibility_timeout: 90}"))
  }

  @Test func theVisibilityRuleRunsPerEnvironment() throws {
    let spec = kindSpec(
      "worker",
      "queue: {visibility_timeout: 60s}\nenvironments:\n  dev: {}\n  prod: {stop_timeout: 90s}")
    let findings = load(spec).findings("queue-visibility")
    #expect(findings.count == 1, "\(load(spec).summary)")
    let finding = try #require(findings.first)
    #expect(finding.message.hasPrefix("in environment prod: "))
    #expect(finding.location.line == 4)
  }

  @Test func anExistingQueueTakesNoKeysOfACreatedOne() {
    let spec = kindSpec(
      "worker",
      "queue:\n  arn: arn:aws:sqs:eu-west-2:123456789012:orders\n  retention: 4d\n  url_env: ORDERS_QUEUE"
    )
    let findings = load(spec).findings("queue-existing")
    #expect(findings.count == 1 && findings.first?.location.line == 6)
    expectNoFinding("invalid-arn", in: spec)
    #expect(
      expectFinding(
        "invalid-arn", .error, at: 5, 8,
        in: kindSpec("worker", "queue:\n  arn: arn:aws:sns:eu-west-2:123456789012:orders")) != nil)
  }

  @Test func aFIFOQueueNeedsFIFOTopics() {
    let spec = kindSpec(
      "worker",
      "queue:\n  fifo: true\n  subscriptions:\n    - topic_arn: arn:aws:sns:eu-west-2:123456789012:orders\n      filter_policy: {type: [created]}"
    )
    #expect(expectFinding("queue-fifo", .error, at: 7, 18, in: spec) != nil)
    expectNoFinding("filter-policy", in: spec)
  }

  @Test func generatedVariablesDoNotClash() {
    let spec = kindSpec(
      "job", "environment: {EVENT: x}\non: {pattern: {source: [aws.s3]}, event_env: EVENT}")
    #expect(expectFinding("env-conflict", .error, at: 5, 46, in: spec) != nil)
  }

  @Test func scheduleLimits() {
    let spec = kindSpec(
      "job",
      "schedule:\n  expression: rate(5 minutes)\n  time_zone: Mars/Olympus\n  retries: 186\n  max_event_age: 30s"
    )
    #expect(expectFinding("schedule-time-zone", .error, at: 6, 14, in: spec) != nil)
    #expect(expectFinding("out-of-range", .error, at: 7, 12, in: spec) != nil)
    #expect(expectFinding("out-of-range", .error, at: 8, 18, in: spec) != nil)
  }

  @Test func anEventPatternIsAMapping() {
    let spec = kindSpec("job", "on: {pattern: [aws.s3], bus: 'no spaces'}")
    #expect(expectFinding("event-pattern", .error, at: 4, 15, in: spec) != nil)
    #expect(expectFinding("event-bus", .error, at: 4, 30, in: spec) != nil)
  }

  @Test func unknownKeysListTheKeysOfTheSpecsKind() throws {
    let web = try #require(
      load(baseSpec("bogus_key_without_match: 1")).findings("unknown-key").first)
    #expect(web.notes.first?.contains("`queue`") == false)
    #expect(web.notes.first?.contains("`load_balancer`") == true)
    let job = try #require(
      load(kindSpec("job", "schedule: rate(1 hour)\nbogus_key_without_match: 1")).findings(
        "unknown-key"
      ).first)
    #expect(job.notes.first?.contains("`schedule`") == true)
    #expect(job.notes.first?.contains("`load_balancer`") == false)
  }
}

@Suite struct ScheduleExpressionTests {
  @Test(arguments: [
    "cron(0 3 * * ? *)", "cron(15 10 ? * MON-FRI *)", "cron(0/15 * * * ? *)",
    "cron(0 8 1 JAN,JUL ? 2027)", "cron(0 9 ? * 2#1 *)", "cron(0 18 L * ? *)",
    "cron(0 12 15W * ? *)",
    "cron(0 0 ? * 6L *)", "rate(1 minute)", "rate(5 minutes)", "rate(1 day)", "rate(12 hours)",
    "at(2027-01-31T09:00:00)",
  ])
  func accepted(expression: String) {
    let spec = kindSpec("job", "schedule: \"\(expression)\"")
    expectNoFinding("schedule-expression", in: spec)
  }

  @Test(arguments: [
    "cron(0 3 * * *)", "cron(0 3 * * * *)", "cron(0 3 ? * ? *)", "cron(60 3 * * ? *)",
    "cron(0 24 * * ? *)", "cron(0 3 0 * ? *)", "cron(0 3 ? 13 * *)", "cron(0 3 ? * 8 *)",
    "cron(0 3 * * ? 1969)", "cron(0 3 ? * MON#6 *)", "cron(0 3 * * ? */0)", "cron(0 L * * ? *)",
    "rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(5 weeks)", "rate(5)",
    "at(2027-13-01T09:00:00)", "at(2027-01-31 09:00)", "0 3 * * *", "every day",
  ])
  func refused(expression: String) {
    let spec = kindSpec("job", "schedule: \"\(expression)\"")
    #expect(expectFinding("schedule-expression", .error, at: 4, 11, in: spec) != nil)
  }

  @Test func aUnixCronGetsItsSixFieldForm() throws {
    let finding = try #require(
      expectFinding(
        "schedule-expression", .error, at: 4, 11, in: kindSpec("job", "schedule: cron(30 2 * * 1)"))
    )
    #expect(finding.notes.first?.hasSuffix("`cron(30 2 ? * 1 *)`") == true)
  }
}
