import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Testing

/// `load_balancer.listener_arn`: a rule on a shared listener instead of a load balancer.
@Suite struct SharedListenerPlanTests {
  @Test func theExampleGetsARuleAndNoLoadBalancer() throws {
    let plan = try ExampleSpecs.plan("shared-listener.yaml")
    #expect(plan.ownLoadBalancer == nil)
    guard case .sharedListener(let rule) = plan.web?.entry else {
      Issue.record("expected a shared listener rule")
      return
    }
    #expect(rule.priority == 120)
    #expect(rule.hosts == ["shop.example.com"])
    #expect(rule.paths == ["/catalog", "/catalog/*"])
    #expect(rule.loadBalancerSecurityGroupID == "sg-0123456789abcdef0")
    // The ALBRequestCountPerTarget label's load balancer part, read from the listener ARN.
    #expect(rule.loadBalancerLabel == "app/shared-public/50dc6c495c0c9188")
    // `/` on that host is another service's: the URL takes the rule's first path.
    #expect(rule.serviceURL == "https://shop.example.com/catalog")
  }

  @Test func theServiceURLStopsAtTheFirstPathsWildcard() throws {
    func url(_ paths: String) throws -> String? {
      let spec = """
        name: catalog-web
        region: eu-west-2
        image: public.ecr.aws/nginx/nginx:1.27
        port: 8080
        load_balancer:
          listener_arn: arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/shared-public/50dc6c495c0c9188/f2f7dc8efc522ab2
          security_group: sg-0123456789abcdef0
          priority: 120
          hosts: ["*.example.com", shop.example.com]
          paths: \(paths)

        """
      let loaded = ServiceSpecLoader.load(text: spec, file: "shared.yaml")
      #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
      guard case .sharedListener(let rule) = try DeploymentPlanner().plan(loaded).web?.entry
      else { return nil }
      return rule.serviceURL
    }
    #expect(try url("[\"/catalog/*\", /other]") == "https://shop.example.com/catalog/")
    #expect(try url("[\"/*\"]") == "https://shop.example.com/")
    #expect(try url("[]") == "https://shop.example.com")
  }

  @Test func theTasksAdmitThePortOnlyFromTheSharedGroup() throws {
    let plan = try ExampleSpecs.plan("shared-listener.yaml")
    #expect(plan.tasksSecurityGroup.ingress.map(\.peer) == [.securityGroup("sg-0123456789abcdef0")])
    #expect(plan.tasksSecurityGroup.ingress.map(\.fromPort) == [8080])
  }

  @Test func theDeployRoleMayManageRulesOnThatListenerOnly() throws {
    let plan = try ExampleSpecs.plan("shared-listener.yaml")
    let statement = plan.bootstrap.deployRole.statements.first { $0.sid == "SharedListenerRule" }
    #expect(
      statement?.resources == [
        .literal(
          "arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/shared-public/50dc6c495c0c9188/f2f7dc8efc522ab2"
        ),
        .literal(
          "arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener-rule/app/shared-public/50dc6c495c0c9188/f2f7dc8efc522ab2/*"
        ),
      ])
  }

  @Test func aSpecWithoutListenerARNKeepsItsOwnLoadBalancer() throws {
    let plan = try ExampleSpecs.plan("minimal.yaml")
    #expect(plan.ownLoadBalancer?.listeners.count == 1)
    let statement = plan.bootstrap.deployRole.statements.first { $0.sid == "SharedListenerRule" }
    #expect(statement == nil)
  }
}
