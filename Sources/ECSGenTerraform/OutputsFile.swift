import ECSGenPlan

/// `outputs.tf`: what a team needs after an apply.
struct OutputsFile {
  let context: TerraformContext

  func blocks() -> [HCLBlock] {
    let plan = context.plan
    var outputs: [(String, String, HCLExpression)] = []
    if plan.ecsService != nil {
      outputs.append(
        ("service_name", "Name of the ECS service.", .reference("aws_ecs_service.this.name")))
    }
    outputs.append(
      ("cluster_name", "Name of the ECS cluster the service runs in.", context.clusterName))
    // The load balancer outputs belong to `web`; other kinds list their own.
    if case .sharedListener(let rule) = plan.web?.entry, let url = rule.serviceURL {
      // The shared load balancer's own name is its owner's to publish: only the service's host.
      outputs.append(("service_url", "URL of the service (its first host and path).", .string(url)))
    }
    if let balancer = plan.ownLoadBalancer?.loadBalancer {
      outputs += [
        (
          "load_balancer_dns_name", "DNS name of the load balancer.",
          .reference("aws_lb.this.dns_name")
        ),
        (
          "service_url", "URL of the service through the load balancer.",
          balancer.domain.map { .string("\(balancer.urlScheme)://\($0)") }
            ?? .template([
              .literal("\(balancer.urlScheme)://"),
              .interpolation(.reference("aws_lb.this.dns_name")),
            ])
        ),
      ]
    }
    outputs += kindOutputs(plan.workload)
    outputs += [
      (
        "log_group_name", "CloudWatch Logs group of the containers.",
        .reference("aws_cloudwatch_log_group.this.name")
      ),
      (
        "task_role_arn", "ARN of the role the application runs as.",
        context.role(plan.roles.task, address: "task")
      ),
      (
        "execution_role_arn", "ARN of the role ECS uses to start the tasks.",
        context.role(plan.roles.execution, address: "execution")
      ),
    ]
    if let command = plan.ecsService?.deployment.executeCommand {
      outputs.append(
        (
          "execute_command", "Opens a shell in a task (ECS Exec); put a task's id for TASK_ID.",
          .string(command)
        ))
    }
    if case .built(let image) = plan.image {
      outputs.append(
        (
          "ecr_repository_url", "URL of the ECR repository the deploy workflow pushes to.",
          .reference("aws_ecr_repository.this.repository_url")
        ))
      // The review workflow plans with this tag, so that a pull request's plan shows only
      // infrastructure changes.
      if let output = plan.ci.deployedImageTagOutput {
        outputs.append(
          (
            output, "Image tag of the last apply, which pull request plans reuse.",
            .reference("var.\(image.tagInput.name)")
          ))
      }
    }
    return outputs.map { name, description, value in
      HCLBlock("output", [name], [.set("description", .string(description)), .set("value", value)])
    }
  }

  /// What only a worker or a job has: the queue a team sends to, the dead-letter queue to watch,
  /// the state machine whose executions show each run, the schedule or rule that starts it.
  private func kindOutputs(_ workload: Workload) -> [(String, String, HCLExpression)] {
    let deadLetterURL = (
      "dead_letter_queue_url", "URL of the dead-letter queue.",
      HCLExpression.reference("aws_sqs_queue.dead_letter.url")
    )
    switch workload {
    case .web, .backend: return []
    case .worker(let worker):
      switch worker.queue {
      case .existing(let queue):
        return [
          ("queue_url", "URL of the queue the worker consumes.", .string(queue.url)),
          ("queue_arn", "ARN of the queue the worker consumes.", .string(queue.arn)),
        ]
      case .created:
        return [
          ("queue_url", "URL of the queue the worker consumes.", context.reference(.queueURL)),
          ("queue_arn", "ARN of the queue the worker consumes.", context.reference(.queueARN)),
          deadLetterURL,
        ]
      }
    case .job(let job):
      var outputs = [
        (
          "state_machine_arn", "ARN of the state machine whose executions run the job.",
          context.reference(.stateMachineARN)
        ),
        deadLetterURL,
      ]
      switch job.trigger {
      case .schedule:
        outputs.append(
          (
            "schedule_name", "Name of the EventBridge Scheduler schedule that starts the job.",
            .reference("aws_scheduler_schedule.this.name")
          ))
      case .event:
        outputs.append(
          (
            "event_rule_name", "Name of the EventBridge rule whose events start the job.",
            .reference("aws_cloudwatch_event_rule.this.name")
          ))
      }
      return outputs
    }
  }
}
