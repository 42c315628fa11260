import ECSGenDiagnostics
import Yams

/// Stage 1 of the pipeline: a composed YAML document → `ServiceSpec`.
///
/// Reports every key it does not know and every value of the wrong type, and keeps going: a field
/// that cannot be decoded is left nil so that validation can still check the rest.
struct ServiceSpecDecoder {
  let context: DecodingContext
  var values: ValueReader { ValueReader(context: context) }

  init(context: DecodingContext) {
    self.context = context
  }

  func decode(_ root: Node) -> ServiceSpec? {
    guard case .mapping = root else {
      context.report(
        .error(
          "top-level-not-mapping", at: context.location(of: root),
          "a spec must be a YAML mapping of keys such as `name:` and `image:` at the top level, but this file holds \(root.kindDescription)"
        ))
      return nil
    }
    guard
      let top = MappingReader(
        root, path: "", knownKeys: SpecKeys.topLevel,
        listedKeys: KindKeys.topLevel(for: Self.writtenKind(root) ?? SpecDefaults.kind),
        context: context)
    else { return nil }
    var spec = ServiceSpec(file: context.file, location: top.location)
    spec.version = top.value("version").flatMap { values.integer($0, field: "version") }
    spec.name = top.value("name").flatMap { values.string($0, field: "name") }
    spec.kind = top.value("kind").flatMap { values.choice($0, field: "kind") }
    spec.description = top.value("description").flatMap { values.string($0, field: "description") }
    spec.region = top.value("region").flatMap { values.string($0, field: "region") }
    spec.image = top.value("image").flatMap(decodeImage)
    spec.cpu = top.value("cpu").flatMap { values.cpu($0, field: "cpu") }
    spec.memory = top.value("memory").flatMap { values.memory($0, field: "memory") }
    spec.platform = top.value("platform").flatMap {
      values.choice($0, field: "platform", aliases: ["x86_64": .linuxAMD64, "arm64": .linuxARM64])
    }
    spec.ephemeralStorage = top.value("ephemeral_storage").flatMap {
      values.gibibytes($0, field: "ephemeral_storage")
    }
    spec.port = top.value("port").flatMap { values.integer($0, field: "port") }
    spec.command = top.value("command").flatMap { values.stringList($0, field: "command") }
    spec.entrypoint = top.value("entrypoint").flatMap { values.stringList($0, field: "entrypoint") }
    spec.environment = top.value("environment").flatMap {
      values.stringMap($0, field: "environment")
    }
    spec.secrets = top.value("secrets").flatMap { values.stringMap($0, field: "secrets") }
    spec.roles = top.value("roles").flatMap(decodeRoles)
    spec.healthCheck = top.value("health_check").flatMap(decodeHealthCheck)
    spec.containerHealthCheck = top.value("container_health_check").flatMap {
      decodeContainerHealthCheck($0)
    }
    spec.loadBalancer = top.value("load_balancer").flatMap(decodeLoadBalancer)
    spec.logs = top.value("logs").flatMap(decodeLogs)
    spec.autoscaling = top.value("autoscaling").flatMap(decodeAutoscaling)
    spec.count = top.value("count").flatMap { values.integer($0, field: "count") }
    spec.deployment = top.value("deployment").flatMap(decodeDeployment)
    spec.stopTimeout = top.value("stop_timeout").flatMap {
      values.seconds($0, field: "stop_timeout")
    }
    spec.readOnlyRootFilesystem = top.value("read_only_root_filesystem").flatMap {
      values.bool($0, field: "read_only_root_filesystem")
    }
    spec.network = top.value("network").flatMap(decodeNetwork)
    spec.cluster = top.value("cluster").flatMap { values.string($0, field: "cluster") }
    spec.tags = top.value("tags").flatMap { values.stringMap($0, field: "tags") }
    spec.terraform = top.value("terraform").flatMap(decodeTerraform)
    spec.ci = top.value("ci").flatMap(decodeCI)
    decodeKindKeys(top, into: &spec)
    spec.capacity = top.value("capacity").flatMap(decodeCapacity)
    spec.sidecars = top.value("sidecars").flatMap(decodeSidecars)
    spec.dependsOn = top.value("depends_on").flatMap { decodeDependsOn($0, field: "depends_on") }
    decodeExecAndVolumes(top, into: &spec)
    spec.undecodableFields = context.undecodableFields
    return spec
  }

