import ECSGenPlan
import ECSGenSpec
import Testing

/// Each kind's bootstrap allows exactly its own resources.
@Suite struct BootstrapKindTests {
  func statements(_ yaml: String) throws -> [BootstrapStatement] {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let bootstrap = try DeploymentPlanner().plan(loaded).bootstrap
    return bootstrap.deployRole.statements + bootstrap.planRole.statements
  }

  @Test func aBackendHasNoLoadBalancerStatements() throws {
    let all = try statements("name: ledger\nkind: backend\nimage: nginx:1.27\nport: 9000\n")
    #expect(!all.contains { $0.actions.contains { $0.hasPrefix("elasticloadbalancing:") } })
  }

  @Test func aWorkerCreatesOnlyItsQueues() throws {
    let all = try statements("name: orders\nkind: worker\nimage: nginx:1.27\nqueue: {}\n")
    let create = all.filter { $0.actions.contains("sqs:CreateQueue") }
    #expect(create.count == 1)
    #expect(
      create.first?.resources == [
        .arn(service: "sqs", regional: true, resource: "orders"),
        .arn(service: "sqs", regional: true, resource: "orders-dlq"),
      ])
  }
}
