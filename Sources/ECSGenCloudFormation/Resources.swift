import ECSGenPlan

/// `Resources`: every resource of the service, in the same order as the Terraform `main.tf`.
/// Each group lives in its own file under `Resources/`.
struct Resources {
  let context: CloudFormationContext
  var plan: DeploymentPlan { context.plan }
  typealias ID = CloudFormationContext.ID

  func members() -> [JSONMember] {
    clusterAndLogs() + roles() + repository() + taskDefinition() + securityGroups()
      + loadBalancer() + service() + scaling()
  }
}
