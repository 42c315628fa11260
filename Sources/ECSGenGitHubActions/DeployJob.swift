import ECSGenPlan
import ECSGenRendering
import Foundation

/// The push job: assume the deploy role through OIDC, build and push the image when the spec
/// builds one and the tag is not in the repository yet (after making sure the repository
/// exists), apply the infrastructure with the commit SHA as the image tag, and watch the rollout
/// until it completes or fails (a `job`, which has no service, instead checks that its state
/// machine runs the new task definition). The infrastructure code is the only owner of the task
/// definition.
struct DeployJob {
  let workflow: Workflow
  /// The job's name, and the jobs it waits for (a promotion workflow: the build and the
  /// previous environment's deploy).
  var name = "Deploy"
  var needs: [String] = []
  /// Set when the build job built the image: the job pushes that image instead of building one.
  var sharedImage: SharedImage? = nil
  /// The previous environment's deploy job, when it took the same shared image: this job checks
  /// that its image is that one.
  var previousImageJob: String? = nil
  /// Job-level `env` before `IMAGE_TAG`: in a promotion workflow, the environment's region,
  /// inputs and output folder, which differ per job.
  var environment: [(String, YAMLNode?)] = []
  var plan: DeploymentPlan { workflow.plan }

  func job() -> YAMLNode {
    let role: YAMLNode
    switch plan.ci.role {
    case .arn(let arn): role = .string(arn)
    case .repositoryVariable(let name): role = .string("${{ vars.\(name) }}")
    }
    var steps = [workflow.checkout(), workflow.assumeRole(role, name: "Assume the deploy role")]
    steps += workflow.usesTerraform ? terraformSteps() : cloudFormationSteps()
    switch plan.workload {
    case .web(let web): steps += watchSteps(web.service)
    case .backend(let backend): steps += watchSteps(backend.service)
    case .worker(let worker): steps += watchSteps(worker.service)
    // A job has no service to watch: the apply registered the task definition its next run uses.
    case .job(let job): steps.append(JobRelease(workflow: workflow, job: job).step())
    }
    return .map([
      ("name", .string(name)),
      ("needs", needs.isEmpty ? nil : .sequence(needs.map(YAMLNode.string))),
      (
        "if",
        .string("github.event_name == 'push' && github.ref == 'refs/heads/\(plan.ci.branch)'")
      ),
      ("runs-on", .string(plan.ci.runner)),
      ("environment", plan.ci.environment.map(YAMLNode.string)),
      ("permissions", workflow.assumeRolePermissions),
      (
        "concurrency",
        .map([
          ("group", .string(plan.ci.deployConcurrencyGroup)),
          ("cancel-in-progress", .bool(false)),
        ])
      ),
      ("outputs", sharedImage == nil ? nil : SharedImage.jobOutputs),
      ("env", .map(environment + [("IMAGE_TAG", .string("${{ github.sha }}"))])),
      ("steps", .sequence(steps)),
    ])
  }

  /// Watch the rollout of the service the apply updated; after a failed one, record in the
  /// Terraform state what ECS rolled back to.
  private func watchSteps(_ service: ServicePlan) -> [YAMLNode] {
    let watch = RolloutWatch(workflow: workflow, service: service)
    return [watch.step()] + (workflow.usesTerraform ? [watch.recordRollback()] : [])
  }

  private func terraformSteps() -> [YAMLNode] {
    let variables = workflow.terraformVariablesScript
    var steps = [
      workflow.setupTerraform(),
      workflow.terraformInit(),
    ]
    if workflow.builtImage != nil {
      steps.append(
        workflow.run(
          "Create the image repository",
          variables + """
            # The first run into an empty account needs the repository before the first push.
            terraform -chdir="$INFRA/terraform" apply -input=false -auto-approve \\
              -target=aws_ecr_repository.this -target=aws_ecr_lifecycle_policy.this

            """))
      steps += buildSteps()
    }
    steps.append(
      workflow.run(
        "Terraform apply",
        variables + """
          terraform -chdir="$INFRA/terraform" apply -input=false -auto-approve

          """))
    return steps
  }

  private func cloudFormationSteps() -> [YAMLNode] {
    let deploy = """
      aws cloudformation deploy --stack-name "$STACK" \\
        --template-file "$INFRA/cloudformation/template.json" \\
        --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset
      """
    var steps = [deleteFailedFirstCreate(), createStackOnFirstDeploy()]
    let overrides = workflow.deployParameterOverrides
    steps += buildSteps()
    steps.append(
      workflow.run(
        "Deploy the stack",
        deploy + (overrides.isEmpty ? "\n" : " \\\n  --parameter-overrides \(overrides)\n"),
        env: [("STACK", .string(plan.ci.stackName))]))
    return steps
  }