  func section(_ node: Node, _ path: String, _ keys: [String]) -> MappingReader? {
    MappingReader(node, path: path, knownKeys: keys, context: context)
  }

  private func decodeImage(_ node: Node) -> Located<ImageSpec>? {
    let location = context.location(of: node)
    if case .scalar = node {
      return values.string(node, field: "image").map { Located(.reference($0.value), at: location) }
    }
    guard let map = section(node, "image", SpecKeys.imageBuild) else { return nil }
    var build = ImageBuildSpec()
    build.context = map.value("build").flatMap { values.string($0, field: "image.build") }
    build.dockerfile = map.value("dockerfile").flatMap {
      values.string($0, field: "image.dockerfile")
    }
    build.repository = map.value("repository").flatMap {
      values.string($0, field: "image.repository")
    }
    build.deleteImagesOnDestroy = map.value("delete_images_on_destroy").flatMap {
      values.bool($0, field: "image.delete_images_on_destroy")
    }
    if map.value("build") == nil {
      context.report(
        .error(
          "missing-key", at: location,
          "`image` as a mapping needs `build: DIR`, the directory the deploy workflow builds the image from; to deploy an existing image, write `image: REPOSITORY:TAG` instead"
        ))
    }
    return Located(.build(build), at: location)
  }

  private func decodeRoles(_ node: Node) -> RolesSpec? {
    guard let map = section(node, "roles", SpecKeys.roles) else { return nil }
    return RolesSpec(
      location: map.location,
      task: map.value("task").flatMap { decodeRole($0, path: "roles.task") },
      execution: map.value("execution").flatMap { decodeRole($0, path: "roles.execution") })
  }

  private func decodeRole(_ node: Node, path: String) -> RoleSpec? {
    guard let map = section(node, path, SpecKeys.role) else { return nil }
    var role = RoleSpec(location: map.location)
    role.arn = map.value("arn").flatMap { values.string($0, field: map.field("arn")) }
    role.managedPolicies = map.value("managed_policies").flatMap {
      values.stringList($0, field: map.field("managed_policies"))?.value
    }
    if let statements = map.value("statements") {
      if case .sequence(let sequence) = statements {
        role.statements = sequence.enumerated().compactMap { index, item in
          decodeStatement(item, path: "\(path).statements[\(index)]")
        }
      } else {
        _ = values.stringList(statements, field: map.field("statements"))
      }
    }
    return role
  }

  private func decodeStatement(_ node: Node, path: String) -> PolicyStatementSpec? {
    guard let map = section(node, path, SpecKeys.statement) else { return nil }
    let actions = map.value("actions").flatMap {
      values.stringList($0, field: map.field("actions"))?.value
    }
    let resources = map.value("resources").flatMap {
      values.stringList($0, field: map.field("resources"))?.value
    }
    // An absent or empty list is reported here; a list of the wrong type already was.
    for (key, list) in [("actions", actions), ("resources", resources)]
    where map.value(key) == nil || list?.isEmpty == true {
      context.report(
        .error(
          "missing-key", at: map.keyLocation(key) ?? map.location,
          "a policy statement needs a non-empty `\(key)` list",
          notes: [
            key == "actions"
              ? "for example `actions: [\"s3:GetObject\"]`"
              : "for example `resources: [\"arn:aws:s3:::my-bucket/*\"]`"
          ]))
    }
    return PolicyStatementSpec(
      location: map.location,
      effect: map.value("effect").flatMap { values.choice($0, field: map.field("effect")) },
      actions: actions ?? [], resources: resources ?? [])
  }

