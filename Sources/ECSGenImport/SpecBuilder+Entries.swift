import ECSGenRendering
import ECSGenSpec

extension SpecBuilder {
  func imageEntries() -> [YAMLEntry] {
    switch function.packageType {
    case .image:
      let reference = function.imageURI ?? "TODO-the-image-uri:tag"
      let how =
        workload == .web
        ? [
          "The function's image (Code.ImageUri). On Fargate it must answer HTTP itself; two ways:",
          "- it already carries the Lambda Web Adapter (the AWS_LWA_* variables below): the",
          "  web app inside it listens on AWS_LWA_PORT, and on Fargate it serves directly;",
          "- it is a Lambda base image with a handler: add a web server (or the Lambda Web",
          "  Adapter with a web framework) to the image, and point `port` at it.",
        ]
        : Self.wrapped(
          "The function's image (Code.ImageUri). On Fargate nothing invokes the handler: TODO: make the image's command run \(runnerHint).",
          width: 88)
      return [
        YAMLEntry(
          "image", .string(reference), spacedBefore: true,
          comments: how
            + [
              function.imageURI == nil
                ? "TODO: the input had no Code.ImageUri (use `aws lambda get-function`)." : ""
            ].filter { !$0.isEmpty })
      ]
    case .zip:
      var comments = [
        "A zip function: ecsgen's workflow builds the image from a Dockerfile in this directory."
      ]
      if workload == .web {
        comments += [
          "TODO: write the Dockerfile. The handler (\(function.handler ?? "unknown")) must be wrapped in a web",
          "server that listens on `port`, \(BaseImages.webServerHint(forRuntime: function.runtime ?? "")).",
        ]
      } else {
        comments += Self.wrapped(
          "TODO: write the Dockerfile. Nothing invokes the handler (\(function.handler ?? "unknown")) on Fargate: the image's command must run \(runnerHint)."
        )
      }
      if let runtime = function.runtime {
        if let base = BaseImages.suggestion(forRuntime: runtime) {
          comments.append("The function ran on \(runtime): start from `FROM \(base)`.")
        } else {
          comments.append("The function ran on \(runtime).")
        }
      }
      return [
        YAMLEntry(
          "image", .map([("build", .string(".")), ("dockerfile", .string("Dockerfile"))]),
          spacedBefore: true, comments: comments)
      ]
    }
  }

  func sizeEntries() -> [YAMLEntry] {
    let sizing = FargateSizing(lambdaMemoryMB: function.memoryMB)
    var entries = [
      YAMLEntry(
        "cpu", .string("\(FargateSizing.vCPU(sizing.cpuUnits)) vCPU"), spacedBefore: true,
        comments: sizing.explanation),
      YAMLEntry("memory", .string("\(sizing.memoryMiB) MiB")),
      YAMLEntry(
        "platform",
        .string(function.architecture == "arm64" ? "linux/arm64" : "linux/amd64"),
        comments: ["The function's architecture (\(function.architecture))."]),
    ]
    if let storage = function.ephemeralStorageMB {
      let gib = (storage + 1023) / 1024
      if gib > 20 {
        entries.append(
          YAMLEntry(
            "ephemeral_storage", .int(gib),
            comments: ["The function's \(storage) MB of /tmp, in GiB."]))
      } else {
        entries[1].comments.append(
          "The function's \(storage) MB of /tmp fit in the 20 GiB of storage every Fargate task has."
        )
      }
    }
    return entries
  }

