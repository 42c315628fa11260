import ECSGenPlan

/// `Resources`: every resource of the service, in the same order as the Terraform `main.tf`.
/// Each group lives in its own file under `Resources/`.
struct Resources {
  let context: CloudFormationContext
  var plan: DeploymentPlan { context.plan }
  typealias ID = CloudFormationContext.ID

  func members() -> [JSONMember] {
    // Each kind's own resources; the shared ones render the same for every kind.
    switch plan.workload {
    case .web(let web):
      return shared() + entry(web) + service(web.service, web: web) + scaling(web.service)
    case .backend(let backend):
      return shared() + service(backend.service, web: nil) + scaling(backend.service)
    case .worker(let worker):
      return shared(variables: [queueURLVariable(worker)]) + queue(worker)
        + service(worker.service, web: nil) + scaling(worker.service) + backlogScaling(worker)
    case .job(let job):
      return shared() + self.job(job)
    }
  }

  /// The resources every kind has; `variables` are the kind's own container variables.
  private func shared(variables: [(name: String, value: JSONValue)] = []) -> [JSONMember] {
    clusterAndLogs() + roles() + repository() + taskDefinition(variables: variables)
      + securityGroups()
  }
}
