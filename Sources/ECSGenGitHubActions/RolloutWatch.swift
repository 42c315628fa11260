import ECSGenPlan
import ECSGenRendering

/// The deploy job's last word: whether the rollout worked.
///
/// The circuit breaker rolls a failed deployment back, after which `aws ecs wait
/// services-stable` succeeds, and Terraform returns as soon as the service is updated. So the
/// job reads the rollout state of the deployment that runs the task definition the apply set,
/// until it is `COMPLETED` or `FAILED`, for no longer than the plan's bound.
struct RolloutWatch {
  let workflow: Workflow
  let service: ServicePlan
  var plan: DeploymentPlan { workflow.plan }

  static let stepID = "rollout"

  func step() -> YAMLNode {
    let watch = service.rollout
    return workflow.run(
      "Watch the rollout",
      """
      describe() {
        aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --output text --query "$1"
      }
      # The task definition the apply set; the deployment that runs it is this deploy's.
      target="$(describe 'services[0].taskDefinition')"
      deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
      while :; do
        state="$(describe "services[0].deployments[?taskDefinition=='$target'].rolloutState | [0]")"
        if [ "$state" = COMPLETED ]; then
          echo "The rollout of $target completed"
          exit 0
        fi
        # FAILED, or gone from the service's deployments: ECS rolled it back.
        if [ "$state" = FAILED ] || [ "$state" = None ]; then
          reason="$(describe "services[0].deployments[?taskDefinition=='$target'].rolloutStateReason | [0]")"
          running="$(describe "services[0].deployments[?status=='PRIMARY'].taskDefinition | [0]")"
          \(alarmReport)echo "::error title=Deploy failed::the rollout of $target failed ($reason); ECS rolled $SERVICE back to $running. Read the stopped tasks' reasons (aws ecs list-tasks --desired-status STOPPED) and the log group, fix the cause and push again."
          {
            echo "### Deploy of $SERVICE failed"
            echo "- failed task definition: \\`$target\\`"
            echo "- ECS rolled back to: \\`$running\\`"
            echo "- reason: $reason"
          } >> "$GITHUB_STEP_SUMMARY"
          exit 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
          echo "::error title=Deploy timed out::the rollout of $target neither completed nor failed within $TIMEOUT_SECONDS s (ecsgen's bound from \(service.rollout.basis)); see the service's events (aws ecs describe-services)."
          exit 1
        fi
        sleep "$POLL_SECONDS"
      done

      """,
      env: [
        ("CLUSTER", .string(plan.cluster.name)),
        ("SERVICE", .string(service.deployment.serviceName)),
        ("TIMEOUT_SECONDS", .string(String(watch.timeoutSeconds))),
        ("POLL_SECONDS", .string(String(watch.pollSeconds))),
      ] + alarmEnvironment, id: Self.stepID)
  }

  /// With `deployment.alarms`, a rollout that ECS failed because one of them went into ALARM
  /// says so first: the cause is in CloudWatch, not in the stopped tasks. ECS names the alarm in
  /// the deployment's `rolloutStateReason`. Empty without alarms, so other workflows keep their
  /// bytes.
  private var alarmReport: String {
    guard service.deployment.deploymentAlarms != nil else { return "" }
    // The first line continues the script's indentation; the last one restores it.
    let lines = [
      #"case "$reason" in"#,
      #"  *[Aa]larm*)"#,
      #"    echo "::error title=Deployment alarm::a deployment alarm (one of: $ALARMS) went into ALARM during the rollout of $target, so ECS failed the deployment; $SERVICE now runs $running. Read the alarm's history in CloudWatch, fix the cause and push again.""#,
      #"    ;;"#,
      #"esac"#,
    ]
    return lines.joined(separator: "\n    ") + "\n    "
  }

  private var alarmEnvironment: [(String, YAMLNode?)] {
    guard let alarms = service.deployment.deploymentAlarms else { return [] }
    return [("ALARMS", .string(alarms.alarmNames.joined(separator: ", ")))]
  }

  /// After a failed rollout, Terraform's state still records the failed task definition as the
  /// service's, while ECS runs the one it rolled back to. A refresh-only apply records what runs
  /// (it changes nothing in AWS), so the state is true for anyone who reads it, and the next plan
  /// (a pull request's review, or a re-run) shows the service moving to the failed task
  /// definition again as a visible change instead of a silent one. A re-run deliberately deploys
  /// the same image again and is watched the same way.
  func recordRollback() -> YAMLNode {
    workflow.run(
      "Record the rolled-back service in the Terraform state",
      workflow.terraformVariablesScript + """
        terraform -chdir="$INFRA/terraform" apply -refresh-only -input=false -auto-approve
        echo "- Terraform state refreshed: it now records the task definition ECS rolled back to" >> "$GITHUB_STEP_SUMMARY"

        """,
      condition: "failure() && steps.\(Self.stepID).outcome == 'failure'")
  }
}
