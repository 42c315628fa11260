import ECSGenPlan
import ECSGenRendering
import Foundation

/// The push job: assume the deploy role through OIDC, build and push the image when the spec
/// builds one (after making sure its repository exists), apply the infrastructure with the
/// commit SHA as the image tag, and wait until the service is stable. The infrastructure code is
/// the only owner of the task definition.
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
    steps.append(
      workflow.run(
        "Wait until the service is stable",
        "aws ecs wait services-stable --cluster \"\(plan.cluster.name)\" --services \"\(plan.deployment.serviceName)\""
      ))
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
    var steps: [YAMLNode] = []
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

  /// Log in to ECR and build and push the image tagged with the commit SHA.
  private func buildSteps() -> [YAMLNode] {
    guard let image = workflow.builtImage else { return [] }
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
      .map([
        ("name", .string("Log in to Amazon ECR")),
        ("id", .string("ecr")),
        ("uses", PinnedAction.amazonECRLogin.uses),
      ]),
      .map([
        ("name", .string("Build and push the image")),
        ("uses", PinnedAction.buildPush.uses),
        ("with", .map(with)),
      ]),
    ]
  }
}
