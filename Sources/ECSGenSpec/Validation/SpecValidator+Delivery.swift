import ECSGenDiagnostics

extension SpecValidator {

  /// `tags`.
  func checkTags(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let tags = spec.tags else { return }
    let reserved = SpecDefaults.Tags.addedKeys(environment: spec.deploymentEnvironment?.name.value)
    let limit = AWSLimits.maxTags - reserved.count
    if tags.count > limit, let extra = tags.dropFirst(limit).first {
      findings.add(
        .error(
          "tag-count", at: extra.key.location,
          "`tags` has \(tags.count) entries; AWS allows \(AWSLimits.maxTags) per resource and ecsgen adds \(reserved.count) (\(reserved.map { "`\($0)`" }.joined(separator: ", "))), so at most \(limit) remain"
        ))
    }
    for tag in tags {
      let key = tag.key.value
      if !AWSLimits.tagKeyLength.contains(key.count) || key.lowercased().hasPrefix("aws:") {
        findings.add(
          .error(
            "tag-key", at: tag.key.location,
            "tag key `\(key)` must have 1 to 128 characters and must not start with `aws:`, which AWS reserves"
          ))
      }
      if reserved.contains(key) {
        findings.add(
          .error(
            "tag-key", at: tag.key.location,
            "tag `\(key)` is set by ecsgen on every resource; remove it from `tags`"))
      }
      if tag.value.value.count > AWSLimits.tagValueMaxLength {
        findings.add(
          .error(
            "tag-value", at: tag.value.location,
            "the value of tag `\(key)` has \(tag.value.value.count) characters; AWS allows at most 256"
          ))
      }
    }
  }

  /// `terraform.backend.s3` and `ci`.
  func checkDelivery(_ spec: ServiceSpec, _ findings: inout Findings) {
    if let backend = spec.terraform?.s3Backend {
      findings.requireKey(
        backend.bucket, "terraform.backend.s3.bucket", at: backend.location,
        example: "bucket: my-terraform-state")
      findings.requireKey(
        backend.key, "terraform.backend.s3.key", at: backend.location,
        example: "key: services/orders-api.tfstate")
      findings.requireKey(
        backend.region, "terraform.backend.s3.region", at: backend.location,
        example: "region: eu-west-2")
      if let region = backend.region, !IdentifierPatterns.isRegion(region.value) {
        findings.add(
          .error(
            "invalid-region", at: region.location,
            "`terraform.backend.s3.region` is `\(region.value)`, which is not an AWS region code"))
      }
      if backend.dynamoDBTable == nil && backend.useLockfile?.value != true {
        findings.add(
          .error(
            "backend-locking", at: backend.location,
            "the S3 backend has no state locking, so two applies can corrupt the state; add `use_lockfile: true` (Terraform 1.10+) or `dynamodb_table: NAME`"
          ))
      }
    }
    checkTerraformState(spec, &findings)
    if let role = spec.ci?.roleARN {
      if !IdentifierPatterns.isRoleARN(role.value) {
        findings.add(
          .error(
            "role-arn", at: role.location,
            "`ci.role_arn` is `\(role.value)`, which is not an IAM role ARN; write `arn:aws:iam::ACCOUNT_ID:role/NAME`"
          ))
      }
    } else {
      // With environments each deploy job runs in its GitHub environment and reads the variable
      // there; the text is the same for every environment, so it is reported once.
      let source =
        spec.deploymentEnvironment == nil
        ? "the repository variable `\(SpecDefaults.CI.roleVariable)`; set that variable"
        : "the variable `\(SpecDefaults.CI.roleVariable)` of each environment's GitHub environment; set it in each (Settings, Environments)"
      findings.add(
        .note(
          "ci-role", at: spec.ci?.location ?? spec.location,
          "no `ci.role_arn`: the deploy workflow will assume the role named by \(source), or add `ci.role_arn`"
        ))
    }
    if let branch = spec.ci?.branch, branch.value.isEmpty || branch.value.contains(" ") {
      findings.add(
        .error(
          "ci-branch", at: branch.location,
          "`ci.branch` is `\(branch.value)`; give the name of the branch that deploys, such as `main`"
        ))
    }
  }

  /// Where Terraform keeps state. A deploy job runs on a fresh runner every time, so state that
  /// stays on the runner is lost after each run, and the next apply tries to create everything
  /// again (`EntityAlreadyExists`).
  private func checkTerraformState(_ spec: ServiceSpec, _ findings: inout Findings) {
    let deployTool = spec.ci?.deployWith?.value ?? SpecDefaults.CI.deployWith
    let state = SpecDefaults.TerraformState.self
    if let local = spec.terraform?.localBackend {
      if deployTool == .terraform {
        findings.add(
          .error(
            "terraform-state", at: local,
            "`terraform.backend: local` keeps the state on the runner, which the deploy workflow throws away after every run, so the next deploy fails creating resources that already exist; remove it (the workflow then keeps the state in S3, in the bucket named by the repository variable `\(state.bucketVariable)`), add `terraform.backend.s3`, or deploy with `ci.deploy_with: cloudformation`"
          ))
      }
      return
    }
    guard spec.terraform?.s3Backend == nil else { return }
    // With environments, one note for all of them (the same text in each is reported once).
    let environments = spec.deploymentEnvironment?.allNames ?? []
    let name = spec.name?.value ?? "NAME"
    let key =
      environments.isEmpty
      ? "`\(state.key(forService: name))`"
      : "`\(state.key(forService: name, environment: "ENV"))` for each environment ENV (\(environments.joined(separator: ", ")))"
    let variables =
      environments.isEmpty
      ? "`\(state.bucketVariable)` and `\(state.regionVariable)`"
      : "`\(state.bucketVariable)_ENV` and `\(state.regionVariable)_ENV` (ENV upper-cased, such as `\(SpecDefaults.repositoryVariable(state.bucketVariable, environment: environments.last))`)"
    let message =
      deployTool == .terraform
      ? "no `terraform.backend`: the deploy workflow keeps Terraform state in S3 under \(key), in the bucket and region named by the repository variables \(variables); set them (see the README's first-time setup), or add `terraform.backend.s3`"
      : "no `terraform.backend`: the Terraform output keeps its state in S3 under \(key); pass the bucket and region to `terraform init -backend-config=...`, add `terraform.backend.s3`, or write `terraform.backend: local`"
    findings.add(.note("terraform-state", at: spec.terraform?.location ?? spec.location, message))
  }
}
