/// `versions.tf`: the Terraform and provider versions, and the state backend.
struct VersionsFile {
  let context: TerraformContext

  func blocks() -> [HCLBlock] {
    var body: [HCLBodyItem] = [
      .set("required_version", .string(requiredVersion)),
      .blankLine,
      .block(TerraformRenderer.requiredProvidersBlock),
    ]
    if let backend = backendBlock { body += [.blankLine, .block(backend)] }
    return [HCLBlock("terraform", [], body)]
  }

  /// S3 lock files need Terraform 1.10, an `import` block with `for_each` (adopting a kept log
  /// group) 1.7; everything else here works from 1.5.
  private var requiredVersion: String {
    if context.plan.terraform.state.usesLockfile { return ">= 1.10" }
    return context.plan.logs.adoptExisting ? ">= 1.7" : ">= 1.5"
  }

  /// The state backend: the spec's S3 backend in full, or a partial one whose bucket and region
  /// `terraform init -backend-config` supplies; none for local state.
  private var backendBlock: HCLBlock? {
    switch context.plan.terraform.state {
    case .specified(let backend):
      var settings: [HCLBodyItem] = [
        .set("bucket", .string(backend.bucket)),
        .set("key", .string(backend.key)),
        .set("region", .string(backend.region)),
        .set("encrypt", .bool(backend.encrypt)),
      ]
      if let table = backend.dynamoDBTable {
        settings.append(.set("dynamodb_table", .string(table)))
      }
      if backend.useLockfile { settings.append(.set("use_lockfile", .bool(true))) }
      return HCLBlock("backend", ["s3"], settings)
    case .partialS3(let partial):
      var settings: [HCLBodyItem] = [
        .comment("bucket and region: terraform init -backend-config=\"bucket=...\""),
        .comment("-backend-config=\"region=...\" (the deploy workflow passes the repository"),
        .comment("variables \(partial.bucketVariable) and \(partial.regionVariable))."),
        .set("key", .string(partial.key)),
        .set("encrypt", .bool(partial.encrypt)),
      ]
      if partial.useLockfile { settings.append(.set("use_lockfile", .bool(true))) }
      return HCLBlock("backend", ["s3"], settings)
    case .local:
      return nil
    }
  }
}
