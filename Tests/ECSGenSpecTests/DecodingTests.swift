import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// A spec that uses every key of spec v1, each on its own numbered line, and is valid.
let everyKeySpec = """
  version: 1
  name: orders-api
  kind: web
  description: Orders API
  region: eu-west-2
  image: public.ecr.aws/nginx/nginx:1.27
  cpu: 1 vCPU
  memory: 2 GB
  platform: arm64
  ephemeral_storage: 30 GiB
  port: 8080
  command: ["node", "server.js"]
  entrypoint: [/usr/bin/tini, "--"]
  environment:
    NODE_ENV: production
    FEATURE: on
  secrets:
    DB_PASSWORD: /orders/prod/db-password
  roles:
    task:
      managed_policies: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
      statements:
        - effect: Deny
          actions: [dynamodb:DeleteTable]
          resources: [arn:aws:dynamodb:eu-west-2:123456789012:table/orders]
    execution:
      arn: arn:aws:iam::123456789012:role/orders-execution
  health_check:
    path: /healthz
    interval: 15s
    timeout: 5
    healthy_threshold: 2
    unhealthy_threshold: 4
    success_codes: 200-299
    grace_period: 2m
  container_health_check:
    command: curl -f http://localhost:8080/ || exit 1
    interval: 30s
    timeout: 4s
    retries: 3
    start_period: 20s
  load_balancer:
    public: true
    idle_timeout: 2m
    certificate_arn: \(Fixtures.certificateARN)
    ssl_policy: ELBSecurityPolicy-TLS13-1-2-2021-06
    deregistration_delay: 2m
    stickiness: 1h
    allowed_cidrs: [10.0.0.0/8]
    domain: orders.example.com
    hosted_zone_id: Z0123456789ABCDEFGHIJ
  logs:
    group: /ecs/orders-api
    retention_days: 90
    kms_key_arn: \(Fixtures.kmsKeyARN)
  autoscaling:
    min: 2
    max: 10
    cpu: 60
    memory: 75
    requests_per_target: 500
    scale_in_cooldown: 5m
    scale_out_cooldown: 1m
  deployment:
    min_healthy_percent: 50
    max_percent: 200
    rollback: false
  stop_timeout: 45s
  read_only_root_filesystem: true
  network:
    vpc_id: vpc-0a1b2c3d4e5f67890
    subnets: [subnet-0aa11bb22cc33dd44, subnet-0ee55ff66aa77bb88]
    load_balancer_subnets: [subnet-01234567890abcdef, subnet-0fedcba9876543210]
    security_groups: [sg-0123456789abcdef0]
    assign_public_ip: false
    egress:
      - port: 5432
        protocol: tcp
        cidrs: [10.0.0.0/16]
        security_groups: [sg-0aaaabbbbccccdddd]
        prefix_lists: [pl-6ca54005]
  cluster: shop-prod
  tags:
    Team: checkout
    CostCenter: "4711"
  terraform:
    backend:
      s3:
        bucket: shop-terraform-state
        key: services/orders-api.tfstate
        region: eu-west-2
        dynamodb_table: terraform-locks
        use_lockfile: true
  ci:
    role_arn: \(Fixtures.ciRoleARN)
    branch: main
    environment: production
    deploy_with: cloudformation

  """

/// A position in `spec.yaml`.
func at(_ line: Int, _ column: Int) -> ECSGenDiagnostics.SourceLocation {
  ECSGenDiagnostics.SourceLocation(file: "spec.yaml", line: line, column: column)
}

/// Every key lands in its field, with the 1-based line and column of its value.
@Suite struct DecodingTests {
  let spec: ServiceSpec

  init() throws {
    spec = try #require(load(everyKeySpec).spec)
  }

