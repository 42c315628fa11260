import ECSGenDiagnostics

extension SpecValidator {
  /// `image`: a pullable reference, or a build whose ECR repository ecsgen creates.
  func checkImage(_ spec: ServiceSpec, _ findings: inout Findings) {
    findings.requireKey(
      spec.image, "image", at: spec.location,
      example: "image: public.ecr.aws/nginx/nginx:1.27")
    guard let image = spec.image else { return }
    switch image.value {
    case .reference(let reference):
      checkReference(reference, at: image.location, &findings)
    case .build(let build):
      if let context = build.context, context.value.isEmpty {
        findings.add(
          .error(
            "image-build", at: context.location,
            "`image.build` is empty; give the build context directory relative to the repository root, such as `.` or `services/orders`"
          ))
      }
      if let repository = build.repository,
        !IdentifierPatterns.isECRRepositoryName(repository.value)
          || !AWSLimits.ecrRepositoryNameLength.contains(repository.value.count)
      {
        findings.add(
          .error(
            "image-build", at: repository.location,
            "`image.repository` is `\(repository.value)`; an ECR repository name has 2 to 256 lowercase letters, digits and `.`, `_`, `-`, `/` separators (for example `team/orders-api`)"
          ))
      }
    }
  }

  private func checkReference(
    _ reference: String, at location: SourceLocation, _ findings: inout Findings
  ) {
    let parsed = ImageReference(reference)
    guard parsed.isWellFormed else {
      findings.add(
        .error(
          "image-reference", at: location,
          "`image` is `\(reference)`, which is not an image reference; write `REPOSITORY:TAG` or `REPOSITORY@sha256:DIGEST`, such as `123456789012.dkr.ecr.eu-west-2.amazonaws.com/orders:1.4.2`"
        ))
      return
    }
    if parsed.digest == nil {
      switch parsed.tag {
      case nil:
        findings.add(
          .warning(
            "image-tag", at: location,
            "`image` has no tag, so every deploy pulls whatever `latest` is at that moment; pin a version tag or a digest, such as `\(reference):1.4.2`"
          ))
      case "latest":
        findings.add(
          .warning(
            "image-tag", at: location,
            "`image` uses the `latest` tag, so a deploy can silently change what runs; pin a version tag or a digest"
          ))
      default: break
      }
    }
  }
}

/// `[registry/]repository[:tag][@digest]`, split the way container runtimes read it: the tag is
/// after the last `:` that follows the last `/`.
struct ImageReference {
  var repository: Substring
  var tag: Substring?
  var digest: Substring?

  init(_ text: String) {
    var rest = Substring(text)
    if let at = rest.firstIndex(of: "@") {
      digest = rest[rest.index(after: at)...]
      rest = rest[..<at]
    }
    let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
    if let colon = rest[lastSlash...].lastIndex(of: ":") {
      tag = rest[rest.index(after: colon)...]
      rest = rest[..<colon]
    }
    repository = rest
  }

  var isWellFormed: Bool {
    repositoryIsWellFormed
      && (tag.map { tag in
        tag.count <= 128
          && tag.first.map { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" } == true
          && tag.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "_.-".contains($0) }
      } ?? true)
      && (digest.map { digest in
        guard let hex = digest.dropPrefix("sha256:") else { return false }
        return hex.count == 64 && hex.allSatisfy { $0.isASCIIDigit || ("a"..."f").contains($0) }
      } ?? true)
  }

  /// `[registry[:port]/]path`, where the registry may use any case and the path is lowercase
  /// letters, digits and `._-/` separators.
  private var repositoryIsWellFormed: Bool {
    guard !repository.isEmpty, !repository.hasPrefix("/"), !repository.hasSuffix("/") else {
      return false
    }
    var segments = repository.split(separator: "/", omittingEmptySubsequences: false)
    if segments.count > 1, let registry = segments.first,
      registry.contains(".") || registry.contains(":") || registry == "localhost"
    {
      segments.removeFirst()
      let host = registry.split(separator: ":", omittingEmptySubsequences: false)
      guard host.count <= 2, !host[0].isEmpty,
        host[0].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || ".-".contains($0) }),
        host.count == 1 || Quantities.nonNegativeInteger(host[1]) != nil
      else { return false }
    }
    return segments.allSatisfy { segment in
      !segment.isEmpty
        && segment.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || "._-".contains($0) }
    }
  }
}
