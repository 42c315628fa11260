/// The keys Copilot reads from a manifest, per workload type, with what becomes of each in ecsgen.
///
/// The key names come from the `yaml:` tags of the Go structs Copilot decodes manifests into
/// (`internal/pkg/manifest/` in aws/copilot-cli, the last release before end of support); the
/// instructions for keys without an ecsgen equivalent come from what each key did in Copilot's
/// manifest reference. This file holds the parts several workload types share; the workload
/// types are assembled in `CopilotKeyCatalogue+Workloads.swift`.
enum CopilotKeyCatalogue {
  typealias Key = CopilotKey
  typealias Schema = CopilotKeySchema

  // MARK: Values that may come from CloudFormation

  /// `from_cfn`: a value Copilot read from another CloudFormation stack's export.
  static let fromCFN = Key.byHand(
    "from_cfn",
    "ecsgen cannot read CloudFormation exports: look the value up (`aws cloudformation list-exports`) and write it in the spec, or pass it in from the stack that exports it"
  )
  /// A plain string or `{from_cfn: EXPORT}`.
  static let stringOrFromCFN = Schema([fromCFN])

  /// A variable map: the user's names, each a string or `{from_cfn}`.
  static func variables(to ecsgenKey: String) -> Key {
    .mapped("variables", to: ecsgenKey, Schema(namedValues: stringOrFromCFN))
  }

  /// A secret map: the user's names, each an SSM parameter name or ARN, a secret ARN,
  /// `{secretsmanager: NAME}` or `{from_cfn: EXPORT}`.
  static func secrets(to ecsgenKey: String) -> Key {
    .mapped(
      "secrets", to: ecsgenKey,
      Schema(namedValues: Schema([.mapped("secretsmanager", to: ecsgenKey), fromCFN])))
  }

  static let envFile = Key.byHand(
    "env_file",
    "ecsgen has no environment files: copy each `NAME=value` line of the file into `environment` (and each sensitive one into `secrets` as a reference)"
  )

  // MARK: Images and containers

  /// `image.build`: a Dockerfile path, or the build's arguments.
  static let build = Key.mapped(
    "build", to: "image.build",
    Schema([
      .mapped("context", to: "image.build"),
      .mapped("dockerfile", to: "image.dockerfile"),
      .byHand(
        "args",
        "ecsgen's deploy workflow builds with the context and Dockerfile only: give each `ARG` in the Dockerfile the value as its default"
      ),
      .byHand(
        "target",
        "ecsgen's deploy workflow builds the Dockerfile's last stage: make the stage this names the last one, or point `image.dockerfile` at a Dockerfile that ends with it"
      ),
      .byHand(
        "cache_from",
        "ecsgen's deploy workflow pulls no cache images: drop it (builds only take longer)"),
    ]))

  /// The keys of `image` that every workload type has.
  static let imageKeys: [Key] = [
    build,
    .mapped("location", to: "image"),
    .byHand(
      "credentials",
      "ecsgen's task definition has no registry credentials: copy the image into Amazon ECR (or a public registry) and give that reference"
    ),
    .byHand(
      "labels",
      "ecsgen sets no Docker labels on the container: put them in the Dockerfile with `LABEL` if a tool reads them from the image, otherwise drop them"
    ),
    .mapped("depends_on", to: "depends_on"),
  ]

  /// A container health check (`image.healthcheck`, `sidecars.<name>.healthcheck`).
  static func containerHealthCheck(to ecsgenKey: String) -> Key {
    .mapped(
      "healthcheck", to: ecsgenKey,
      Schema(
        ["command", "interval", "retries", "timeout", "start_period"].map {
          .mapped($0, to: "\(ecsgenKey).\($0)")
        }))
  }

  /// `image` of an ECS workload: the image, with a port and a container health check when the
  /// workload type has them.
  static func image(port: Bool, healthCheck: Bool) -> Key {
    var keys = imageKeys
    if port { keys.append(.mapped("port", to: "port")) }
    if healthCheck { keys.append(containerHealthCheck(to: "container_health_check")) }
    return .mapped("image", to: "image", Schema(keys))
  }

  static let entrypoint = Key.mapped("entrypoint", to: "entrypoint")
  static let command = Key.mapped("command", to: "command")

  /// `platform`: a string, or `{osfamily, architecture}`.
  static let platform = Key.mapped(
    "platform", to: "platform",
    Schema([
      .byHand(
        "osfamily",
        "ecsgen runs Linux containers only (`platform: linux/amd64` or `linux/arm64`): a Windows image must be rebuilt for Linux before it can run under ecsgen"
      ),
      .mapped("architecture", to: "platform"),
    ]))

  // MARK: Count and autoscaling

  static let cooldown = Key.mapped(
    "cooldown", to: "autoscaling.scale_in_cooldown and autoscaling.scale_out_cooldown",
    Schema([
      .mapped("in", to: "autoscaling.scale_in_cooldown"),
      .mapped("out", to: "autoscaling.scale_out_cooldown"),
    ]))

