import ECSGenDiagnostics

/// Names the spec writes out itself are used as written in every environment that inherits them,
/// unlike the names ecsgen derives (which carry the environment). Where AWS requires such a name
/// to be unique, two environments that share it would collide: the second apply fails
/// (`ResourceAlreadyExistsException`), or, for a state key, two environments overwrite each
/// other's state. This finds them before anything is applied.
enum SharedNameCheck {
  /// A name written in the spec that AWS requires to be unique, and where.
  private struct Claim {
    var field: String
    var value: Located<String>
    /// Unique per region (log groups, repositories) rather than per account or globally.
    var regional: Bool
    var what: String
  }

  static func check(_ environments: [ServiceSpec]) -> [Diagnostic] {
    var claims: [String: [(environment: String, region: String?, claim: Claim)]] = [:]
    var order: [String] = []
    for spec in environments {
      guard let environment = spec.deploymentEnvironment?.name.value else { continue }
      for claim in self.claims(spec) {
        let key = "\(claim.field)\u{0}\(claim.value.value)"
        if claims[key] == nil { order.append(key) }
        claims[key, default: []].append((environment, spec.region?.value, claim))
      }
    }
    var diagnostics: [Diagnostic] = []
    for key in order {
      guard let sharing = claims[key], let first = sharing.first else { continue }
      // Regional names collide only in one region: two environments with different fixed regions
      // may share them. An open region may be any region.
      let colliding = sharing.filter { other in
        !first.claim.regional || other.region == nil || first.region == nil
          || other.region == first.region
      }
      guard colliding.count > 1 else { continue }
      let claim = first.claim
      let names = colliding.map(\.environment)
      let list = EnvironmentDiagnostics.scope(names).replacingPrefix("in ", with: "")
      diagnostics.append(
        .error(
          "environment-shared-name", at: claim.value.location,
          "`\(claim.field)` is `\(claim.value.value)` in \(list); \(claim.what), so each environment needs its own: override `\(claim.field)` in each environment"
            + (claim.field == "load_balancer.domain"
              ? " (ecsgen derives no domain: an environment without one serves the load balancer's own DNS name)"
              : ", or leave it out so that ecsgen derives one per environment")
        ))
    }
    return diagnostics
  }

  private static func claims(_ spec: ServiceSpec) -> [Claim] {
    var claims: [Claim] = []
    if let group = spec.logs?.group {
      claims.append(
        Claim(
          field: "logs.group", value: group, regional: true,
          what: "a log group name is unique in an account and region"))
    }
    if case .build(let build) = spec.image?.value, let repository = build.repository {
      claims.append(
        Claim(
          field: "image.repository", value: repository, regional: true,
          what: "an ECR repository name is unique in an account and region"))
    }
    if let backend = spec.terraform?.s3Backend, let bucket = backend.bucket,
      let key = backend.key
    {
      claims.append(
        Claim(
          field: "terraform.backend.s3.key",
          value: Located("s3://\(bucket.value)/\(key.value)", at: key.location), regional: false,
          what: "environments that share a state object overwrite each other's state"))
    }
    // Each environment's bootstrap creates its deploy role, trusted only by that environment's
    // jobs and allowed only its resources; a role two environments share would be created by two
    // bootstraps and would have to serve both, so it is refused rather than rendered once.
    if let role = spec.ci?.roleARN {
      claims.append(
        Claim(
          field: "ci.role_arn", value: role, regional: false,
          what:
            "each environment's bootstrap creates its own deploy role, trusted only by that environment's deploy job and allowed only that environment's resources"
        ))
    }
    if let environment = spec.ci?.environment {
      claims.append(
        Claim(
          field: "ci.environment", value: environment, regional: false,
          what:
            "each environment's jobs read their role and inputs from the variables of their own GitHub environment, and its roles trust only that environment's jobs"
        ))
    }
    if let domain = spec.loadBalancer?.domain {
      claims.append(
        Claim(
          field: "load_balancer.domain", value: domain, regional: false,
          what: "one DNS name can lead to only one environment's load balancer"))
    }
    return claims
  }
}

extension String {
  fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
