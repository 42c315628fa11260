import ECSGenPlan

/// The blocks of the bootstrap configuration, file by file.
struct BootstrapFile {
  let plan: DeploymentPlan
  let bootstrap: BootstrapPlan

  init(plan: DeploymentPlan) {
    self.plan = plan
    self.bootstrap = plan.bootstrap
  }

  var partition: HCLExpression { .reference("data.aws_partition.current.partition") }
  var accountID: HCLExpression { .reference("data.aws_caller_identity.current.account_id") }
  var region: HCLExpression { .reference("data.aws_region.current.name") }

  func versionBlocks() -> [HCLBlock] {
    [
      HCLBlock(
        "terraform", [],
        [
          .set("required_version", .string(">= 1.5")),
          .blankLine,
          .block(TerraformRenderer.requiredProvidersBlock),
        ])
    ]
  }

  func variableBlocks() -> [HCLBlock] {
    let repository = bootstrap.repository
    var blocks = [
      variable(
        repository.repositoryVariable, type: "string",
        description: "The GitHub repository whose workflows may assume the roles, as ORG/REPO.",
        validation: (
          "can(regex(\"^[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$\", var.\(repository.repositoryVariable)))",
          "\(repository.repositoryVariable) must be ORG/REPO, such as acme/shop."
        )),
      variable(
        repository.idsVariable, type: "object({ owner_id = number, repository_id = number })",
        description:
          "The numeric ids of the owner and repository (gh api repos/ORG/REPO --jq '{owner_id: .owner.id, repository_id: .id}'). Required for repositories created after 15 July 2026, whose OIDC subject is repo:ORG@ORG_ID/REPO@REPO_ID:...",
        defaultValue: .null),
      variable(
        bootstrap.oidcProvider.createVariable, type: "bool",
        description:
          "Create GitHub's OIDC provider. An account has only one: set true in the first bootstrap of an account, and leave false to reference the existing one.",
        defaultValue: .bool(false)),
    ]
    if let bucket = bootstrap.stateBucket {
      if case .variable(let name) = bucket.bucket {
        blocks.append(
          variable(
            name, type: "string",
            description:
              "The S3 bucket that holds the Terraform state of every service of the repository.",
            validation: (
              "can(regex(\"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$\", var.\(name)))",
              "\(name) must be an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens."
            )))
      }
      blocks.append(
        variable(
          bucket.createVariable, type: "bool",
          description:
            "Create the state bucket. All services of a repository share it: set true in the first bootstrap, and leave false to reference the existing bucket.",
          defaultValue: .bool(false)))
    }
    // The region, when the spec leaves it open, exactly as the service's configuration asks.
    let regionInputs = plan.inputs.filter { $0.kind == .region }.map(\.name)
    let regionVariables = VariablesFile(context: TerraformContext(plan: plan)).blocks().filter {
      regionInputs.contains($0.labels.first ?? "")
    }
    return regionVariables + blocks
  }

  private func variable(
    _ name: String, type: String, description: String, defaultValue: HCLExpression? = nil,
    validation: (String, String)? = nil
  ) -> HCLBlock {
    var body: [HCLBodyItem] = [
      .set("type", .reference(type)),
      .set("description", .string(description)),
    ]
    if let defaultValue { body.append(.set("default", defaultValue)) }
    if let (condition, message) = validation {
      body += [
        .blankLine,
        .block(
          HCLBlock(
            "validation", [],
            [.set("condition", .raw(condition)), .set("error_message", .string(message))])),
      ]
    }
    return HCLBlock("variable", [name], body)
  }

  func outputBlocks() -> [HCLBlock] {
    var variables: [HCLObjectItem] = []
    let roles = [
      (bootstrap.deployRole, "aws_iam_role.deploy.arn"),
      (bootstrap.planRole, "aws_iam_role.plan.arn"),
    ]
    // With environments the deploy job reads its role from its GitHub environment's variables
    // (each environment has its own), not from the repository's.
    var environmentVariables: [HCLObjectItem] = []
    for (role, arn) in roles {
      if let name = role.repositoryVariable {
        if plan.environment != nil && arn == "aws_iam_role.deploy.arn" {
          environmentVariables.append(HCLObjectItem(name, .reference(arn)))
        } else {
          variables.append(HCLObjectItem(name, .reference(arn)))
        }
      }
    }
    if let bucket = bootstrap.stateBucket, plan.ci.deployWith == "terraform" {
      if let name = bucket.bucketRepositoryVariable {
        variables.append(HCLObjectItem(name, .reference("local.state_bucket")))
      }
      if let name = bucket.regionRepositoryVariable {
        variables.append(HCLObjectItem(name, .reference("local.state_bucket_region")))
      }
    }
    var environmentOutput: [HCLBlock] = []
    if !environmentVariables.isEmpty {
      let gitHubEnvironment = plan.ci.environment ?? plan.environment?.name ?? ""
      environmentOutput.append(
        HCLBlock(
          "output", ["environment_variables"],
          [
            .set(
              "description",
              .string(
                "Set each as a variable of the GitHub environment \(gitHubEnvironment): Settings, Environments, \(gitHubEnvironment), Environment variables."
              )),
            .set("value", .object(environmentVariables)),
          ]))
    }
    return [
      output("deploy_role_arn", "The role the deploy job assumes.", "aws_iam_role.deploy.arn"),
      output(
        "plan_role_arn", "The read-only role the review job assumes.", "aws_iam_role.plan.arn"),
      HCLBlock(
        "output", ["repository_variables"],
        [
          .set(
            "description",
            .string(
              "Set each as a repository variable: Settings, Secrets and variables, Actions, Variables."
            )),
          .set("value", .object(variables)),
        ]),
    ] + environmentOutput
  }

  private func output(_ name: String, _ description: String, _ value: String) -> HCLBlock {
    HCLBlock(
      "output", [name],
      [.set("description", .string(description)), .set("value", .reference(value))])
  }
}
