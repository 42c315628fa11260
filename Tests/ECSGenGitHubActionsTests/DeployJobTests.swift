import ECSGenGitHubActions
import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// The deploy job's scripts, run against stand-in `aws` and `terraform` commands.
@Suite struct DeployJobTests {
  func workflow(_ spec: String) throws -> String {
    try #require(
      WorkflowRenderer(outputDirectory: "infra").render(try ExampleSpecs.plan(spec)).first?
        .contents)
  }

  /// Runs `step` with `aws` replaced by `aws` (a bash script body) and returns the result and
  /// the calls the stand-in recorded.
  func run(
    _ step: WorkflowStep, aws: String, extra: [String: String] = [:]
  ) throws -> (ScriptResult, calls: String, summary: String) {
    let directory = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Shell.stub("aws", in: directory, script: "echo \"$*\" >> \"$CALLS\"\n" + aws)
    var environment = step.evaluated(["github.sha": "c0ffee"])
    environment["CALLS"] = directory + "/calls"
    environment["GITHUB_OUTPUT"] = directory + "/output"
    environment["GITHUB_STEP_SUMMARY"] = directory + "/summary"
    environment["RUNNER_TEMP"] = directory
    environment.merge(extra) { $1 }
    let result = try Shell.run(
      step.run, environment: environment, directory: directory, binDirectory: directory)
    func read(_ name: String) -> String {
      (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
    }
    return (result, read("calls") + read("output"), read("summary"))
  }

  /// A stand-in for `describe-services` whose deployments are given as `TD STATE STATUS` lines.
  func describeServices(target: String, state: String, primary: String) -> String {
    """
    query="${@: -1}"
    case "$query" in
      'services[0].taskDefinition') echo "\(target)" ;;
      *rolloutStateReason*) echo "ECS deployment circuit breaker: tasks failed to start." ;;
      *rolloutState*) echo "\(state)" ;;
      *PRIMARY*) echo "\(primary)" ;;
    esac
    """
  }

  // Defect 7: the job fails when the rollout fails, naming both task definitions.
  @Test func aFailedRolloutFailsTheJobAndNamesWhatECSRolledBackTo() throws {
    let step = try RenderedWorkflow.step(
      "Watch the rollout", job: "deploy", in: try workflow("minimal.yaml"))
    let (failed, _, summary) = try run(
      step,
      aws: describeServices(
        target: "arn:td/hello-web:7", state: "FAILED", primary: "arn:td/hello-web:6"))
    #expect(failed.status == 1)
    let errors = failed.standardOutput.split(separator: "\n").filter { $0.hasPrefix("::error") }
    #expect(errors.count == 1)
    #expect(errors.first?.contains("arn:td/hello-web:7 failed") == true)
    #expect(errors.first?.contains("back to arn:td/hello-web:6") == true)
    #expect(summary.contains("failed task definition: `arn:td/hello-web:7`"))
    // Gone from the deployments: rolled back too.
    let (gone, _, _) = try run(
      step,
      aws: describeServices(target: "arn:td/hello-web:7", state: "None", primary: "arn:td:6"))
    #expect(gone.status == 1)
    let (completed, _, _) = try run(
      step,
      aws: describeServices(
        target: "arn:td/hello-web:7", state: "COMPLETED", primary: "arn:td/hello-web:7"))
    #expect(completed.status == 0)
  }

  // Defect 7: the wait is bounded by the plan's timeout.
  @Test func aRolloutThatNeverEndsTimesOutAtThePlansBound() throws {
    let plan = try ExampleSpecs.plan("minimal.yaml")
    let step = try RenderedWorkflow.step(
      "Watch the rollout", job: "deploy", in: try workflow("minimal.yaml"))
    #expect(
      step.environment.contains {
        $0 == ("TIMEOUT_SECONDS", "\(plan.webParts.service.rollout.timeoutSeconds)")
      })
    let (result, _, _) = try run(
      step, aws: describeServices(target: "arn:td:7", state: "IN_PROGRESS", primary: "arn:td:7"),
      extra: ["TIMEOUT_SECONDS": "0", "POLL_SECONDS": "0"])
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("::error title=Deploy timed out::"))
  }

  // Defect 7: after a failed rollout Terraform's state records what ECS runs.
  @Test func aFailedRolloutRefreshesTheTerraformStateOnly() throws {
    let text = try workflow("lambda-agent.yaml")
    #expect(!text.contains("services-stable"))
    let refresh = try RenderedWorkflow.step(
      "Record the rolled-back service in the Terraform state", job: "deploy", in: text)
    #expect(refresh.condition == "failure() && steps.rollout.outcome == 'failure'")
    #expect(refresh.run.contains("apply -refresh-only -input=false -auto-approve"))
  }

  // Defect 8: a re-run finds its image and skips the build and the push.
  @Test func anImageAlreadyInTheRepositoryIsNotBuiltAgain() throws {
    let text = try workflow("lambda-agent.yaml")
    let lookup = try RenderedWorkflow.step(
      "Look for the image in the repository", job: "deploy", in: text)
    let (found, foundOutput, _) = try run(lookup, aws: "echo '{\"imageDetails\": []}'")
    #expect(found.status == 0)
    #expect(foundOutput.contains("ecr describe-images --repository-name smart-agent"))
    #expect(foundOutput.contains("imageTag=c0ffee"))
    #expect(foundOutput.contains("exists=true"))
    let (missing, missingOutput, _) = try run(
      lookup, aws: "echo 'An error occurred (ImageNotFoundException)' >&2; exit 254")
    #expect(missing.status == 0)
    #expect(missingOutput.contains("exists=false"))
    let (denied, _, _) = try run(lookup, aws: "echo 'AccessDeniedException' >&2; exit 254")
    #expect(denied.status != 0)
    let skipped = "steps.image.outputs.exists != 'true'"
    #expect(text.contains("      - name: Build and push the image\n        if: \(skipped)\n"))
    #expect(text.contains("        id: ecr\n        if: \(skipped)\n"))
  }

  /// What the AWS CLI answers `describe-stacks` for a stack that does not exist.
  static let noStack =
    "echo 'An error occurred (ValidationError) when calling the DescribeStacks operation: "
    + "Stack with id inventory-internal does not exist' >&2; exit 254"

  // Defect 10: a stack whose first create failed is deleted, and only that one.
  @Test func onlyAStackInRollbackCompleteIsDeletedAndCreatedAgain() throws {
    let step = try RenderedWorkflow.step(
      "Delete the stack if its first create failed", job: "deploy",
      in: try workflow("internal-cloudformation.yaml"))
    for status in ["ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "CREATE_COMPLETE", ""] {
      let answer = status.isEmpty ? Self.noStack : "[ \"$2\" = describe-stacks ] && echo \(status)"
      let (result, calls, _) = try run(step, aws: answer + "\nexit 0")
      #expect(result.status == 0)
      let deleted = calls.contains("cloudformation delete-stack --stack-name inventory-internal")
      let waited = calls.contains("cloudformation wait stack-delete-complete")
      #expect(deleted == (status == "ROLLBACK_COMPLETE"), "\(status)")
      #expect(waited == deleted)
    }
  }

  // Defect 6 with CloudFormation: a stack created again after a delete adopts the log group
  // the earlier stack kept (`logs.on_destroy: keep`), through a change set; an existing stack is
  // left to the deploy step.
  @Test func theFirstDeployCreatesTheStackAndAdoptsAKeptLogGroup() throws {
    var plan = try ExampleSpecs.plan("internal-cloudformation.yaml")
    for keep in [false, true] {
      plan.logs.adoptExisting = keep
      let text = try #require(
        WorkflowRenderer(outputDirectory: "infra").render(plan).first?.contents)
      let step = try RenderedWorkflow.step(
        "Create the stack on the first deploy", job: "deploy", in: text)
      let absent = "[ \"$2\" = describe-stacks ] && { \(Self.noStack); }\nexit 0"
      let (created, calls, _) = try run(
        step, aws: absent, extra: ["VPC_ID": "vpc-1", "TASK_SUBNET_IDS": "subnet-a,subnet-b"])
      #expect(created.status == 0, "\(created.standardError)")
      #expect(calls.contains("cloudformation create-change-set --stack-name inventory-internal"))
      #expect(calls.contains("--change-set-type CREATE"))
      #expect(calls.contains("--import-existing-resources") == keep)
      #expect(calls.contains("cloudformation execute-change-set"))
      #expect(calls.contains("cloudformation wait stack-create-complete"))
      let (_, existing, _) = try run(
        step, aws: "[ \"$2\" = describe-stacks ] && echo UPDATE_COMPLETE\nexit 0")
      #expect(!existing.contains("create-change-set"))
    }
    // The build and push come after the repository exists.
    let text = try workflow("internal-cloudformation.yaml")
    let create = try #require(text.range(of: "- name: Create the stack on the first deploy"))
    let build = try #require(text.range(of: "- name: Build and push the image"))
    #expect(create.lowerBound < build.lowerBound)
  }

  /// A created access-log bucket is kept by a deleted stack (CloudFormation cannot delete a bucket
  /// with logs), so the next first deploy must adopt it as it adopts a kept log group.
  @Test func theFirstDeployAdoptsAKeptAccessLogBucket() throws {
    let path = GoldenFile.packageRoot + "/specs/internal-cloudformation.yaml"
    let spec = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(
        of: "\nload_balancer:\n",
        with: "\nregion: eu-west-2\nload_balancer:\n  access_logs: {create_bucket: true}\n")
    let loaded = ECSGenSpec.ServiceSpecLoader.load(text: spec, file: "internal.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plan = try DeploymentPlanner().plan(loaded)
    #expect(plan.adoptsKeptAccessLogBucket)
    #expect(!plan.logs.adoptExisting)
    let text = try #require(WorkflowRenderer(outputDirectory: "infra").render(plan).first?.contents)
    let step = try RenderedWorkflow.step(
      "Create the stack on the first deploy", job: "deploy", in: text)
    #expect(step.run.contains("--import-existing-resources"))
  }

  // Found by review: only "does not exist" means no stack; any other failure of describe-stacks
  // (no permission, expired credentials) fails the step instead of creating or skipping.
  @Test func describeStacksFailuresOtherThanAMissingStackFailTheStep() throws {
    let text = try workflow("internal-cloudformation.yaml")
    for name in [
      "Delete the stack if its first create failed", "Create the stack on the first deploy",
    ] {
      let step = try RenderedWorkflow.step(name, job: "deploy", in: text)
      let (denied, calls, _) = try run(
        step,
        aws: "echo 'An error occurred (AccessDenied) when calling DescribeStacks' >&2; exit 254")
      #expect(denied.status == 1, "\(name)")
      #expect(!calls.contains("create-change-set") && !calls.contains("delete-stack"), "\(name)")
    }
    // A stack left in REVIEW_IN_PROGRESS (a run stopped between creating and executing the
    // change set) is created, not taken for a deployed stack.
    let create = try RenderedWorkflow.step(
      "Create the stack on the first deploy", job: "deploy", in: text)
    let (_, calls, _) = try run(
      create, aws: "[ \"$2\" = describe-stacks ] && echo REVIEW_IN_PROGRESS\nexit 0",
      extra: ["VPC_ID": "vpc-1", "TASK_SUBNET_IDS": "subnet-a"])
    #expect(calls.contains("--change-set-type CREATE"))
  }
}
