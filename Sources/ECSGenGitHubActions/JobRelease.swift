import ECSGenPlan
import ECSGenRendering

/// The deploy job's last word for a `job`, which has no service to watch: the apply registered
/// the new task definition and pointed the state machine at it. This step checks that the state
/// machine names the family's newest task definition (the one the apply registered) and says in
/// the job summary which state machine runs it, from its next execution, and what starts it.
///
/// The state machine names a task definition revision, so a run already in progress finishes on
/// the one it started with (docs/design/kinds.md, "Workflow per kind").
struct JobRelease {
  let workflow: Workflow
  let job: JobPlan
  var plan: DeploymentPlan { workflow.plan }

  static let stepID = "release"

  /// What starts the job, for the summary: the schedule with its expression and time zone, or
  /// the rule with its bus.
  var triggerDescription: String {
    switch job.trigger {
    case .schedule(let schedule):
      "EventBridge Scheduler schedule \(schedule.name) (\(schedule.expression), \(schedule.timeZone))"
    case .event(let rule):
      "EventBridge rule \(rule.name) on event bus \(rule.busName)"
    }
  }

  func step() -> YAMLNode {
    workflow.run(
      "Check the task definition the next run uses",
      """
      # No service to wait for: a job runs only when its schedule or rule starts the state machine.
      # The state machine's ARN, from this role's account and partition.
      identity="$(aws sts get-caller-identity --query Arn --output text)"
      partition="$(cut -d: -f2 <<< "$identity")"
      account="$(cut -d: -f5 <<< "$identity")"
      arn="arn:$partition:states:$AWS_REGION:$account:stateMachine:$STATE_MACHINE"
      definition="$(aws stepfunctions describe-state-machine --state-machine-arn "$arn" --query definition --output text)"
      next="$(jq -r '[.. | objects | .TaskDefinition? | strings] | first // empty' <<< "$definition")"
      newest="$(aws ecs describe-task-definition --task-definition "$FAMILY" --query taskDefinition.taskDefinitionArn --output text)"
      if [ "$next" != "$newest" ]; then
        echo "::error title=State machine not updated::state machine $STATE_MACHINE runs task definition ${next:-(none)}, not $newest, the newest of family $FAMILY that this deploy registered. Look at the apply's output above."
        exit 1
      fi
      echo "State machine $STATE_MACHINE runs $next from its next execution"
      {
        echo "### Deployed job $STATE_MACHINE"
        echo "- task definition \\`$next\\`: the state machine \\`$STATE_MACHINE\\` runs it from its next execution; a run in progress finishes on the task definition it started with"
        echo "- started by: $TRIGGER"
        echo "- no service to wait for: the job runs only when started"
      } >> "$GITHUB_STEP_SUMMARY"

      """,
      env: [
        ("STATE_MACHINE", .string(job.stateMachine.name)),
        ("FAMILY", .string(plan.task.family)),
        ("TRIGGER", .string(triggerDescription)),
      ], id: Self.stepID)
  }
}