  private func decodeHealthCheck(_ node: Node) -> HealthCheckSpec? {
    guard let map = section(node, "health_check", SpecKeys.healthCheck) else { return nil }
    var check = HealthCheckSpec(location: map.location)
    check.path = map.value("path").flatMap { values.string($0, field: map.field("path")) }
    check.interval = map.value("interval").flatMap {
      values.seconds($0, field: map.field("interval"))
    }
    check.timeout = map.value("timeout").flatMap { values.seconds($0, field: map.field("timeout")) }
    check.healthyThreshold = map.value("healthy_threshold").flatMap {
      values.integer($0, field: map.field("healthy_threshold"))
    }
    check.unhealthyThreshold = map.value("unhealthy_threshold").flatMap {
      values.integer($0, field: map.field("unhealthy_threshold"))
    }
    check.successCodes = map.value("success_codes").flatMap {
      values.string($0, field: map.field("success_codes"))
    }
    check.gracePeriod = map.value("grace_period").flatMap {
      values.seconds($0, field: map.field("grace_period"))
    }
    return check
  }

  func decodeContainerHealthCheck(
    _ node: Node, path: String = "container_health_check"
  ) -> ContainerHealthCheckSpec? {
    guard let map = section(node, path, SpecKeys.containerHealthCheck) else { return nil }
    var check = ContainerHealthCheckSpec(location: map.location)
    if let command = map.value("command") {
      let location = context.location(of: command)
      if case .sequence = command {
        check.command = values.stringList(command, field: map.field("command")).map {
          Located(.list($0.value), at: location)
        }
      } else {
        check.command = values.string(command, field: map.field("command")).map {
          Located(.shell($0.value), at: location)
        }
      }
    } else {
      context.report(
        .error(
          "missing-key", at: map.location,
          "`\(path)` needs a `command`, such as `curl -f http://localhost:8080/health || exit 1`"
        ))
    }
    check.interval = map.value("interval").flatMap {
      values.seconds($0, field: map.field("interval"))
    }
    check.timeout = map.value("timeout").flatMap { values.seconds($0, field: map.field("timeout")) }
    check.retries = map.value("retries").flatMap { values.integer($0, field: map.field("retries")) }
    check.startPeriod = map.value("start_period").flatMap {
      values.seconds($0, field: map.field("start_period"))
    }
    return check
  }

  private func decodeLoadBalancer(_ node: Node) -> LoadBalancerSpec? {
    guard let map = section(node, "load_balancer", SpecKeys.loadBalancer) else { return nil }
    var balancer = LoadBalancerSpec(location: map.location)
    balancer.isPublic = map.value("public").flatMap { values.bool($0, field: map.field("public")) }
    balancer.idleTimeout = map.value("idle_timeout").flatMap {
      values.seconds($0, field: map.field("idle_timeout"))
    }
    balancer.certificateARN = map.value("certificate_arn").flatMap {
      values.string($0, field: map.field("certificate_arn"))
    }
    balancer.sslPolicy = map.value("ssl_policy").flatMap {
      values.string($0, field: map.field("ssl_policy"))
    }
    balancer.deregistrationDelay = map.value("deregistration_delay").flatMap {
      values.seconds($0, field: map.field("deregistration_delay"))
    }
    balancer.stickiness = map.value("stickiness").flatMap(decodeStickiness)
    balancer.container = map.value("container").flatMap {
      values.string($0, field: map.field("container"))
    }
    balancer.allowedCIDRs = map.value("allowed_cidrs").flatMap {
      values.stringList($0, field: map.field("allowed_cidrs"))?.value
    }
    balancer.domain = map.value("domain").flatMap {
      values.string($0, field: map.field("domain"))
    }
    balancer.hostedZoneID = map.value("hosted_zone_id").flatMap {
      values.string($0, field: map.field("hosted_zone_id"))
    }
    balancer.deletionProtection = map.value("deletion_protection").flatMap {
      values.bool($0, field: map.field("deletion_protection"))
    }
    balancer.wafACLARN = map.value("waf_acl_arn").flatMap {
      values.string($0, field: map.field("waf_acl_arn"))
    }
    balancer.accessLogs = map.value("access_logs").flatMap(decodeAccessLogs)
    balancer.sharedListener = decodeSharedListener(map)
    return balancer
  }