  @Test func everyKeySpecIsValid() {
    let loaded = load(everyKeySpec)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)")
  }

  @Test func topLevelScalars() {
    #expect(spec.file == "spec.yaml")
    #expect(spec.location == at(1, 1))
    #expect(spec.version == Located(1, at: at(1, 10)))
    #expect(spec.name == Located("orders-api", at: at(2, 7)))
    #expect(spec.kind == Located(.web, at: at(3, 7)))
    #expect(spec.description == Located("Orders API", at: at(4, 14)))
    #expect(spec.region == Located("eu-west-2", at: at(5, 9)))
    #expect(spec.image == Located(.reference("public.ecr.aws/nginx/nginx:1.27"), at: at(6, 8)))
    #expect(spec.cpu == Located(CPUSize(units: 1024, writtenAsPlainNumber: false), at: at(7, 6)))
    #expect(
      spec.memory == Located(MemorySize(mebibytes: 2048, writtenAsPlainNumber: false), at: at(8, 9))
    )
    #expect(spec.platform == Located(.linuxARM64, at: at(9, 11)))
    #expect(spec.ephemeralStorage == Located(30, at: at(10, 20)))
    #expect(spec.port == Located(8080, at: at(11, 7)))
    #expect(spec.stopTimeout == Located(45, at: at(68, 15)))
    #expect(spec.readOnlyRootFilesystem == Located(true, at: at(69, 28)))
    #expect(spec.cluster == Located("shop-prod", at: at(82, 10)))
    #expect(spec.count == nil)
    #expect(spec.undecodableFields.isEmpty)
  }

  @Test func listsAndMaps() {
    #expect(
      spec.command
        == Located(
          [Located("node", at: at(12, 11)), Located("server.js", at: at(12, 19))], at: at(12, 10)))
    #expect(
      spec.entrypoint
        == Located(
          [Located("/usr/bin/tini", at: at(13, 14)), Located("--", at: at(13, 29))],
          at: at(13, 13)))
    // `FEATURE: on` stays the string "on": values decode by the type the field expects.
    #expect(
      spec.environment == [
        MapEntry(
          key: Located("NODE_ENV", at: at(15, 3)), value: Located("production", at: at(15, 13))),
        MapEntry(key: Located("FEATURE", at: at(16, 3)), value: Located("on", at: at(16, 12))),
      ])
    #expect(
      spec.secrets == [
        MapEntry(
          key: Located("DB_PASSWORD", at: at(18, 3)),
          value: Located("/orders/prod/db-password", at: at(18, 16)))
      ])
    #expect(
      spec.tags == [
        MapEntry(key: Located("Team", at: at(84, 3)), value: Located("checkout", at: at(84, 9))),
        MapEntry(key: Located("CostCenter", at: at(85, 3)), value: Located("4711", at: at(85, 15))),
      ])
  }

  @Test func roles() throws {
    let roles = try #require(spec.roles)
    #expect(roles.location == at(20, 3))
    let task = try #require(roles.task)
    #expect(task.location == at(21, 5))
    #expect(task.arn == nil)
    #expect(
      task.managedPolicies == [
        Located("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", at: at(21, 24))
      ])
    #expect(
      task.statements == [
        PolicyStatementSpec(
          location: at(23, 9), effect: Located(.deny, at: at(23, 17)),
          actions: [Located("dynamodb:DeleteTable", at: at(24, 19))],
          resources: [
            Located("arn:aws:dynamodb:eu-west-2:123456789012:table/orders", at: at(25, 21))
          ])
      ])
    let execution = try #require(roles.execution)
    #expect(execution.location == at(27, 5))
    #expect(
      execution.arn == Located("arn:aws:iam::123456789012:role/orders-execution", at: at(27, 10)))
    #expect(execution.statements == nil)
  }

  @Test func healthChecks() throws {
    let check = try #require(spec.healthCheck)
    #expect(check.location == at(29, 3))
    #expect(check.path == Located("/healthz", at: at(29, 9)))
    #expect(check.interval == Located(15, at: at(30, 13)))
    #expect(check.timeout == Located(5, at: at(31, 12)))
    #expect(check.healthyThreshold == Located(2, at: at(32, 22)))
    #expect(check.unhealthyThreshold == Located(4, at: at(33, 24)))
    #expect(check.successCodes == Located("200-299", at: at(34, 18)))
    #expect(check.gracePeriod == Located(120, at: at(35, 17)))
    let container = try #require(spec.containerHealthCheck)
    #expect(container.location == at(37, 3))
    #expect(
      container.command
        == Located(.shell("curl -f http://localhost:8080/ || exit 1"), at: at(37, 12)))
    #expect(container.interval == Located(30, at: at(38, 13)))
    #expect(container.timeout == Located(4, at: at(39, 12)))
    #expect(container.retries == Located(3, at: at(40, 12)))
    #expect(container.startPeriod == Located(20, at: at(41, 17)))
  }

  @Test func loadBalancer() throws {
    let balancer = try #require(spec.loadBalancer)
    #expect(balancer.location == at(43, 3))
    #expect(balancer.isPublic == Located(true, at: at(43, 11)))
    #expect(balancer.idleTimeout == Located(120, at: at(44, 17)))
    #expect(balancer.certificateARN == Located(Fixtures.certificateARN, at: at(45, 20)))
    #expect(balancer.sslPolicy == Located("ELBSecurityPolicy-TLS13-1-2-2021-06", at: at(46, 15)))
    #expect(balancer.deregistrationDelay == Located(120, at: at(47, 25)))
    #expect(balancer.stickiness == Located(.duration(3600), at: at(48, 15)))
    #expect(balancer.allowedCIDRs == [Located("10.0.0.0/8", at: at(49, 19))])
    #expect(balancer.domain == Located("orders.example.com", at: at(50, 11)))
    #expect(balancer.hostedZoneID == Located("Z0123456789ABCDEFGHIJ", at: at(51, 19)))
  }

  @Test func logsScalingAndDeployment() throws {
    let logs = try #require(spec.logs)
    #expect(logs.location == at(53, 3))
    #expect(logs.group == Located("/ecs/orders-api", at: at(53, 10)))
    #expect(logs.retentionDays == Located(90, at: at(54, 19)))
    #expect(logs.kmsKeyARN == Located(Fixtures.kmsKeyARN, at: at(55, 16)))
    let scaling = try #require(spec.autoscaling)
    #expect(scaling.location == at(57, 3))
    #expect(scaling.min == Located(2, at: at(57, 8)))
    #expect(scaling.max == Located(10, at: at(58, 8)))
    #expect(scaling.cpu == Located(60, at: at(59, 8)))
    #expect(scaling.memory == Located(75, at: at(60, 11)))
    #expect(scaling.requestsPerTarget == Located(500, at: at(61, 24)))
    #expect(scaling.scaleInCooldown == Located(300, at: at(62, 22)))
    #expect(scaling.scaleOutCooldown == Located(60, at: at(63, 23)))
    let deployment = try #require(spec.deployment)
    #expect(deployment.location == at(65, 3))
    #expect(deployment.minHealthyPercent == Located(50, at: at(65, 24)))
    #expect(deployment.maxPercent == Located(200, at: at(66, 16)))
    #expect(deployment.rollback == Located(false, at: at(67, 13)))
  }

  @Test func networkTerraformAndCI() throws {
    let network = try #require(spec.network)
    #expect(network.location == at(71, 3))
    #expect(network.vpcID == Located("vpc-0a1b2c3d4e5f67890", at: at(71, 11)))
    #expect(
      network.subnets == [
        Located("subnet-0aa11bb22cc33dd44", at: at(72, 13)),
        Located("subnet-0ee55ff66aa77bb88", at: at(72, 39)),
      ])
    #expect(
      network.loadBalancerSubnets == [
        Located("subnet-01234567890abcdef", at: at(73, 27)),
        Located("subnet-0fedcba9876543210", at: at(73, 53)),
      ])
    #expect(network.securityGroups == [Located("sg-0123456789abcdef0", at: at(74, 21))])
    #expect(network.assignPublicIP == Located(false, at: at(75, 21)))
    let egress = try #require(network.egress?.first)
    #expect(network.egress?.count == 1)
    #expect(egress.location == at(77, 7))
    #expect(egress.port == Located(PortRange(from: 5432, to: 5432), at: at(77, 13)))
    #expect(egress.transport == Located(.tcp, at: at(78, 17)))
    #expect(egress.cidrs == [Located("10.0.0.0/16", at: at(79, 15))])
    #expect(egress.securityGroups == [Located("sg-0aaaabbbbccccdddd", at: at(80, 25))])
    #expect(egress.prefixLists == [Located("pl-6ca54005", at: at(81, 22))])
    let backend = try #require(spec.terraform?.s3Backend)
    #expect(spec.terraform?.location == at(87, 3))
    #expect(backend.location == at(89, 7))
    #expect(backend.bucket == Located("shop-terraform-state", at: at(89, 15)))
    #expect(backend.key == Located("services/orders-api.tfstate", at: at(90, 12)))
    #expect(backend.region == Located("eu-west-2", at: at(91, 15)))
    #expect(backend.dynamoDBTable == Located("terraform-locks", at: at(92, 23)))
    #expect(backend.useLockfile == Located(true, at: at(93, 21)))
    let ci = try #require(spec.ci)
    #expect(ci.location == at(95, 3))
    #expect(ci.roleARN == Located(Fixtures.ciRoleARN, at: at(95, 13)))
    #expect(ci.branch == Located("main", at: at(96, 11)))
    #expect(ci.environment == Located("production", at: at(97, 16)))
    #expect(ci.deployWith == Located(.cloudformation, at: at(98, 16)))
  }
}
