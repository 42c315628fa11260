import ECSGenPlan

extension MainFile {
  /// The Fargate task definition; `container_definitions` is `jsonencode` of HCL, so Terraform
  /// (not a template) produces the JSON ECS reads.
  func taskDefinitionBlocks() -> [HCLBlock] {
    let task = plan.task
    var body: [HCLBodyItem] = [
      .set("family", .string(task.family)),
      .set("requires_compatibilities", .list([.string("FARGATE")])),
      .set("network_mode", .string("awsvpc")),
      .set("cpu", .string(String(task.cpuUnits))),
      .set("memory", .string(String(task.memoryMiB))),
      .set("execution_role_arn", context.role(plan.roles.execution, address: "execution")),
      .set("task_role_arn", context.role(plan.roles.task, address: "task")),
      .set(
        "container_definitions", .call("jsonencode", [.list([container()] + sidecarContainers())])),
      .blankLine,
      block(
        "runtime_platform",
        [
          .set("operating_system_family", .string(task.operatingSystemFamily)),
          .set("cpu_architecture", .string(task.cpuArchitecture)),
        ]),
    ]
    if let storage = task.ephemeralStorageGiB {
      body += [.blankLine, block("ephemeral_storage", [.set("size_in_gib", .number(storage))])]
    }
    body += volumeBlocks()
    return [resource("aws_ecs_task_definition", "this", body)]
  }

  /// The one container, with keys in the order the ECS documentation lists them.
  private func container() -> HCLExpression {
    let task = plan.task
    var items: [HCLObjectItem] = [
      HCLObjectItem("name", .string(task.containerName)),
      HCLObjectItem("image", context.image),
      HCLObjectItem("essential", .bool(true)),
    ]
    if let entrypoint = task.entrypoint {
      items.append(HCLObjectItem("entryPoint", .list(entrypoint.map(HCLExpression.string))))
    }
    if let command = task.command {
      items.append(HCLObjectItem("command", .list(command.map(HCLExpression.string))))
    }
    if let port = task.containerPort {
      items.append(portMappings(port, protocol: "tcp"))
    }
    items.append(
      HCLObjectItem(
        "environment",
        .list(
          environment().map {
            .object([HCLObjectItem("name", .string($0.name)), HCLObjectItem("value", $0.value)])
          })))
    items.append(secretsItem(task.secrets))
    items.append(logConfigurationItem(streamPrefix: plan.logs.streamPrefix))
    if let mountPoints = mountPoints() { items.append(mountPoints) }
    if let check = task.healthCheck {
      items.append(HCLObjectItem("healthCheck", healthCheck(check)))
    }
    if !task.dependsOn.isEmpty {
      items.append(HCLObjectItem("dependsOn", dependsOn(task.dependsOn)))
    }
    items.append(HCLObjectItem("stopTimeout", .number(task.stopTimeoutSeconds)))
    items.append(HCLObjectItem("readonlyRootFilesystem", .bool(task.readOnlyRootFilesystem)))
    return .object(items)
  }

  /// The container's variables: the spec's, plus a worker's queue URL (the created queue's
  /// address, or the existing queue's URL from the plan), kept sorted by name.
  private func environment() -> [(name: String, value: HCLExpression)] {
    let variables = plan.task.environment.map {
      (name: $0.name, value: HCLExpression.string($0.value))
    }
    guard case .worker(let worker) = plan.workload else { return variables }
    let url: HCLExpression =
      switch worker.queue {
      case .created: context.reference(.queueURL)
      case .existing(let queue): .string(queue.url)
      }
    return (variables + [(name: worker.queueURLVariable, value: url)]).sorted { $0.name < $1.name }
  }
}
