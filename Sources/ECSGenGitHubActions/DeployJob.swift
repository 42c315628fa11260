import ECSGenPlan
import ECSGenRendering
import Foundation

/// The push job: assume the deploy role through OIDC, build and push the image when the spec
/// builds one and the tag is not in the repository yet (after making sure the repository
/// exists), apply the infrastructure with the commit SHA as the image tag, and watch the rollout
/// until it completes or fails. The infrastructure code is the only owner of the task definition.
struct DeployJob {
  let workflow: Workflow
  var plan: DeploymentPlan { workflow.plan }

  func job() -> YAMLNode {
    let role: YAMLNode
    switch plan.ci.role {
    case .arn(let arn): role = .string(arn)
    case .repositoryVariable(let name): role = .string("${{ vars.\(name) }}")
    }
    var steps = [workflow.checkout(), workflow.assumeRole(role, name: "Assume the deploy role")]
    steps += workflow.usesTerraform ? terraformSteps() : cloudFormationSteps()
    steps.append(RolloutWatch(workflow: workflow).step())
    if workflow.usesTerraform { steps.append(RolloutWatch(workflow: workflow).recordRollback()) }
    return .map([
      ("name", .string("Deploy")),
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
      ("env", .map([("IMAGE_TAG", .string("${{ github.sha }}"))])),
      ("steps", .sequence(steps)),
    ])
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
    var steps = [deleteFailedFirstCreate()]
    let overrides = workflow.deployParameterOverrides
    if workflow.builtImage != nil {
      steps.append(
        workflow.run(
          "Create the stack with its image repository on the first deploy",
          """
          # An empty ImageTag creates everything but the task definition and the service, so that
          # the repository exists before the first push.
          if ! aws cloudformation describe-stacks --stack-name "$STACK" > /dev/null 2>&1; then
            IMAGE_TAG=""
            \(deploy.replacingOccurrences(of: "\n", with: "\n  ")) \\
              --parameter-overrides \(overrides)
          fi

          """, env: [("STACK", .string(plan.ci.stackName))]))
      steps += buildSteps()
    }
    steps.append(
      workflow.run(
        "Deploy the stack",
        deploy + (overrides.isEmpty ? "\n" : " \\\n  --parameter-overrides \(overrides)\n"),
        env: [("STACK", .string(plan.ci.stackName))]))
    return steps
  }

  /// A first create that failed leaves the stack in `ROLLBACK_COMPLETE`, which CloudFormation can
  /// neither update nor create again: delete it, only in that state (a stack in any other state
  /// holds a running service), and let the next steps create it again.
  private func deleteFailedFirstCreate() -> YAMLNode {
    workflow.run(
      "Delete the stack if its first create failed",
      """
      status="$(aws cloudformation describe-stacks --stack-name "$STACK" --query 'Stacks[0].StackStatus' --output text 2>/dev/null || true)"
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
    let lookup = workflow.run(
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
    return [
      lookup,
      .map([
        ("name", .string("Log in to Amazon ECR")),
        ("id", .string("ecr")),
        ("if", .string(missing)),
        ("uses", PinnedAction.amazonECRLogin.uses),
      ]),
      .map([
        ("name", .string("Build and push the image")),
        ("if", .string(missing)),
        ("uses", PinnedAction.buildPush.uses),
        ("with", .map(with)),
      ]),
    ]
  }
}
