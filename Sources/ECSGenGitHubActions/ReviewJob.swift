import ECSGenPlan
import ECSGenRendering

/// The pull-request job: lint the spec, check the committed output, and preview the change with
/// a read-only role (a Terraform plan, or a CloudFormation change set), in the job summary.
struct ReviewJob {
  let workflow: Workflow
  var plan: DeploymentPlan { workflow.plan }

  func job() -> YAMLNode {
    var steps = [workflow.checkout()] + ToolSteps(workflow: workflow).steps()
    steps += [
      workflow.run(
        "Lint the spec", "\"$ECSGEN\" lint \"$SPEC\" --format github",
        env: [ToolSteps.binaryEnvironment]),
      workflow.run(
        "Check the committed output is up to date",
        // Only this service's files, in the layout they were rendered in: other services' output
        // under the same folder is theirs to check (see `ecsgen check`).
        "\"$ECSGEN\" check \"$SPEC\" \(checkOptions) --format github",
        env: [ToolSteps.binaryEnvironment]),
      workflow.assumeRole(
        .string("${{ vars.\(plan.ci.planRoleVariable) }}"), name: "Assume the read-only role"),
    ]
    steps += previewSteps()
    return .map([
      ("name", .string("Review")),
      ("if", .string("github.event_name == 'pull_request'")),
      ("runs-on", .string(plan.ci.reviewRunner)),
      ("permissions", workflow.assumeRolePermissions),
      ("concurrency", ReviewJob.concurrency(plan)),
      (
        "env",
        .map(
          [("IMAGE_TAG", .string("${{ github.sha }}"))] + ToolSteps(workflow: workflow).environment)
      ),
      ("steps", .sequence(steps)),
    ])
  }

  /// `--out DIR` and, when the workflow was rendered with one, `--workflows-dir DIR`.
  var checkOptions: String {
    workflow.paths.commandLineOptions.map(Workflow.shellWord).joined(separator: " ")
  }

  /// The preview of this plan's change with the read-only role already assumed: a Terraform plan
  /// or a CloudFormation change set, in the job summary.
  func previewSteps() -> [YAMLNode] {
    workflow.usesTerraform ? terraformSteps() : cloudFormationSteps()
  }

  /// What the job summary's heading names: the service, and its environment when it has one.
  private var summarySubject: String {
    guard let environment = plan.environment else { return plan.service.name }
    return "\(plan.service.name) in environment \(environment.name)"
  }

  /// `ENV: ` before the heading of a stack not created yet, so that each environment's summary
  /// says which it is; nothing without environments.
  private var stackHeadingPrefix: String {
    plan.environment.map { "\($0.name): " } ?? ""
  }

  private func terraformSteps() -> [YAMLNode] {
    [
      workflow.setupTerraform(),
      workflow.run("Terraform fmt", "terraform -chdir=\"$INFRA/terraform\" fmt -check"),
      workflow.terraformInit(),
      workflow.run("Terraform validate", "terraform -chdir=\"$INFRA/terraform\" validate"),
      workflow.run(
        "Terraform plan",
        deployedImageTagScript + workflow.terraformVariablesScript + """
          terraform -chdir="$INFRA/terraform" plan -input=false -lock=false -no-color > "$RUNNER_TEMP/plan.txt"
          {
            echo "### Terraform plan for \(summarySubject)"
            echo '```'
            cat "$RUNNER_TEMP/plan.txt"
            echo '```'
          } >> "$GITHUB_STEP_SUMMARY"

          """),
    ]
  }

  /// Plans with the image tag of the last apply, read from the state, so that the plan shows only
  /// infrastructure changes: this pull request's image is built only when it is merged. Only
  /// when nothing is deployed yet (no state, or no such output) does it plan with this commit.
  private var deployedImageTagScript: String {
    guard let output = plan.ci.deployedImageTagOutput else { return "" }
    return """
      if deployed="$(terraform -chdir="$INFRA/terraform" output -raw \(output) 2>/dev/null)" && [ -n "$deployed" ]; then
        IMAGE_TAG="$deployed"
        echo "Planning with the deployed image tag $IMAGE_TAG"
      else
        echo "Nothing is deployed yet: planning with this commit's image tag $IMAGE_TAG"
      fi

      """
  }

  private func cloudFormationSteps() -> [YAMLNode] {
    // The image tag keeps the stack's current value, so that the change set shows only
    // infrastructure changes (this pull request's image is built only when it is merged).
    return [
      workflow.run(
        "Preview the CloudFormation change set",
        """
        template="$INFRA/cloudformation/template.json"
        aws cloudformation validate-template --template-body "file://$template" > /dev/null
        \(workflow.stackStatusScript)
        if [ -z "$status" ] || [ "$status" = ROLLBACK_COMPLETE ] || [ "$status" = REVIEW_IN_PROGRESS ]; then
          echo "### \(stackHeadingPrefix)Stack $STACK does not exist yet (or its first create failed): the next deploy creates it" >> "$GITHUB_STEP_SUMMARY"
          exit 0
        fi
        \(workflow.parametersFileScript(keepingImageTag: true))
        name="preview-$GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT"
        aws cloudformation create-change-set --stack-name "$STACK" --change-set-name "$name" \\
          --template-body "file://$template" --capabilities CAPABILITY_NAMED_IAM \\
          --parameters "file://$RUNNER_TEMP/parameters.json" > /dev/null
        # A change set with no changes ends FAILED ("didn't contain changes"): that is a clean
        # preview. Any other failure (a bad parameter, a template CloudFormation refuses) fails
        # the review.
        if ! aws cloudformation wait change-set-create-complete --stack-name "$STACK" --change-set-name "$name"; then
          reason="$(aws cloudformation describe-change-set --stack-name "$STACK" --change-set-name "$name" --query StatusReason --output text)"
          case "$reason" in
            *"didn't contain changes"*|*"No updates are to be performed"*) ;;
            *)
              echo "::error title=CloudFormation change set failed::$reason"
              exit 1
              ;;
          esac
        fi
        {
          echo "### CloudFormation change set for \(summarySubject)"
          echo '```'
          aws cloudformation describe-change-set --stack-name "$STACK" --change-set-name "$name" \\
            --query 'Changes[].ResourceChange.[Action,LogicalResourceId,ResourceType,Replacement]' \\
            --output table
          echo '```'
        } >> "$GITHUB_STEP_SUMMARY"
        aws cloudformation delete-change-set --stack-name "$STACK" --change-set-name "$name"

        """,
        env: [("STACK", .string(plan.ci.stackName))])
    ]
  }
}

extension ReviewJob {
  /// One preview per pull request and service (or environment) at a time: a newer push cancels
  /// the older preview, which would only describe a commit nobody will merge.
  static func concurrency(_ plan: DeploymentPlan) -> YAMLNode {
    .map([
      (
        "group",
        .string("\(plan.ci.reviewConcurrencyGroupPrefix)-${{ github.event.pull_request.number }}")
      ),
      ("cancel-in-progress", .bool(true)),
    ])
  }
}