  func containerEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    // Only a web service has a port and a load balancer's health check (docs/design/kinds.md).
    let isWeb = workload == .web
    let port = adapterPort ?? environmentValue("PORT").flatMap(Self.port) ?? 8080
    let portComment: String
    if adapterPort != nil {
      portComment = "The port the web app listens on (AWS_LWA_PORT)."
    } else if environmentValue("PORT").flatMap(Self.port) != nil {
      portComment = "The port the web app listens on (PORT)."
    } else {
      portComment = "TODO: the port your web server listens on (8080 is the adapter's default)."
    }
    if isWeb {
      entries.append(YAMLEntry("port", .int(port), spacedBefore: true, comments: [portComment]))
    }
    if let entryPoint = function.imageEntryPoint {
      entries.append(
        YAMLEntry(
          "entrypoint", .sequence(entryPoint.map(YAMLNode.string)), spacedBefore: entries.isEmpty,
          comments: ["The function's ImageConfig.EntryPoint."]))
    }
    if let command = function.imageCommand {
      entries.append(
        YAMLEntry(
          "command", .sequence(command.map(YAMLNode.string)), spacedBefore: entries.isEmpty,
          comments: isWeb
            ? [
              "The function's ImageConfig.Command. TODO: on Lambda this named the handler; make sure",
              "it starts the web server.",
            ]
            : Self.wrapped(
              "The function's ImageConfig.Command. TODO: on Lambda this named the handler; make sure it runs \(runnerHint)."
            )))
    }
    guard isWeb else { return entries }
    let path = readinessPath ?? (function.packageType == .zip ? "/health" : "/")
    entries.append(
      YAMLEntry(
        "health_check", .map([("path", .string(path))]),
        comments: [
          readinessPath != nil
            ? "AWS_LWA_READINESS_CHECK_PATH, the path the adapter already checked."
            : "TODO: a path that answers 200 when the service is ready."
        ]))
    return entries
  }

  func environmentEntries() -> [YAMLEntry] {
    var plain: [YAMLEntry] = []
    var secrets: [YAMLEntry] = []
    for variable in function.environment {
      if EnvironmentNames.awsCredentials.contains(variable.name) { continue }
      if EnvironmentNames.looksSecret(variable.name) && !variable.value.isEmpty {
        let parameter = "/\(serviceName)/\(variable.name.lowercased().replacingUnderscores())"
        secrets.append(
          YAMLEntry(
            variable.name, .string(parameter),
            comments: [
              "TODO: was a plain environment variable on Lambda. Create the parameter, then delete",
              "the value from the function: aws ssm put-parameter --type SecureString \\",
              "  --name \(parameter) --value '...'",
            ]))
      } else {
        plain.append(YAMLEntry(variable.name, .string(variable.value)))
      }
    }
    var entries: [YAMLEntry] = []
    if !plain.isEmpty {
      entries.append(
        YAMLEntry(
          "environment", .mapping(plain), spacedBefore: true,
          comments: ["The function's environment variables, except the secret-looking ones."]
            + (plain.contains { $0.key.hasPrefix("AWS_LWA_") }
              ? [
                "The AWS_LWA_* variables configure the Lambda Web Adapter inside Lambda only; on",
                "Fargate they are unused (the load balancer streams responses as they come).",
              ] : [])))
    }
    if !secrets.isEmpty {
      entries.append(
        YAMLEntry(
          "secrets", .mapping(secrets), spacedBefore: plain.isEmpty,
          comments: [
            "Variables whose names look secret, moved to SSM Parameter Store: the execution role",
            "may read exactly these, and their values stay out of the task definition.",
          ]))
    }
    return entries
  }

  func roleEntry(_ role: String) -> YAMLEntry {
    YAMLEntry(
      "roles", .map([("task", .map([("arn", .string(role))]))]), spacedBefore: true,
      comments: [
        "The function's role becomes the task role. TODO: its trust policy must also allow ECS",
        "tasks to assume it; add this statement to it:",
        "  {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"},",
        "   \"Action\": \"sts:AssumeRole\"}",
        "Its AWSLambdaBasicExecutionRole or AWSLambdaVPCAccessExecutionRole policies are not",
        "needed on ECS: the execution role ecsgen creates writes the logs.",
      ])
  }

  func trafficEntries() -> [YAMLEntry] {
    let timeout = function.timeoutSeconds
    var comments = [
      "The function's timeout was \(timeout) s. On Fargate that limit is gone: a task runs as",
      "long as it needs to.",
    ]
    let defaultIdle = SpecDefaults.LoadBalancer.idleTimeoutSeconds
    guard timeout > defaultIdle else {
      comments.append(
        "Requests through the load balancer may take up to \(defaultIdle) s of idle time.")
      return [
        YAMLEntry(
          "load_balancer", .map([("idle_timeout", .int(defaultIdle))]), spacedBefore: true,
          comments: comments)
      ]
    }
    comments += [
      "If it was called synchronously (API Gateway, a function URL), callers may wait that",
      "long, so the load balancer keeps idle connections open as long; lower it if not.",
      "A task stopped by a deploy or a scale-in drains as long, so that no request is cut.",
    ]
    // Lambda's 900 s limit is within the target group's 3600 s: draining can always match.
    return [
      YAMLEntry(
        "load_balancer",
        .map([("idle_timeout", .int(timeout)), ("deregistration_delay", .int(timeout))]),
        spacedBefore: true, comments: comments)
    ]
  }

  func networkEntry(_ vpc: LambdaFunction.VPC) -> YAMLEntry {
    YAMLEntry(
      "network",
      .map([
        ("vpc_id", vpc.vpcID.map(YAMLNode.string)),
        ("subnets", .sequence(vpc.subnetIDs.map(YAMLNode.string))),
        (
          "security_groups",
          vpc.securityGroupIDs.isEmpty ? nil : .sequence(vpc.securityGroupIDs.map(YAMLNode.string))
        ),
      ]), spacedBefore: true,
      comments: workload == .web
        ? [
          "The function's VPC: its subnets and security groups now hold the tasks. The load",
          "balancer's subnets stay an input of the generated infrastructure (public subnets in",
          "two Availability Zones for a public service).",
        ] : ["The function's VPC: its subnets and security groups now hold the tasks."])
  }

  func logsEntry() -> YAMLEntry {
    let old = function.logGroup ?? "/aws/lambda/\(function.name)"
    return YAMLEntry(
      "logs", .map([("group", .string(SpecDefaults.Logs.group(forService: serviceName)))]),
      spacedBefore: true,
      comments: [
        "The function logged to \(old); the service logs to its own group, and the old one",
        "keeps its history until its retention expires.",
      ])
  }
}

extension String {
  /// `db_password` → `db-password`, the usual SSM path style.
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" ? "-" : $0 })
  }
}
