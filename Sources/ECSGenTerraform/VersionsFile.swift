/// `versions.tf`: the Terraform and provider versions, and the state backend when the spec has one.
struct VersionsFile {
  let context: TerraformContext

  func blocks() -> [HCLBlock] {
    var body: [HCLBodyItem] = [
      .set("required_version", .string(requiredVersion)),
      .blankLine,
      .block(
        HCLBlock(
          "required_providers", [],
          [
            .set(
              "aws",
              .object([
                HCLObjectItem("source", .string("hashicorp/aws")),
                HCLObjectItem("version", .string(TerraformRenderer.awsProviderConstraint)),
              ]))
          ])),
    ]
    if let backend = context.plan.terraform.s3Backend {
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
      body += [.blankLine, .block(HCLBlock("backend", ["s3"], settings))]
    }
    return [HCLBlock("terraform", [], body)]
  }

  /// S3 lock files need Terraform 1.10, an `import` block with `for_each` (adopting a kept log
  /// group) 1.7; everything else here works from 1.5.
  private var requiredVersion: String {
    if context.plan.terraform.s3Backend?.useLockfile == true { return ">= 1.10" }
    return context.plan.logs.adoptExisting ? ">= 1.7" : ">= 1.5"
  }
}
