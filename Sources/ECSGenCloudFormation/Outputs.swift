import ECSGenPlan

/// `Outputs`: the same values as the Terraform outputs.
struct Outputs {
  let context: CloudFormationContext

  func members() -> [JSONMember] {
    typealias ID = CloudFormationContext.ID
    let plan = context.plan
    var outputs: [(String, String, JSONValue)] = []
    if plan.ecsService != nil {
      outputs.append(
        ("ServiceName", "Name of the ECS service.", Intrinsic.getAtt(ID.service, "Name")))
    }
    outputs.append(
      ("ClusterName", "Name of the ECS cluster the service runs in.", context.clusterName))
    // The load balancer outputs belong to `web`; other kinds list their own.
    if case .sharedListener(let rule) = plan.web?.entry, let url = rule.serviceURL {
      // The shared load balancer's own name is its owner's to publish: only the service's host.
      outputs.append(("ServiceUrl", "URL of the service (its first host and path).", .string(url)))
    }
    if let balancer = plan.ownLoadBalancer?.loadBalancer {
      outputs += [
        (
          "LoadBalancerDnsName", "DNS name of the load balancer.",
          Intrinsic.getAtt(ID.loadBalancer, "DNSName")
        ),
        (
          "ServiceUrl", "URL of the service through the load balancer.",
          balancer.domain.map { .string("\(balancer.urlScheme)://\($0)") }
            ?? Intrinsic.sub([
              .literal("\(balancer.urlScheme)://"),
              .variable("\(ID.loadBalancer).DNSName"),
            ])
        ),
      ]
    }
    outputs += [
      ("LogGroupName", "CloudWatch Logs group of the containers.", Intrinsic.ref(ID.logGroup)),
      (
        "TaskRoleArn", "ARN of the role the application runs as.",
        context.role(plan.roles.task, id: ID.taskRole)
      ),
      (
        "ExecutionRoleArn", "ARN of the role ECS uses to start the tasks.",
        context.role(plan.roles.execution, id: ID.executionRole)
      ),
    ]
    if case .built = plan.image {
      outputs.append(
        (
          "RepositoryUri", "URI of the ECR repository the deploy workflow pushes to.",
          Intrinsic.getAtt(ID.repository, "RepositoryUri")
        ))
    }
    if let command = plan.ecsService?.deployment.executeCommand {
      outputs.append(
        (
          "ExecuteCommand", "Opens a shell in a task (ECS Exec); put a task's id for TASK_ID.",
          .string(command)
        ))
    }
    outputs += kindOutputs()
    // These exist only once the image has a tag (see `serviceCondition`).
    let conditional: Set = ["ServiceName", "StateMachineArn"]
    return outputs.map { name, description, value in
      var members: [String: JSONValue] = ["Description": .string(description), "Value": value]
      if conditional.contains(name), let condition = context.serviceCondition {
        members["Condition"] = .string(condition)
      }
      return JSONMember(name, .sorted(members))
    }
  }

  /// A worker's queue and a job's state machine, and the dead-letter queue where their failures
  /// land.
  private func kindOutputs() -> [(String, String, JSONValue)] {
    typealias ID = CloudFormationContext.ID
    let deadLetter = (
      "DeadLetterQueueUrl", "URL of the dead-letter queue.", Intrinsic.ref(ID.deadLetterQueue)
    )
    switch context.plan.workload {
    case .web, .backend: return []
    case .worker(let worker):
      switch worker.queue {
      case .created:
        return [
          ("QueueUrl", "URL of the queue the worker consumes.", context.reference(.queueURL)),
          ("QueueArn", "ARN of the queue the worker consumes.", context.reference(.queueARN)),
          deadLetter,
        ]
      case .existing(let queue):
        return [
          ("QueueUrl", "URL of the queue the worker consumes.", .string(queue.url)),
          ("QueueArn", "ARN of the queue the worker consumes.", .string(queue.arn)),
        ]
      }
    case .job:
      return [
        (
          "StateMachineArn", "ARN of the state machine that runs the job.",
          context.reference(.stateMachineARN)
        ),
        deadLetter,
      ]
    }
  }
}
