import ECSGenSpec

/// Why a spec could not be planned. Only specs with errors get here, and the CLI never plans those;
/// the error exists so that the library is safe to call with anything.
public struct PlanningError: Error, CustomStringConvertible, Sendable {
  public var description: String
}

/// Resolves a validated `ServiceSpec` into a `DeploymentPlan`: applies every default from
/// `SpecDefaults` and computes every name from `ResourceNames`.
public struct DeploymentPlanner {
  public init() {}

  /// The plan for a spec that passed validation. Throws if the spec still has errors.
  public func plan(_ loaded: LoadedSpec) throws(PlanningError) -> DeploymentPlan {
    guard let spec = loaded.spec, !loaded.hasErrors else {
      throw PlanningError(description: "\(loaded.file) has errors; run `ecsgen lint` to see them")
    }
    guard loaded.environments.isEmpty else {
      // The spec without its environments is never deployed; `plans(_:)` plans each of them.
      throw PlanningError(
        description: "\(loaded.file) has environments; plan each with `plans(_:)`")
    }
    return try plan(spec)
  }

  /// The plan for `spec`, which must have passed validation.
  public func plan(_ spec: ServiceSpec) throws(PlanningError) -> DeploymentPlan {
    guard let name = spec.name?.value, let imageSpec = spec.image?.value else {
      throw PlanningError(description: "\(spec.file) lacks `name` or `image`; run `ecsgen lint`")
    }
    let kind = spec.kind?.value ?? SpecDefaults.kind
    let port = spec.port?.value
    if kind == .web, port == nil {
      throw PlanningError(description: "\(spec.file) lacks `port`; run `ecsgen lint`")
    }
    let environment = spec.deploymentEnvironment.map { EnvironmentPlan(service: name, $0) }
    // With environments, every name AWS needs unique is built from `SERVICE-ENVIRONMENT`.
    let qualified = environment?.qualifiedName ?? name
    let names = ResourceNames(service: qualified)
    var inputs = InputCollector()
    let region: Configurable<String> =
      spec.region.map { .fixed($0.value) }
      ?? inputs.open(
        "aws_region", .region, "AWS region to deploy \(name) to, such as eu-west-2.")
    let image = imagePlan(imageSpec, service: qualified, inputs: &inputs)
    let network = networkPlan(spec, inputs: &inputs)
    let task = taskPlan(spec, names: names, port: kind == .web || kind == .backend ? port : nil)
    let logs = logPlan(spec, service: qualified)
    let cluster: ClusterPlan =
      spec.cluster.map { .existing(name: $0.value) }
      ?? .create(name: names.cluster, containerInsights: true)
    // A worker's queue decides what its task role may do, so it is planned before the roles.
    let worker =
      kind == .worker ? workerPlan(spec, names: names, cluster: cluster, task: task) : nil
    let roles = RolesPlanner(names: names).plan(
      spec, secrets: task.allSecrets,
      taskStatements: (worker.map(workerTaskStatements) ?? [])
        + execAndVolumeStatements(spec, task: task))
    let egress = withNFSEgress(egressRules(spec.network?.egress ?? []), task: task)
    var tasksSecurityGroup = tasksSecurityGroup(names: names, egressRules: egress)
    let workload: Workload
    switch kind {
    case .web:
      let target = loadBalancerTarget(spec, task: task, port: port ?? 0)
      let web = webPlan(
        spec, names: names, target: target, cluster: cluster, task: task, inputs: &inputs)
      tasksSecurityGroup.ingress = [web.tasksIngress]
      workload = .web(web.plan)
    case .backend:
      tasksSecurityGroup.ingress = backendIngress(spec, names: names, port: port)
      workload = .backend(
        BackendPlan(service: servicePlan(spec, names: names, cluster: cluster, task: task)))
    case .worker:
      workload = .worker(worker ?? workerPlan(spec, names: names, cluster: cluster, task: task))
    case .job:
      workload = .job(
        jobPlan(
          spec, names: names, cluster: cluster, task: task, roles: roles, network: network))
    }
    var ci = ciPlan(spec, service: name, environment: environment)
    if case .built(let built) = image { ci.deployedImageTagOutput = built.tagInput.name }
    var plan = DeploymentPlan(
      specFile: spec.file,
      service: ServiceIdentity(name: name, description: spec.description?.value),
      region: region,
      cluster: cluster,
      image: image,
      task: task,
      roles: roles,
      network: network,
      tasksSecurityGroup: tasksSecurityGroup,
      workload: workload,
      logs: logs,
      tags: tags(spec, service: name, environment: environment?.name),
      terraform: TerraformSettings(
        state: terraformState(spec, service: name, environment: environment?.name)),
      ci: ci,
      inputs: inputs.inputs,
      environment: environment)
    plan.clusterCapacityProviders = clusterCapacityProviders(cluster, workload: workload)
    return plan
  }