  /// The first deploy creates the stack through a change set, which (unlike `aws cloudformation
  /// deploy`) can adopt the log group that an earlier stack of this service kept when it was
  /// deleted (`logs.on_destroy: keep`); without it the create fails with
  /// `ResourceAlreadyExistsException`. When the spec builds its image, an empty ImageTag creates
  /// everything but the task definition and the service, so that the repository exists before
  /// the first push.
  private func createStackOnFirstDeploy() -> YAMLNode {
    let emptyImageTag = workflow.builtImage == nil ? "" : "IMAGE_TAG=\"\"\n"
    // Also the access-log bucket an earlier stack kept (it cannot delete a bucket with logs).
    let importExisting =
      plan.logs.adoptExisting || plan.adoptsKeptAccessLogBucket
      ? " --import-existing-resources" : ""
    return workflow.run(
      "Create the stack on the first deploy",
      """
      \(workflow.stackStatusScript)
      # REVIEW_IN_PROGRESS: an earlier run created the change set and stopped before executing it.
      if [ -n "$status" ] && [ "$status" != REVIEW_IN_PROGRESS ]; then
        exit 0
      fi
      \(emptyImageTag)\(workflow.parametersFileScript(keepingImageTag: false))
      name="create-$GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT"
      aws cloudformation create-change-set --stack-name "$STACK" --change-set-name "$name" \\
        --change-set-type CREATE\(importExisting) \\
        --template-body "file://$INFRA/cloudformation/template.json" \\
        --capabilities CAPABILITY_NAMED_IAM --parameters "file://$RUNNER_TEMP/parameters.json" > /dev/null
      aws cloudformation wait change-set-create-complete --stack-name "$STACK" --change-set-name "$name"
      aws cloudformation execute-change-set --stack-name "$STACK" --change-set-name "$name"
      aws cloudformation wait stack-create-complete --stack-name "$STACK"

      """, env: [("STACK", .string(plan.ci.stackName))])
  }

  /// A first create that failed leaves the stack in `ROLLBACK_COMPLETE`, which CloudFormation can
  /// neither update nor create again: delete it, only in that state (a stack in any other state
  /// holds a running service), and let the next steps create it again.
  private func deleteFailedFirstCreate() -> YAMLNode {
    workflow.run(
      "Delete the stack if its first create failed",
      """
      \(workflow.stackStatusScript)
      if [ "$status" = ROLLBACK_COMPLETE ]; then
        echo "::warning title=Re-creating the stack::the first create of stack $STACK failed and was rolled back (ROLLBACK_COMPLETE); deleting it to create it again"
        aws cloudformation delete-stack --stack-name "$STACK"
        aws cloudformation wait stack-delete-complete --stack-name "$STACK"
      fi

      """, env: [("STACK", .string(plan.ci.stackName))])
  }

  /// Look for the tag in the repository, then log in to ECR and build and push the image tagged
  /// with the commit SHA unless it is there. Tags are immutable, so a re-run of a failed deploy
  /// cannot push the same tag again; the image it pushed the first time is the same build.
  private func buildSteps() -> [YAMLNode] {
    guard let image = workflow.builtImage else { return [] }
    let missing = "steps.image.outputs.exists != 'true'"
    if let sharedImage {
      return [lookup(image), ecrLogin(condition: missing)]
        + sharedImage.pushSteps(
          to: image.repositoryName, workflow: workflow, condition: missing,
          previousJob: previousImageJob)
    }
    var with: [(String, YAMLNode?)] = [
      ("context", .string(image.buildContext)),
      ("file", image.dockerfile.map(YAMLNode.string)),
      ("platforms", .string(plan.task.cpuArchitecture == "ARM64" ? "linux/arm64" : "linux/amd64")),
      ("push", .bool(true)),
      ("provenance", .bool(false)),
      (
        "tags",
        .string("${{ steps.ecr.outputs.registry }}/\(image.repositoryName):${{ github.sha }}")
      ),
    ]
    with = with.filter { $0.1 != nil }
    return [
      lookup(image),
      ecrLogin(condition: missing),
      .map([
        ("name", .string("Build and push the image")),
        ("if", .string(missing)),
        ("uses", PinnedAction.buildPush.uses),
        ("with", .map(with)),
      ]),
    ]
  }

  /// Sets the step output `exists` to whether this commit's tag is in the repository already.
  private func lookup(_ image: BuiltImagePlan) -> YAMLNode {
    workflow.run(
      "Look for the image in the repository",
      """
      if found="$(aws ecr describe-images --repository-name "$REPOSITORY" --image-ids imageTag="$IMAGE_TAG" 2>&1)"; then
        echo "::notice title=Image already pushed::$REPOSITORY:$IMAGE_TAG is in the repository (a re-run): skipping the build and the push"
        echo "exists=true" >> "$GITHUB_OUTPUT"
      elif grep -q ImageNotFoundException <<< "$found"; then
        echo "exists=false" >> "$GITHUB_OUTPUT"
      else
        echo "$found" >&2
        exit 1
      fi

      """, env: [("REPOSITORY", .string(image.repositoryName))], id: "image")
  }

  private func ecrLogin(condition: String) -> YAMLNode {
    .map([
      ("name", .string("Log in to Amazon ECR")),
      ("id", .string("ecr")),
      ("if", .string(condition)),
      ("uses", PinnedAction.amazonECRLogin.uses),
    ])
  }
}
