import ECSGenPlan

/// `main.tf`: the provider and every resource of the service, in the order a reader follows them:
/// cluster and logs, roles, image repository, task definition, network, load balancer, service,
/// scaling. Each group lives in its own file under `Resources/`.
struct MainFile {
  let context: TerraformContext
  var plan: DeploymentPlan { context.plan }

  func blocks() -> [HCLBlock] {
    let shared =
      providerBlocks() + clusterBlocks() + clusterCapacityProviderBlocks() + logBlocks()
      + roleBlocks() + repositoryBlocks()
      + taskDefinitionBlocks() + securityGroupBlocks()
    // Each kind's own resources; the shared ones above render the same for every kind.
    switch plan.workload {
    case .web(let web):
      return shared + entryBlocks(web) + serviceBlocks(web.service, web: web)
        + scalingBlocks(web.service)
    case .backend(let backend):
      return shared + serviceBlocks(backend.service, web: nil) + scalingBlocks(backend.service)
    case .worker(let worker):
      return shared + queueBlocks(worker.queue) + serviceBlocks(worker.service, web: nil)
        + scalingBlocks(worker.service) + (worker.backlogScaling.map(backlogScalingBlocks) ?? [])
    case .job(let job):
      return shared + jobBlocks(job)
    }
  }
}

/// Shorthands that keep the resource files readable.
func resource(_ type: String, _ name: String, _ body: [HCLBodyItem]) -> HCLBlock {
  HCLBlock("resource", [type, name], body)
}

func block(_ type: String, _ body: [HCLBodyItem]) -> HCLBodyItem {
  .block(HCLBlock(type, [], body))
}

func ref(_ text: String) -> HCLExpression { .reference(text) }

/// `lifecycle { create_before_destroy = true }` after a blank line, when the plan replaces the
/// resource by creating the new one first; nothing otherwise.
func createBeforeDestroy(_ enabled: Bool) -> [HCLBodyItem] {
  guard enabled else { return [] }
  return [.blankLine, block("lifecycle", [.set("create_before_destroy", .bool(true))])]
}