  private func imagePlan(
    _ image: ImageSpec, service: String, inputs: inout InputCollector
  ) -> ImagePlan {
    switch image {
    case .reference(let reference):
      return .external(reference: reference)
    case .build(let build):
      let tag = inputs.input(
        "image_tag", .imageTag,
        "Tag of the \(service) image in its ECR repository; the deploy workflow passes the commit SHA."
      )
      return .built(
        BuiltImagePlan(
          repositoryName: build.repository?.value ?? service,
          buildContext: build.context?.value ?? ".",
          dockerfile: build.dockerfile?.value,
          tagInput: tag,
          scanOnPush: true,
          immutableTags: true,
          kmsEncryption: true,
          // Untagged images are left behind by failed pushes; 30 tagged images are weeks of
          // deploys to roll back to.
          lifecycleRules: [
            ImageLifecycleRule(
              priority: 1, description: "Expire untagged images after 7 days",
              tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days",
              countNumber: 7),
            ImageLifecycleRule(
              priority: 2, description: "Keep the newest 30 images", tagStatus: "any",
              countType: "imageCountMoreThan", countUnit: nil, countNumber: 30),
          ],
          deleteImagesOnDestroy: build.deleteImagesOnDestroy?.value
            ?? SpecDefaults.Image.deleteImagesOnDestroy))
    }
  }

  private func networkPlan(_ spec: ServiceSpec, inputs: inout InputCollector) -> NetworkPlan {
    let network = spec.network
    return NetworkPlan(
      vpcID: network?.vpcID.map { .fixed($0.value) }
        ?? inputs.open("vpc_id", .vpcID, "ID of the VPC the service runs in."),
      taskSubnetIDs: network?.subnets.map { .fixed($0.map(\.value)) }
        ?? inputs.open(
          "task_subnet_ids", .subnetIDs,
          "Subnets for the tasks, usually private subnets with a NAT gateway or VPC endpoints.",
          minimumCount: 1),
      extraTaskSecurityGroupIDs: network?.securityGroups?.map(\.value) ?? [],
      assignPublicIP: network?.assignPublicIP?.value ?? SpecDefaults.assignPublicIP)
  }

  private func taskPlan(_ spec: ServiceSpec, names: ResourceNames, port: Int?) -> TaskPlan {
    let platform = spec.platform?.value ?? SpecDefaults.platform
    let environment = environmentVariables(spec.environment)
    let secrets = secretPlans(spec.secrets)
    return TaskPlan(
      family: names.taskFamily,
      containerName: names.container,
      cpuUnits: spec.cpu?.value.units ?? SpecDefaults.cpuUnits,
      memoryMiB: spec.memory?.value.mebibytes ?? SpecDefaults.memoryMiB,
      cpuArchitecture: platform == .linuxARM64 ? "ARM64" : "X86_64",
      operatingSystemFamily: "LINUX",
      ephemeralStorageGiB: spec.ephemeralStorage?.value,
      containerPort: port,
      command: spec.command?.value.map(\.value),
      entrypoint: spec.entrypoint?.value.map(\.value),
      environment: environment,
      secrets: secrets,
      healthCheck: spec.containerHealthCheck.flatMap(containerHealthCheck),
      stopTimeoutSeconds: spec.stopTimeout?.value ?? SpecDefaults.stopTimeoutSeconds,
      readOnlyRootFilesystem: spec.readOnlyRootFilesystem?.value
        ?? SpecDefaults.readOnlyRootFilesystem,
      sidecars: sidecarPlans(spec, names: names),
      dependsOn: dependencyPlans(spec.dependsOn, spec: spec, names: names),
      volumes: efsVolumes(spec))
  }

  func containerHealthCheck(_ check: ContainerHealthCheckSpec) -> ContainerHealthCheckPlan? {
    guard let command = check.command?.value else { return nil }
    let defaults = SpecDefaults.ContainerHealthCheck.self
    let words: [String]
    switch command {
    case .shell(let text): words = ["CMD-SHELL", text]
    case .list(let list): words = list.map(\.value)
    }
    return ContainerHealthCheckPlan(
      command: words,
      intervalSeconds: check.interval?.value ?? defaults.intervalSeconds,
      timeoutSeconds: check.timeout?.value ?? defaults.timeoutSeconds,
      retries: check.retries?.value ?? defaults.retries,
      startPeriodSeconds: check.startPeriod?.value ?? defaults.startPeriodSeconds)
  }

  private func logPlan(_ spec: ServiceSpec, service: String) -> LogPlan {
    let keep = (spec.logs?.onDestroy?.value ?? SpecDefaults.Logs.onDestroy) == .keep
    return LogPlan(
      groupName: spec.logs?.group?.value ?? SpecDefaults.Logs.group(forService: service),
      retentionDays: spec.logs?.retentionDays?.value ?? SpecDefaults.Logs.retentionDays,
      kmsKeyARN: spec.logs?.kmsKeyARN?.value,
      streamPrefix: "ecs",
      keepOnDestroy: keep,
      // Only a kept group can be left behind under this name.
      adoptExisting: keep)
  }

