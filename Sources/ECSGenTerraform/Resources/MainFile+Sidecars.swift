import ECSGenPlan

extension MainFile {
  /// The sidecars' container definitions, after the main one, keys in the order the ECS
  /// documentation lists them (as the main container's).
  func sidecarContainers() -> [HCLExpression] {
    plan.task.sidecars.map { sidecar in
      var items: [HCLObjectItem] = [
        HCLObjectItem("name", .string(sidecar.name)),
        HCLObjectItem("image", .string(sidecar.image)),
        HCLObjectItem("essential", .bool(sidecar.essential)),
      ]
      if let cpu = sidecar.cpuUnits { items.append(HCLObjectItem("cpu", .number(cpu))) }
      if let memory = sidecar.memoryMiB {
        items.append(HCLObjectItem("memory", .number(memory)))
      }
      if let command = sidecar.command {
        items.append(HCLObjectItem("command", .list(command.map(HCLExpression.string))))
      }
      if let port = sidecar.port {
        items.append(portMappings(port, protocol: sidecar.portProtocol))
      }
      items.append(
        HCLObjectItem(
          "environment",
          .list(
            sidecar.environment.map {
              .object([
                HCLObjectItem("name", .string($0.name)), HCLObjectItem("value", .string($0.value)),
              ])
            })))
      items.append(secretsItem(sidecar.secrets))
      items.append(logConfigurationItem(streamPrefix: sidecar.logStreamPrefix))
      if let check = sidecar.healthCheck {
        items.append(HCLObjectItem("healthCheck", healthCheck(check)))
      }
      if !sidecar.dependsOn.isEmpty {
        items.append(HCLObjectItem("dependsOn", dependsOn(sidecar.dependsOn)))
      }
      items.append(
        HCLObjectItem("readonlyRootFilesystem", .bool(sidecar.readOnlyRootFilesystem)))
      return .object(items)
    }
  }

  /// A container's `secrets`, shared by the main container and the sidecars.
  func secretsItem(_ secrets: [SecretPlan]) -> HCLObjectItem {
    HCLObjectItem(
      "secrets",
      .list(
        secrets.map {
          .object([
            HCLObjectItem("name", .string($0.name)),
            HCLObjectItem("valueFrom", .string($0.valueFrom)),
          ])
        }))
  }

  /// A container's `awslogs` configuration: every container writes to the service's log group.
  func logConfigurationItem(streamPrefix: String) -> HCLObjectItem {
    HCLObjectItem(
      "logConfiguration",
      .object([
        HCLObjectItem("logDriver", .string("awslogs")),
        HCLObjectItem(
          "options",
          .object([
            HCLObjectItem("awslogs-group", ref("aws_cloudwatch_log_group.this.name")),
            HCLObjectItem("awslogs-region", context.region),
            HCLObjectItem("awslogs-stream-prefix", .string(streamPrefix)),
          ])),
      ]))
  }

  func healthCheck(_ check: ContainerHealthCheckPlan) -> HCLExpression {
    .object([
      HCLObjectItem("command", .list(check.command.map(HCLExpression.string))),
      HCLObjectItem("interval", .number(check.intervalSeconds)),
      HCLObjectItem("timeout", .number(check.timeoutSeconds)),
      HCLObjectItem("retries", .number(check.retries)),
      HCLObjectItem("startPeriod", .number(check.startPeriodSeconds)),
    ])
  }

  func dependsOn(_ dependencies: [ContainerDependencyPlan]) -> HCLExpression {
    .list(
      dependencies.map {
        .object([
          HCLObjectItem("containerName", .string($0.containerName)),
          HCLObjectItem("condition", .string($0.condition)),
        ])
      })
  }

  /// A container's `portMappings`: one port (every container of an awsvpc task listens on the
  /// task's address, so there is nothing to map it to).
  func portMappings(_ port: Int, protocol: String) -> HCLObjectItem {
    HCLObjectItem(
      "portMappings",
      .list([
        .object([
          HCLObjectItem("containerPort", .number(port)),
          HCLObjectItem("protocol", .string(`protocol`)),
        ])
      ]))
  }
}
