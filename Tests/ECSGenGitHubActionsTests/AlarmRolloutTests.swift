import ECSGenGitHubActions
import ECSGenTestSupport
import Testing

/// The rollout watch of a service with `deployment.alarms` (specs/production.yaml): a
/// deployment that ECS failed because an alarm went into ALARM fails the job and says so.
@Suite struct AlarmRolloutTests {
  let deploy = DeployJobTests()

  func step() throws -> WorkflowStep {
    try RenderedWorkflow.step(
      "Watch the rollout", job: "deploy", in: try deploy.workflow("production.yaml"))
  }

  /// `describe-services` whose deployment failed with `reason`.
  func failed(reason: String) -> String {
    """
    query="${@: -1}"
    case "$query" in
      'services[0].taskDefinition') echo "arn:td/orders-api:9" ;;
      *rolloutStateReason*) echo "\(reason)" ;;
      *rolloutState*) echo "FAILED" ;;
      *PRIMARY*) echo "arn:td/orders-api:8" ;;
    esac
    """
  }

  @Test func anAlarmRollbackFailsTheJobNamingTheAlarms() throws {
    let step = try step()
    #expect(step.environment.contains { $0 == ("ALARMS", "orders-api-5xx, orders-api-p99") })
    let (result, _, summary) = try deploy.run(
      step,
      aws: failed(
        reason:
          "ECS deployment ecs-svc/1234 rolled back: CloudWatch alarm(s) orders-api-5xx in ALARM state."
      ))
    #expect(result.status == 1)
    let errors = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("::error") }
    #expect(errors.first?.hasPrefix("::error title=Deployment alarm::") == true)
    #expect(errors.first?.contains("orders-api-5xx, orders-api-p99") == true)
    #expect(errors.first?.contains("orders-api now runs arn:td/orders-api:8") == true)
    #expect(errors.count == 2)
    #expect(summary.contains("failed task definition: `arn:td/orders-api:9`"))
  }

  @Test func aCircuitBreakerRollbackIsNotBlamedOnAnAlarm() throws {
    let (result, _, _) = try deploy.run(
      try step(), aws: failed(reason: "ECS deployment circuit breaker: tasks failed to start."))
    #expect(result.status == 1)
    #expect(!result.standardOutput.contains("Deployment alarm"))
    #expect(result.standardOutput.contains("::error title=Deploy failed::"))
  }

  @Test func aServiceWithoutAlarmsHasNoAlarmCheck() throws {
    let step = try RenderedWorkflow.step(
      "Watch the rollout", job: "deploy", in: try deploy.workflow("minimal.yaml"))
    #expect(!step.run.contains("Deployment alarm"))
    #expect(!step.environment.contains { $0.0 == "ALARMS" })
  }
}
