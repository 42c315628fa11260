import ECSGenPlan

/// `Resources`: every resource of the service, in the same order as the Terraform `main.tf`.
/// Each group lives in its own file under `Resources/`.
struct Resources {
  let context: CloudFormationContext
  var plan: DeploymentPlan { context.plan }
  typealias ID = CloudFormationContext.ID

  func members() -> [JSONMember] {
    let shared = clusterAndLogs() + roles() + repository() + taskDefinition() + securityGroups()
    // Each kind's own resources; the shared ones above render the same for every kind.
    switch plan.workload {
    case .web(let web):
      return shared + loadBalancer(web) + service(web.service, web: web) + scaling(web.service)
    case .backend(let backend):
      return shared + service(backend.service, web: nil) + scaling(backend.service)
    case .worker(let worker):
      // TODO(issue 13, stage 5): the queue, its subscriptions and the backlog policies.
      return shared + service(worker.service, web: nil) + scaling(worker.service)
    case .job:
      // TODO(issue 13, stage 5): the trigger, the state machine and the dead-letter queue.
      return shared
    }
  }
}
