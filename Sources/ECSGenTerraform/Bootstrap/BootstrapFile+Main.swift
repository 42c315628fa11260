import ECSGenPlan

extension BootstrapFile {
  /// `main.tf`: provider, where the OIDC provider and the state bucket come from, the two roles,
  /// and the bucket when this configuration creates it.
  func mainBlocks() -> [HCLBlock] {
    providerBlocks() + [localsBlock()] + oidcProviderBlocks() + roleBlocks() + stateBucketBlocks()
  }

  private func providerBlocks() -> [HCLBlock] {
    let regionValue: HCLExpression
    switch plan.region {
    case .fixed(let value): regionValue = .string(value)
    case .input(let input): regionValue = .reference("var.\(input.name)")
    }
    let tags = block(
      "default_tags",
      [.set("tags", .object(plan.tags.map { HCLObjectItem($0.key, .string($0.value)) }))])
    var providers = [
      HCLBlock("provider", ["aws"], [.set("region", regionValue), .blankLine, tags])
    ]
    if let bucketRegion = bootstrap.stateBucket?.region {
      // The spec's state bucket lives in its own region.
      providers.append(
        HCLBlock(
          "provider", ["aws"],
          [
            .set("alias", .string("state")), .set("region", .string(bucketRegion)), .blankLine,
            tags,
          ]))
    }
    return providers + [
      HCLBlock("data", ["aws_caller_identity", "current"], []),
      HCLBlock("data", ["aws_partition", "current"], []),
      HCLBlock("data", ["aws_region", "current"], []),
    ]
  }

  private func localsBlock() -> HCLBlock {
    let repository = "var.\(bootstrap.repository.repositoryVariable)"
    let ids = "var.\(bootstrap.repository.idsVariable)"
    let create = "var.\(bootstrap.oidcProvider.createVariable)"
    var body: [HCLBodyItem] = [
      .set(
        "github_oidc_provider_arn",
        .raw(
          "\(create) ? aws_iam_openid_connect_provider.github[0].arn : data.aws_iam_openid_connect_provider.github[0].arn"
        )),
      .blankLine,
      .comment("The OIDC subject names the repository as ORG/REPO, or, for repositories created"),
      .comment(
        "after 15 July 2026, as ORG@ORG_ID/REPO@REPO_ID: accept both when the ids are known."),
      .set(
        "github_subject_prefixes",
        .raw(
          "\(ids) == null ? [\"repo:${\(repository)}\"] : [\"repo:${\(repository)}\", \"repo:${split(\"/\", \(repository))[0]}@${\(ids).owner_id}/${split(\"/\", \(repository))[1]}@${\(ids).repository_id}\"]"
        )),
    ]
    if let bucket = bootstrap.stateBucket {
      let name: HCLExpression
      switch bucket.bucket {
      case .fixed(let value): name = .string(value)
      case .variable(let variable): name = .reference("var.\(variable)")
      }
      let created = "var.\(bucket.createVariable)"
      body += [
        .blankLine,
        .set("state_bucket", name),
        .set(
          "state_bucket_region",
          .raw("\(created) ? aws_s3_bucket.state[0].region : data.aws_s3_bucket.state[0].region")),
      ]
    }
    return HCLBlock("locals", [], body)
  }

  private func oidcProviderBlocks() -> [HCLBlock] {
    let provider = bootstrap.oidcProvider
    let create = "var.\(provider.createVariable)"
    return [
      HCLBlock(
        "resource", ["aws_iam_openid_connect_provider", "github"],
        [
          .set("count", .raw("\(create) ? 1 : 0")),
          .blankLine,
          .set("url", .string(provider.url)),
          .set("client_id_list", .list([.string(provider.audience)])),
        ]),
      HCLBlock(
        "data", ["aws_iam_openid_connect_provider", "github"],
        [
          .set("count", .raw("\(create) ? 0 : 1")),
          .blankLine,
          .set("url", .string(provider.url)),
        ]),
    ]
  }

  /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, and the state bucket's ARNs.
  func arn(_ resource: BootstrapResource) -> HCLExpression {
    switch resource {
    case .any: return .string("*")
    case .literal(let arn): return .string(arn)
    case .arn(let service, let regional, let path):
      var parts: [HCLTemplatePart] = [
        .literal("arn:"), .interpolation(partition), .literal(":\(service):"),
      ]
      if regional { parts.append(.interpolation(region)) }
      parts += [.literal(":"), .interpolation(accountID), .literal(":\(path)")]
      return .template(parts)
    case .accountless(let service, let path):
      return .template([
        .literal("arn:"), .interpolation(partition), .literal(":\(service):::\(path)"),
      ])
    case .stateBucket:
      return .template([
        .literal("arn:"), .interpolation(partition), .literal(":s3:::"),
        .interpolation(.reference("local.state_bucket")),
      ])
    case .stateObject(let key):
      return .template([
        .literal("arn:"), .interpolation(partition), .literal(":s3:::"),
        .interpolation(.reference("local.state_bucket")), .literal("/\(key)"),
      ])
    }
  }

  func conditionValue(_ value: BootstrapConditionValue) -> HCLExpression {
    switch value {
    case .literal(let text): .string(text)
    case .resource(let resource): arn(resource)
    case .serviceEndpoint(let service):
      .template([.literal("\(service)."), .interpolation(region), .literal(".amazonaws.com")])
    }
  }
}
