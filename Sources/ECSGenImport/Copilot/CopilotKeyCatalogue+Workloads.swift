extension CopilotKeyCatalogue {
  /// The whole manifest of a workload type: its settings, plus `name`, `type` and
  /// `environments`, whose values hold the same settings (an environment cannot change the name
  /// or the type).
  static func manifest(_ type: CopilotWorkloadType) -> Schema {
    switch type {
    case .loadBalancedWebService: loadBalancedWebService
    case .backendService: backendService
    case .workerService: workerService
    case .scheduledJob: scheduledJob
    case .requestDrivenWebService: requestDrivenWebService
    }
  }

  static let loadBalancedWebService = withEnvironments(loadBalancedWebServiceConfig)
  static let backendService = withEnvironments(backendServiceConfig)
  static let workerService = withEnvironments(workerServiceConfig)
  static let scheduledJob = withEnvironments(scheduledJobConfig)
  static let requestDrivenWebService = withEnvironments(requestDrivenWebServiceConfig)

  /// `config` at the top of a manifest, with the keys only the top has.
  static func withEnvironments(_ config: Schema) -> Schema {
    Schema(
      [.mapped("name", to: "name"), .mapped("type", to: "kind")] + config.keys + [
        .mapped("environments", to: "environments", Schema(namedValues: config))
      ])
  }

  // MARK: HTTP

  /// The load balancer's health check (`http.healthcheck`): a path, or its settings.
  static let httpHealthCheck = Key.mapped(
    "healthcheck", to: "health_check",
    Schema([
      .mapped("path", to: "health_check.path"),
      .byHand(
        "port",
        "ecsgen's load balancer checks the port it sends traffic to: serve the health check path on the container's `port`"
      ),
      .mapped("success_codes", to: "health_check.success_codes"),
      .mapped("healthy_threshold", to: "health_check.healthy_threshold"),
      .mapped("unhealthy_threshold", to: "health_check.unhealthy_threshold"),
      .mapped("timeout", to: "health_check.timeout"),
      .mapped("interval", to: "health_check.interval"),
      .mapped("grace_period", to: "health_check.grace_period"),
    ]))

  /// One listener rule of `http` (the main one, inline, or an item of `additional_rules`).
  static let routingRuleKeys: [Key] = [
    .byHand(
      "path",
      "ecsgen gives a service a load balancer of its own, which sends every path to it: serve the app under `/`, or join a shared load balancer (`load_balancer.listener_arn`) and write the path in `load_balancer.paths`"
    ),
    .byHand(
      "version",
      "ecsgen's target group speaks HTTP/1.1 to the containers; gRPC and HTTP/2 to the targets cannot be set, so serve HTTP/1.1 on `port`"
    ),
    httpHealthCheck,
    .mapped("stickiness", to: "load_balancer.stickiness"),
    .mapped(
      "alias", to: "load_balancer.domain",
      Schema(
        items: Schema([
          .mapped("name", to: "load_balancer.domain"),
          .mapped("hosted_zone", to: "load_balancer.hosted_zone_id"),
        ]))),
    .mapped("hosted_zone", to: "load_balancer.hosted_zone_id"),
    .mapped("deregistration_delay", to: "load_balancer.deregistration_delay"),
    .mapped("target_container", to: "load_balancer.container"),
    .byHand(
      "target_port",
      "ecsgen's load balancer sends traffic to the container's `port` (or the `load_balancer.container` sidecar's): make that the port this names"
    ),
    .mapped("allowed_source_ips", to: "load_balancer.allowed_cidrs"),
    .byHand(
      "redirect_to_https",
      "ecsgen always redirects HTTP to HTTPS when the load balancer has a `certificate_arn`, and has no switch for it"
    ),
  ]

  /// `http` of a Load Balanced Web Service or a Backend Service.
  static let http = Key.mapped(
    "http", to: "load_balancer and health_check",
    Schema(
      routingRuleKeys + [
        .byHand(
          "alb",
          "ecsgen joins an existing load balancer through its HTTPS listener: set `load_balancer.listener_arn` (with `security_group`, `priority` and `hosts` or `paths`) instead of the load balancer's name or ARN"
        ),
        .mapped("targetContainer", to: "load_balancer.container"),
        .byHand(
          "additional_rules",
          "ecsgen gives a service one listener rule: for another path, host or container, write a second spec for it, or join a shared listener (`load_balancer.listener_arn`) with one rule per spec",
          Schema(items: Schema(routingRuleKeys.map { .known($0.name, $0.schema) }))),
      ]))

  // MARK: The ECS workload types

  /// The task settings every ECS workload type shares (`TaskConfig` in Copilot).
  static let taskKeys: [Key] = [
    .mapped("cpu", to: "cpu"), .mapped("memory", to: "memory"), platform, exec,
    variables(to: "environment"), envFile, secrets(to: "secrets"), storage,
  ]

  static let loadBalancedWebServiceConfig = Schema(
    [image(port: true, healthCheck: true), entrypoint, command, http] + taskKeys + [
      count(worker: false), logging, sidecars, network, publish, taskDefOverrides, nlb,
      deployment(worker: false), observability,
    ])

  static let backendServiceConfig = Schema(
    [image(port: true, healthCheck: true), entrypoint, command, http] + taskKeys + [
      count(worker: false), logging, sidecars, network, publish, taskDefOverrides,
      deployment(worker: false), observability,
    ])

  /// The SQS queue of a Worker Service (`subscribe.queue`, or a topic's own queue).
  static let queue = Schema([
    .mapped("retention", to: "queue.retention"),
    .byHand(
      "delay",
      "ecsgen's queue delivers messages without delay: if the worker relied on it, delay the messages where they are sent (`DelaySeconds` on `SendMessage`)"
    ),
    .mapped("timeout", to: "queue.visibility_timeout"),
    .mapped(
      "dead_letter", to: "queue.max_receive_count",
      Schema([
        .mapped("tries", to: "queue.max_receive_count")
      ])),
    .mapped(
      "fifo", to: "queue.fifo",
      Schema([
        .byHand(
          "content_based_deduplication",
          "ecsgen's FIFO queue has content-based deduplication off: send each message with a `MessageDeduplicationId` (a hash of its body does what this did)"
        ),
        highThroughputFIFO("deduplication_scope"),
        highThroughputFIFO("throughput_limit"),
        highThroughputFIFO("high_throughput"),
      ])),
  ])

  /// The FIFO settings of SQS's high-throughput mode, which ecsgen's queue does not turn on.
  static func highThroughputFIFO(_ name: String) -> Key {
    .byHand(
      name,
      "ecsgen's FIFO queue deduplicates and limits throughput per queue (SQS's defaults), without high-throughput mode: if the worker needs more, create the queue outside ecsgen and name it in `queue.arn`"
    )
  }

  static let subscribe = Key.mapped(
    "subscribe", to: "queue",
    Schema([
      .mapped(
        "topics", to: "queue.subscriptions",
        Schema(
          items: Schema([
            .mapped("name", to: "queue.subscriptions[].topic_arn"),
            .mapped("service", to: "queue.subscriptions[].topic_arn"),
            .mapped("filter_policy", to: "queue.subscriptions[].filter_policy"),
            .byHand(
              "queue",
              "ecsgen gives a worker one queue, which every subscription feeds: a topic that needs a queue of its own needs a second worker spec",
              Schema(queue.keys.map { .known($0.name, $0.schema) })),
          ]))),
      .mapped("queue", to: "queue", queue),
    ]))

  static let workerServiceConfig = Schema(
    [image(port: false, healthCheck: true), entrypoint, command] + taskKeys + [
      count(worker: true), logging, sidecars, subscribe, publish, network, taskDefOverrides,
      deployment(worker: true), observability,
    ])

  static let scheduledJobConfig = Schema(
    [image(port: false, healthCheck: true), entrypoint, command] + taskKeys + [
      .byHand(
        "count",
        "ecsgen's job runs one task per run and has no count: run several tasks by starting the job several times, or make the one task do more"
      ),
      logging, sidecars,
      .mapped("on", to: "schedule", Schema([.mapped("schedule", to: "schedule")])),
      .mapped("timeout", to: "timeout"),
      .byHand(
        "retries",
        "ecsgen does not run a failed job again: `schedule.retries` retries only starts that fail, not runs that exit with an error, so make the job retry its own work or start it again by hand"
      ),
      network, publish, taskDefOverrides,
    ]
  ).adding([
    .byHand(
      "exec",
      "ecsgen turns on ECS Exec for services only, not for jobs: run the job's image as a `backend` in a test environment to open a shell in it",
      Schema([.known("enable")]))
  ])

  // MARK: Request-Driven Web Service (App Runner)

  static let requestDrivenWebServiceConfig = Schema([
    .mapped(
      "http", to: "load_balancer and health_check",
      Schema([
        httpHealthCheck,
        .mapped("alias", to: "load_balancer.domain"),
        .mapped(
          "private", to: "load_balancer.public",
          Schema([
            .byHand(
              "endpoint",
              "ecsgen's internal load balancer is reached inside its VPC through its DNS name; there is no App Runner VPC endpoint to name, so point callers at the load balancer"
            )
          ])),
      ])),
    .mapped("cpu", to: "cpu"), .mapped("memory", to: "memory"), platform,
    .mapped("image", to: "image", Schema(imageKeys + [.mapped("port", to: "port")])),
    variables(to: "environment"), secrets(to: "secrets"),
    .mapped("command", to: "command"),
    .mapped("tags", to: "tags"),
    publish,
    .mapped(
      "network", to: "network",
      Schema([.mapped("vpc", to: "network", Schema([placement]))])),
    observability,
    .byHand(
      "count",
      "this names an App Runner auto scaling configuration, which ecsgen cannot read: set `autoscaling` (`min`, `max` and a target such as `requests_per_target`) by hand"
    ),
  ])
}