  private func tags(_ spec: ServiceSpec, service: String, environment: String?) -> [Tag] {
    let own = (spec.tags ?? []).map { Tag(key: $0.key.value, value: $0.value.value) }
    var added = [
      Tag(key: SpecDefaults.Tags.managedByKey, value: SpecDefaults.Tags.managedByValue),
      Tag(key: SpecDefaults.Tags.serviceKey, value: service),
    ]
    if let environment {
      added.append(Tag(key: SpecDefaults.Tags.environmentKey, value: environment))
    }
    return (own + added).sorted { $0.key < $1.key }
  }

  /// The spec's backend, `local` when asked for, and otherwise S3 from repository variables: a
  /// deploy job runs on a fresh runner, so state must never stay on it.
  private func terraformState(
    _ spec: ServiceSpec, service: String, environment: String?
  ) -> TerraformState {
    if spec.terraform?.localBackend != nil { return .local }
    if let backend = spec.terraform?.s3Backend, let bucket = backend.bucket?.value,
      let key = backend.key?.value, let region = backend.region?.value
    {
      return .specified(
        backend: S3BackendPlan(
          bucket: bucket, key: key, region: region, dynamoDBTable: backend.dynamoDBTable?.value,
          useLockfile: backend.useLockfile?.value ?? false, encrypt: true))
    }
    let defaults = SpecDefaults.TerraformState.self
    return .partialS3(
      backend: PartialS3StatePlan(
        key: defaults.key(forService: service, environment: environment),
        // Per environment (`ECSGEN_STATE_BUCKET_PROD`): environments may keep their state in
        // different accounts' buckets, and a pull request's plan reads repository variables only.
        bucketVariable: SpecDefaults.repositoryVariable(
          defaults.bucketVariable, environment: environment),
        regionVariable: SpecDefaults.repositoryVariable(
          defaults.regionVariable, environment: environment),
        useLockfile: true, encrypt: true))
  }

  private func ciPlan(
    _ spec: ServiceSpec, service: String, environment deployment: EnvironmentPlan?
  ) -> CIPlan {
    // A spec with environments deploys each in the GitHub environment of the same name (its
    // protection rules and its variables), unless `ci.environment` names another.
    let environment = spec.ci?.environment?.value ?? deployment?.name
    let qualified = deployment?.qualifiedName ?? service
    let platform = spec.platform?.value ?? SpecDefaults.platform
    return CIPlan(
      role: spec.ci?.roleARN.map { .arn($0.value) }
        ?? .repositoryVariable(SpecDefaults.CI.roleVariable),
      // Pull requests plan outside any GitHub environment (an environment's protection rules
      // would hold a pull request's plan of prod for an approval), so each environment's plan
      // role is a repository variable of its own.
      planRoleVariable: SpecDefaults.repositoryVariable(
        SpecDefaults.CI.planRoleVariable, environment: deployment?.name),
      branch: spec.ci?.branch?.value ?? SpecDefaults.CI.branch,
      environment: environment,
      deployWith: (spec.ci?.deployWith?.value ?? SpecDefaults.CI.deployWith).rawValue,
      workflowFileName: "deploy-\(service).yml",
      runner: platform == .linuxARM64 ? "ubuntu-24.04-arm" : "ubuntu-24.04",
      reviewRunner: "ubuntu-24.04",
      deployConcurrencyGroup: "ecsgen-deploy-\(service)-\(environment ?? "default")",
      reviewConcurrencyGroupPrefix: "ecsgen-review-\(qualified)",
      stackName: qualified,
      toolSource: ToolSourcePlan(
        repositoryVariable: SpecDefaults.CI.toolRepositoryVariable,
        refVariable: SpecDefaults.CI.toolRefVariable, cacheKeyPrefix: "ecsgen"),
      deployedImageTagOutput: nil)
  }
}

/// Collects the inputs the spec leaves open, in the order they are first needed.
struct InputCollector {
  private(set) var inputs: [PlanInput] = []

  mutating func input(
    _ name: String, _ kind: PlanInput.Kind, _ description: String, minimumCount: Int = 0
  ) -> PlanInput {
    let input = PlanInput(
      name: name, kind: kind, description: description, minimumCount: minimumCount)
    inputs.append(input)
    return input
  }

  mutating func open<Value>(
    _ name: String, _ kind: PlanInput.Kind, _ description: String, minimumCount: Int = 0
  ) -> Configurable<Value> {
    .input(input(name, kind, description, minimumCount: minimumCount))
  }
}
