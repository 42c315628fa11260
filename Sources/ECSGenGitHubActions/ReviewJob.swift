import ECSGenPlan
import ECSGenRendering

/// The pull-request job: lint the spec, check the committed output, and preview the change with
/// a read-only role (a Terraform plan, or a CloudFormation change set), in the job summary.
struct ReviewJob {
  let workflow: Workflow
  var plan: DeploymentPlan { workflow.plan }

  func job() -> YAMLNode {
    var steps = [
      workflow.checkout(),
      .map([
        ("name", .string("Set up Swift")),
        ("uses", PinnedAction.setupSwift.uses),
        ("with", .map([("swift-version", .string("6.1"))])),
      ]),
      workflow.run(
        "Build ecsgen",
        """
        # A pinned ref of ecsgen, built from source: the ref is a release tag or a commit SHA.
        git init --quiet "$RUNNER_TEMP/ecsgen"
        git -C "$RUNNER_TEMP/ecsgen" fetch --quiet --depth 1 "$ECSGEN_REPOSITORY" "$ECSGEN_REF"
        git -C "$RUNNER_TEMP/ecsgen" checkout --quiet FETCH_HEAD
        swift build -c release --package-path "$RUNNER_TEMP/ecsgen" --product ecsgen

        """,
        env: [
          (
            "ECSGEN_REPOSITORY",
            .string("${{ vars.ECSGEN_REPOSITORY || '\(ToolInfo.sourceRepository)' }}")
          ),
          ("ECSGEN_REF", .string("${{ vars.ECSGEN_REF || '\(ToolInfo.sourceRef)' }}")),
        ]),
      workflow.run(
        "Lint the spec", "$ECSGEN lint \"$SPEC\" --format github", env: [ecsgenBinary]),
      workflow.run(
        "Check the committed output is up to date",
        "$ECSGEN check \"$SPEC\" --out \(workflow.outputDirectory) --format github",
        env: [ecsgenBinary]),
      workflow.assumeRole(
        .string("${{ vars.\(plan.ci.planRoleVariable) }}"), name: "Assume the read-only role"),
    ]
    steps += workflow.usesTerraform ? terraformSteps() : cloudFormationSteps()
    return .map([
      ("name", .string("Review")),
      ("if", .string("github.event_name == 'pull_request'")),
      ("runs-on", .string(plan.ci.reviewRunner)),
      ("permissions", workflow.assumeRolePermissions),
      (
        "concurrency",
        .map([
          (
            "group",
            .string(
              "\(plan.ci.reviewConcurrencyGroupPrefix)-${{ github.event.pull_request.number }}")
          ),
          ("cancel-in-progress", .bool(true)),
        ])
      ),
      ("env", .map([("IMAGE_TAG", .string("${{ github.sha }}"))])),
      ("steps", .sequence(steps)),
    ])
  }

  /// Where the build step leaves the binary.
  private var ecsgenBinary: (String, YAMLNode?) {
    ("ECSGEN", .string("${{ runner.temp }}/ecsgen/.build/release/ecsgen"))
  }

  private func terraformSteps() -> [YAMLNode] {
    [
      workflow.setupTerraform(),
      workflow.run("Terraform fmt", "terraform -chdir=\"$INFRA/terraform\" fmt -check"),
      workflow.terraformInit(),
      workflow.run("Terraform validate", "terraform -chdir=\"$INFRA/terraform\" validate"),
      workflow.run(
        "Terraform plan",
        workflow.terraformVariablesScript + """
          terraform -chdir="$INFRA/terraform" plan -input=false -lock=false -no-color > "$RUNNER_TEMP/plan.txt"
          {
            echo "### Terraform plan for \(plan.service.name)"
            echo '```'
            cat "$RUNNER_TEMP/plan.txt"
            echo '```'
          } >> "$GITHUB_STEP_SUMMARY"

          """),
    ]
  }

  private func cloudFormationSteps() -> [YAMLNode] {
    // jq writes the parameters file, so that values with commas (subnet lists) need no escaping.
    let arguments = workflow.stackParameters.map { "--arg \($0.name) \"$\($0.variable)\"" }
    let parameters = (["jq -n"] + arguments).joined(separator: " ")
    return [
      workflow.run(
        "Preview the CloudFormation change set",
        """
        template="$INFRA/cloudformation/template.json"
        aws cloudformation validate-template --template-body "file://$template" > /dev/null
        if ! aws cloudformation describe-stacks --stack-name "$STACK" > /dev/null 2>&1; then
          echo "### Stack $STACK does not exist yet: the first deploy creates it" >> "$GITHUB_STEP_SUMMARY"
          exit 0
        fi
        \(parameters) \\
          '$ARGS.named | to_entries | map({ParameterKey: .key, ParameterValue: .value})' \\
          > "$RUNNER_TEMP/parameters.json"
        name="preview-$GITHUB_RUN_ID"
        aws cloudformation create-change-set --stack-name "$STACK" --change-set-name "$name" \\
          --template-body "file://$template" --capabilities CAPABILITY_NAMED_IAM \\
          --parameters "file://$RUNNER_TEMP/parameters.json" > /dev/null
        aws cloudformation wait change-set-create-complete --stack-name "$STACK" --change-set-name "$name" || true
        {
          echo "### CloudFormation change set for \(plan.service.name)"
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