  /// A scaling target: a number, or `{value, cooldown}` (ecsgen has one pair of cooldowns for
  /// all its targets).
  static func target(_ name: String, to ecsgenKey: String) -> Key {
    .mapped(name, to: ecsgenKey, Schema([.mapped("value", to: ecsgenKey), cooldown]))
  }

  /// `count`: a number, or autoscaling and Spot settings. Copilot decodes every key below for
  /// every type and then refuses the ones a type cannot scale on, so the catalogue lists each
  /// type's own.
  static func count(worker: Bool) -> Key {
    var keys: [Key] = [
      .mapped("spot", to: "capacity.spot"),
      .mapped(
        "range", to: "autoscaling.min and autoscaling.max",
        Schema([
          .mapped("min", to: "autoscaling.min"),
          .mapped("max", to: "autoscaling.max"),
          .mapped("spot_from", to: "capacity.fargate_base and capacity.spot"),
        ])),
      cooldown,
      target("cpu_percentage", to: "autoscaling.cpu"),
      target("memory_percentage", to: "autoscaling.memory"),
    ]
    if worker {
      keys.append(
        .mapped(
          "queue_delay", to: "autoscaling.messages_per_task",
          Schema([
            .mapped("acceptable_latency", to: "autoscaling.messages_per_task"),
            .mapped("msg_processing_time", to: "autoscaling.messages_per_task"),
            cooldown,
          ])))
    } else {
      keys.append(target("requests", to: "autoscaling.requests_per_target"))
      keys.append(
        .byHand(
          "response_time",
          "ecsgen scales on CPU, memory and requests per target, not on response time: scale on `autoscaling.requests_per_target` (or CPU) instead",
          Schema([.mapped("value", to: "autoscaling"), cooldown])))
    }
    return .mapped("count", to: "count or autoscaling", Schema(keys))
  }

  // MARK: Task settings

  static let exec = Key.mapped("exec", to: "exec", Schema([.mapped("enable", to: "exec")]))

  /// `storage`: ephemeral storage, a read-only root and volumes.
  static let storage = Key.mapped(
    "storage", to: "ephemeral_storage, read_only_root_filesystem and volumes",
    Schema([
      .mapped("ephemeral", to: "ephemeral_storage"),
      .mapped("readonly_fs", to: "read_only_root_filesystem"),
      .mapped("volumes", to: "volumes", Schema(namedValues: volume)),
    ]))

  static let volume = Schema([
    Key.mapped(
      "efs", to: "volumes[].file_system",
      Schema([
        .mapped("id", to: "volumes[].file_system", stringOrFromCFN),
        .byHand(
          "root_dir",
          "ecsgen mounts a file system at its root or through an access point: create an access point whose root directory is this one and name it in `access_point`"
        ),
        .mapped(
          "auth", to: "volumes[].access_point",
          Schema([
            .byHand(
              "iam",
              "ecsgen always mounts EFS with IAM authorization and encryption in transit; check that the file system's policy lets the task role mount it"
            ),
            .mapped("access_point_id", to: "volumes[].access_point"),
          ])),
        .byHand(
          "uid",
          "Copilot-managed EFS does not carry over: create a file system with an access point whose POSIX user has this UID and name both in `volumes`"
        ),
        .byHand(
          "gid",
          "Copilot-managed EFS does not carry over: create a file system with an access point whose POSIX user has this GID and name both in `volumes`"
        ),
      ])
    ).whenScalar(
      .byHand(
        "`efs: true` asked Copilot to create and manage a file system, and ecsgen mounts existing ones only: create a file system with an access point, copy the data over, and write their ids in `volumes[].file_system` and `volumes[].access_point`"
      )),
    .mapped("path", to: "volumes[].path"),
    .mapped("read_only", to: "volumes[].read_only"),
  ])

  static let fireLens =
    "ecsgen sends the containers' logs to CloudWatch Logs with the awslogs driver and has no FireLens log router: forward the log group elsewhere with a subscription filter, or run the router as a sidecar and configure the app to send to it"

  /// `logging`: the log retention, and Copilot's FireLens settings, which do not carry over.
  static let logging = Key.mapped(
    "logging", to: "logs",
    Schema([
      .mapped("retention", to: "logs.retention_days"),
      .byHand("image", fireLens),
      .byHand("destination", fireLens),
      .byHand("enableMetadata", fireLens),
      .byHand("secretOptions", fireLens),
      .byHand("configFilePath", fireLens),
      .byHand("variables", fireLens),
      .byHand("secrets", fireLens),
      .byHand("env_file", fireLens),
    ]))