  private func decodeStickiness(_ node: Node) -> Located<StickinessSetting>? {
    let field = "load_balancer.stickiness"
    if case .scalar(let scalar) = node, let flag = ValueReader.boolean(from: scalar.string) {
      return Located(flag ? .enabled : .disabled, at: context.location(of: node))
    }
    guard case .scalar(let scalar) = node, let seconds = Quantities.seconds(from: scalar.string)
    else {
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`\(field)` must be `false`, `true` (one day) or a cookie duration such as `1h`"))
      return nil
    }
    return Located(.duration(seconds), at: context.location(of: node))
  }

  private func decodeLogs(_ node: Node) -> LogsSpec? {
    guard let map = section(node, "logs", SpecKeys.logs) else { return nil }
    var logs = LogsSpec(location: map.location)
    logs.group = map.value("group").flatMap { values.string($0, field: map.field("group")) }
    logs.retentionDays = map.value("retention_days").flatMap {
      values.integer($0, field: map.field("retention_days"))
    }
    logs.kmsKeyARN = map.value("kms_key_arn").flatMap {
      values.string($0, field: map.field("kms_key_arn"))
    }
    logs.onDestroy = map.value("on_destroy").flatMap {
      values.choice($0, field: map.field("on_destroy"))
    }
    return logs
  }

  private func decodeAutoscaling(_ node: Node) -> AutoscalingSpec? {
    guard let map = section(node, "autoscaling", SpecKeys.autoscaling) else { return nil }
    var scaling = AutoscalingSpec(location: map.location)
    func integer(_ key: String) -> Located<Int>? {
      map.value(key).flatMap { values.integer($0, field: map.field(key)) }
    }
    scaling.min = integer("min")
    scaling.max = integer("max")
    scaling.cpu = integer("cpu")
    scaling.memory = integer("memory")
    scaling.requestsPerTarget = integer("requests_per_target")
    scaling.messagesPerTask = integer("messages_per_task")
    scaling.scaleInCooldown = map.value("scale_in_cooldown").flatMap {
      values.seconds($0, field: map.field("scale_in_cooldown"))
    }
    scaling.scaleOutCooldown = map.value("scale_out_cooldown").flatMap {
      values.seconds($0, field: map.field("scale_out_cooldown"))
    }
    return scaling
  }

  private func decodeDeployment(_ node: Node) -> DeploymentSpec? {
    guard let map = section(node, "deployment", SpecKeys.deployment) else { return nil }
    var deployment = DeploymentSpec(location: map.location)
    deployment.minHealthyPercent = map.value("min_healthy_percent").flatMap {
      values.integer($0, field: map.field("min_healthy_percent"))
    }
    deployment.maxPercent = map.value("max_percent").flatMap {
      values.integer($0, field: map.field("max_percent"))
    }
    deployment.rollback = map.value("rollback").flatMap {
      values.bool($0, field: map.field("rollback"))
    }
    deployment.alarms = map.value("alarms").flatMap {
      values.stringList($0, field: map.field("alarms"))
    }
    return deployment
  }

