import ECSGenPlan
import ECSGenRendering

/// The workflow document: triggers, shared environment, and the two jobs.
struct Workflow {
  let plan: DeploymentPlan
  let paths: OutputPaths

  var service: String { plan.service.name }
  /// This plan's output folder: `DIR/NAME`, or `DIR/NAME/ENV` for an environment.
  var infraDirectory: String { paths.serviceDirectory(plan.outputFolder) }
  var usesTerraform: Bool { plan.ci.deployWith == "terraform" }
  var builtImage: BuiltImagePlan? {
    if case .built(let image) = plan.image { return image }
    return nil
  }

  func document() -> YAMLNode {
    .mapping([
      YAMLEntry("name", .string("Deploy \(service)")),
      YAMLEntry("on", triggers(), spacedBefore: true),
      // Nothing by default: each job asks for exactly what it needs.
      YAMLEntry("permissions", .mapping([]), spacedBefore: true),
      YAMLEntry("env", .mapping(environment()), spacedBefore: true),
      YAMLEntry(
        "jobs",
        .mapping([
          YAMLEntry("review", ReviewJob(workflow: self).job()),
          YAMLEntry("deploy", DeployJob(workflow: self).job(), spacedBefore: true),
        ]), spacedBefore: true),
    ])
  }

  /// Changes to the spec, the image's build context (of this workflow's plan and of `others`,
  /// the other environments, which may build from elsewhere), the rendered output (of every
  /// environment) or the workflow itself.
  func triggers(alsoBuilding others: [Workflow] = []) -> YAMLNode {
    var watched = [
      plan.specFile, "\(paths.serviceDirectory(service))/**",
      paths.runningWorkflowFile(plan.ci.workflowFileName),
    ]
    var contexts: [String] = []
    for image in ([self] + others).compactMap(\.builtImage) {
      let pattern = image.buildContext == "." ? "**" : "\(image.buildContext)/**"
      if !contexts.contains(pattern) { contexts.append(pattern) }
    }
    watched.insert(contentsOf: contexts, at: 1)
    let pathList = YAMLNode.sequence(watched.map(YAMLNode.string))
    return .mapping([
      YAMLEntry("pull_request", .mapping([YAMLEntry("paths", pathList)])),
      YAMLEntry(
        "push",
        .mapping([
          YAMLEntry("branches", .sequence([.string(plan.ci.branch)])),
          YAMLEntry("paths", pathList),
        ])),
    ])
  }

  /// Values every job reads. Repository variables come in through `env`, never through `${{ }}`
  /// inside a script.
  private func environment() -> [YAMLEntry] {
    regionAndInputs() + [
      YAMLEntry("SPEC", .string(plan.specFile)),
      YAMLEntry("INFRA", .string(infraDirectory)),
    ]
  }