  /// `sidecars.<name>`.
  static let sidecar = Schema([
    .mapped("port", to: "sidecars[].port and sidecars[].protocol"),
    .mapped(
      "image", to: "sidecars[].image",
      Schema([
        .byHand(
          "build",
          "ecsgen builds only the main container's image: build and push the sidecar's image in your own pipeline and give its reference in `sidecars[].image`"
        ),
        .mapped("location", to: "sidecars[].image"),
      ])),
    .mapped("essential", to: "sidecars[].essential"),
    .byHand(
      "credentialsParameter",
      "ecsgen's sidecars have no registry credentials: copy the image into Amazon ECR (or a public registry) and give that reference"
    ),
    variables(to: "sidecars[].environment"),
    envFile,
    secrets(to: "sidecars[].secrets"),
    .byHand(
      "mount_points",
      "ecsgen mounts volumes into the main container only: a sidecar that needs the files must get them another way (its image, or the network)"
    ),
    .byHand(
      "labels",
      "ecsgen sets no Docker labels on containers: put them in the sidecar's Dockerfile with `LABEL`, or drop them"
    ),
    .mapped("depends_on", to: "sidecars[].depends_on"),
    containerHealthCheck(to: "sidecars[].health_check"),
    .byHand(
      "entrypoint",
      "ecsgen's sidecars take a `command` and run the image's entrypoint: put the entrypoint at the front of `sidecars[].command` only if the image has none, or build an image with it"
    ),
    .mapped("command", to: "sidecars[].command"),
  ])

  static let sidecars = Key.mapped("sidecars", to: "sidecars", Schema(namedValues: sidecar))

  // MARK: Network

  static let placement = Key.mapped(
    "placement", to: "network.subnets and network.assign_public_ip",
    Schema([
      .mapped(
        "subnets", to: "network.subnets",
        Schema([
          .byHand(
            "from_tags",
            "ecsgen takes subnet ids, not tags: look the ids up (`aws ec2 describe-subnets --filters Name=tag:KEY,Values=VALUE`) and list them in `network.subnets`"
          )
        ]))
    ]))

  static let securityGroups = Key.mapped(
    "security_groups", to: "network.security_groups",
    Schema(
      [
        .mapped("groups", to: "network.security_groups", Schema(items: stringOrFromCFN)),
        .byHand(
          "deny_default",
          "ecsgen always gives the tasks a security group of their own, which allows only HTTPS out plus `network.egress`: there is nothing to turn off, but check that `network.egress` opens what the tasks need"
        ),
      ], items: stringOrFromCFN))

  static let serviceConnect = Key.byHand(
    "connect",
    "ecsgen sets up no Service Connect (nor Copilot's service discovery names): callers reach a service through its load balancer (an internal `web` with `load_balancer.public: false`), so change the callers' URLs",
    Schema([.known("alias")]))

  /// `network` of an ECS workload.
  static let network = Key.mapped(
    "network", to: "network",
    Schema([
      .mapped("vpc", to: "network", Schema([placement, securityGroups])),
      serviceConnect,
    ]))

  // MARK: Keys without an ecsgen equivalent

  static let publish = Key.byHand(
    "publish",
    "ecsgen creates no SNS topics: create each topic yourself, allow `sns:Publish` on it in `roles.task.statements`, and pass its ARN in `environment` (Copilot passed them in `COPILOT_SNS_TOPIC_ARNS`)",
    Schema([
      .mapped(
        "topics", to: "none",
        Schema(
          items: Schema([
            .known("name"),
            .known("fifo", Schema([.known("content_based_deduplication")])),
          ])))
    ]))

  static let taskDefOverrides = Key.byHand(
    "taskdef_overrides",
    "ecsgen has no raw task definition patches: for each `path`, find the spec key that sets it (see the spec reference); a setting without one cannot be made"
  )

  static let nlb = Key.byHand(
    "nlb",
    "ecsgen puts a service behind an Application Load Balancer only: a Network Load Balancer (TCP or UDP listeners) must be created outside ecsgen and pointed at the service's tasks"
  )

  static let observability = Key.byHand(
    "observability",
    "ecsgen adds no tracing collector: run the AWS Distro for OpenTelemetry collector as a sidecar (see Sidecars in the README) and allow `xray:PutTraceSegments` and `xray:PutTelemetryRecords` in `roles.task.statements`",
    Schema([.known("tracing")]))

  /// `deployment`: the rolling strategy and the rollback alarms (a worker's may also watch the
  /// queue's delay).
  static func deployment(worker: Bool) -> Key {
    let createdAlarms =
      "ecsgen takes the names of existing CloudWatch alarms, not thresholds: create the alarm yourself and list its name in `deployment.alarms`"
    var alarmKeys: [Key] = [
      .byHand("cpu_utilization", createdAlarms), .byHand("memory_utilization", createdAlarms),
    ]
    if worker { alarmKeys.append(.byHand("messages_delayed", createdAlarms)) }
    return .mapped(
      "deployment", to: "deployment",
      Schema([
        .mapped("rolling", to: "deployment.min_healthy_percent and deployment.max_percent"),
        .mapped("rollback_alarms", to: "deployment.alarms", Schema(alarmKeys)),
      ]))
  }
}