  private func decodeNetwork(_ node: Node) -> NetworkSpec? {
    guard let map = section(node, "network", SpecKeys.network) else { return nil }
    var network = NetworkSpec(location: map.location)
    func list(_ key: String) -> [Located<String>]? {
      map.value(key).flatMap { values.stringList($0, field: map.field(key))?.value }
    }
    network.vpcID = map.value("vpc_id").flatMap { values.string($0, field: map.field("vpc_id")) }
    network.subnets = list("subnets")
    network.loadBalancerSubnets = list("load_balancer_subnets")
    network.securityGroups = list("security_groups")
    network.assignPublicIP = map.value("assign_public_ip").flatMap {
      values.bool($0, field: map.field("assign_public_ip"))
    }
    network.egress = map.value("egress").flatMap(decodeEgress)
    return network
  }

  /// `network.egress`: a list of mappings, one per rule.
  private func decodeEgress(_ node: Node) -> [EgressRuleSpec]? {
    guard case .sequence(let sequence) = node else {
      context.markUndecodable("network.egress")
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`network.egress` must be a list of rules such as `- {port: 5432, security_groups: [sg-0123456789abcdef0]}`, but this is \(node.kindDescription)"
        ))
      return nil
    }
    return sequence.enumerated().compactMap { index, item in
      decodeEgressRule(item, path: "network.egress[\(index)]")
    }
  }

  private func decodeEgressRule(_ node: Node, path: String) -> EgressRuleSpec? {
    guard let map = section(node, path, SpecKeys.egressRule) else { return nil }
    var rule = EgressRuleSpec(location: map.location)
    func list(_ key: String) -> [Located<String>]? {
      map.value(key).flatMap { values.stringList($0, field: map.field(key))?.value }
    }
    if let port = map.value("port") {
      rule.port = values.portRange(port, field: map.field("port"))
    } else {
      context.report(
        .error(
          "missing-key", at: map.location,
          "an egress rule needs a `port`, such as `5432` or the range `8000-8100`"))
    }
    rule.transport = map.value("protocol").flatMap {
      values.choice($0, field: map.field("protocol"))
    }
    rule.cidrs = list("cidrs")
    rule.securityGroups = list("security_groups")
    rule.prefixLists = list("prefix_lists")
    return rule
  }

  private func decodeTerraform(_ node: Node) -> TerraformSpec? {
    guard let map = section(node, "terraform", ["backend"]) else { return nil }
    var terraform = TerraformSpec(location: map.location)
    if let backendNode = map.value("backend"), case .scalar = backendNode {
      // `backend: local` is the only scalar; anything else is a mapping with `s3`.
      terraform.localBackend =
        values.word(
          backendNode, "local", field: "terraform.backend",
          expected: "`local` or a mapping with `s3:`"
        )?.location
      return terraform
    }
    guard let backendNode = map.value("backend"),
      let backend = section(backendNode, "terraform.backend", ["s3"]),
      let s3Node = backend.value("s3"),
      let s3 = section(s3Node, "terraform.backend.s3", SpecKeys.s3Backend)
    else { return terraform }
    var spec = S3BackendSpec(location: s3.location)
    func string(_ key: String) -> Located<String>? {
      s3.value(key).flatMap { values.string($0, field: s3.field(key)) }
    }
    spec.bucket = string("bucket")
    spec.key = string("key")
    spec.region = string("region")
    spec.dynamoDBTable = string("dynamodb_table")
    spec.useLockfile = s3.value("use_lockfile").flatMap {
      values.bool($0, field: s3.field("use_lockfile"))
    }
    terraform.s3Backend = spec
    return terraform
  }

  private func decodeCI(_ node: Node) -> CISpec? {
    guard let map = section(node, "ci", SpecKeys.ci) else { return nil }
    var ci = CISpec(location: map.location)
    ci.roleARN = map.value("role_arn").flatMap { values.string($0, field: map.field("role_arn")) }
    ci.branch = map.value("branch").flatMap { values.string($0, field: map.field("branch")) }
    ci.environment = map.value("environment").flatMap {
      values.string($0, field: map.field("environment"))
    }
    ci.deployWith = map.value("deploy_with").flatMap {
      values.choice($0, field: map.field("deploy_with"))
    }
    return ci
  }
}