  /// The region and the network inputs the spec leaves open, from repository variables.
  func regionAndInputs() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    switch plan.region {
    case .fixed(let region): entries.append(YAMLEntry("AWS_REGION", .string(region)))
    case .input: entries.append(YAMLEntry("AWS_REGION", .string("${{ vars.AWS_REGION }}")))
    }
    for input in plan.inputs where input.kind == .vpcID || input.kind == .subnetIDs {
      entries.append(
        YAMLEntry(input.repositoryVariable, .string("${{ vars.\(input.repositoryVariable) }}")))
    }
    return entries
  }

  /// Exports the Terraform variables the spec left open, from the repository variables.
  /// Subnet lists are comma-separated in the variables and lists in Terraform.
  var terraformVariablesScript: String {
    var lines: [String] = []
    for input in plan.inputs {
      switch input.kind {
      case .region: lines.append("export TF_VAR_\(input.name)=\"$AWS_REGION\"")
      case .vpcID: lines.append("export TF_VAR_\(input.name)=\"$\(input.repositoryVariable)\"")
      case .subnetIDs:
        lines.append(
          "TF_VAR_\(input.name)=\"$(jq -cn --arg ids \"$\(input.repositoryVariable)\" '$ids | split(\",\")')\""
        )
        lines.append("export TF_VAR_\(input.name)")
      case .imageTag: lines.append("export TF_VAR_\(input.name)=\"$IMAGE_TAG\"")
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// The stack parameters the spec left open, and the environment variable that supplies each.
  var stackParameters: [(name: String, variable: String)] {
    plan.inputs.compactMap { input in
      switch input.kind {
      case .region: return nil
      case .vpcID, .subnetIDs: return (input.pascalCaseName, input.repositoryVariable)
      case .imageTag: return (input.pascalCaseName, "IMAGE_TAG")
      }
    }
  }

  /// The stack parameter holding the image tag, when the spec builds its image.
  var imageTagParameter: String? {
    plan.inputs.first { $0.kind == .imageTag }?.pascalCaseName
  }

  /// A jq command that writes the stack parameters to `$RUNNER_TEMP/parameters.json`, so that
  /// values with commas (subnet lists) need no escaping. With `keepingImageTag`, the image tag
  /// keeps the stack's current value instead of `$IMAGE_TAG`.
  func parametersFileScript(keepingImageTag: Bool) -> String {
    let imageTag = keepingImageTag ? imageTagParameter : nil
    let arguments = stackParameters.filter { $0.name != imageTag }.map {
      "--arg \($0.name) \"$\($0.variable)\""
    }
    let previous = imageTag.map { " + [{ParameterKey: \"\($0)\", UsePreviousValue: true}]" } ?? ""
    return (["jq -n"] + arguments).joined(separator: " ") + """
       \\
        '$ARGS.named | to_entries | map({ParameterKey: .key, ParameterValue: .value})\(previous)' \\
        > "$RUNNER_TEMP/parameters.json"
      """
  }

  /// Sets `status` to the stack's status, or to nothing when the stack does not exist. Any other
  /// failure (no permission, expired credentials) fails the step instead of passing for "no
  /// stack yet".
  var stackStatusScript: String {
    """
    if ! status="$(aws cloudformation describe-stacks --stack-name "$STACK" --query 'Stacks[0].StackStatus' --output text 2> "$RUNNER_TEMP/describe-stacks.err")"; then
      if ! grep -q 'does not exist' "$RUNNER_TEMP/describe-stacks.err"; then
        cat "$RUNNER_TEMP/describe-stacks.err" >&2
        exit 1
      fi
      status=""
    fi
    """
  }

  /// `--parameter-overrides` arguments for `aws cloudformation deploy`.
  var deployParameterOverrides: String {
    stackParameters.map { "\($0.name)=\"$\($0.variable)\"" }.joined(separator: " ")
  }

  /// The permissions of a job that assumes an AWS role: each one says why it is there.
  var assumeRolePermissions: YAMLNode {
    .map([
      ("contents", .commented("read", comment: "check out the repository")),
      ("id-token", .commented("write", comment: "assume the AWS role through OIDC")),
    ])
  }

  func checkout() -> YAMLNode {
    .map([
      ("name", .string("Check out")),
      ("uses", PinnedAction.checkout.uses),
      ("with", .map([("persist-credentials", .bool(false))])),
    ])
  }

  func assumeRole(_ role: YAMLNode, name: String) -> YAMLNode {
    .map([
      ("name", .string(name)),
      ("uses", PinnedAction.configureAWSCredentials.uses),
      (
        "with",
        .map([("role-to-assume", role), ("aws-region", .string("${{ env.AWS_REGION }}"))])
      ),
    ])
  }

  func setupTerraform() -> YAMLNode {
    .map([
      ("name", .string("Set up Terraform")),
      ("uses", PinnedAction.setupTerraform.uses),
      ("with", .map([("terraform_wrapper", .bool(false))])),
    ])
  }

  /// `terraform init` against the plan's state: with a partial S3 backend, the bucket and region
  /// come from repository variables (through `env`), and a missing one stops the job with a
  /// message that names it. Both jobs use this step, so the review plans against the state the
  /// deploy writes.
  func terraformInit() -> YAMLNode {
    let command = "terraform -chdir=\"$INFRA/terraform\" init -input=false"
    guard case .partialS3(let state) = plan.terraform.state else {
      return run("Terraform init", command)
    }
    let required = [("STATE_BUCKET", state.bucketVariable), ("STATE_REGION", state.regionVariable)]
    var script = ""
    for (variable, repositoryVariable) in required {
      script += """
        if [ -z "$\(variable)" ]; then
          echo "::error::Set the repository variable \(repositoryVariable): Terraform keeps this service's state in S3 (key \(state.key)); see the ecsgen README, first-time setup"
          missing=1
        fi

        """
    }
    script += """
      [ -z "${missing:-}" ] || exit 1
      \(command) \\
        -backend-config="bucket=$STATE_BUCKET" -backend-config="region=$STATE_REGION"

      """
    return run(
      "Terraform init", script,
      env: required.map { ($0.0, .string("${{ vars.\($0.1) }}")) })
  }

  /// `word` as one shell word: as it is when it has no character the shell treats specially,
  /// single-quoted otherwise.
  static func shellWord(_ word: String) -> String {
    let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "_-./+=:,@".contains($0) }
    if plain && !word.isEmpty { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// A `run:` step; `id` names it for later steps, `condition` is its `if:`.
  func run(
    _ name: String, _ script: String, env: [(String, YAMLNode?)] = [], id: String? = nil,
    condition: String? = nil
  ) -> YAMLNode {
    .map([
      ("name", .string(name)),
      ("id", id.map(YAMLNode.string)),
      ("if", condition.map(YAMLNode.string)),
      ("env", env.isEmpty ? nil : .map(env)),
      ("run", script.contains("\n") ? .literal(script) : .string(script)),
    ])
  }
}
