import ECSGenDiagnostics

extension SpecValidator {
  /// `version`, `name`, `kind`, `region`, `port`, `cluster`.
  func checkIdentity(_ spec: ServiceSpec, _ findings: inout Findings) {
    if let version = spec.version, version.value != SpecDefaults.version {
      findings.add(
        .error(
          "unsupported-version", at: version.location,
          "spec version \(version.value) does not exist; this ecsgen reads version 1, so write `version: 1` or leave it out"
        ))
    }
    findings.requireKey(spec.name, "name", at: spec.location, example: "name: orders-api")
    if let name = spec.name { checkName(name, environment: spec.deploymentEnvironment, &findings) }
    if let region = spec.region, !IdentifierPatterns.isRegion(region.value) {
      findings.add(
        .error(
          "invalid-region", at: region.location,
          "`region` is `\(region.value)`, which is not an AWS region code; write one such as `eu-west-2` or `us-east-1`"
        ))
    }
    if (spec.kind?.value ?? SpecDefaults.kind) == .web {
      findings.requireKey(
        spec.port, "port", at: spec.location, example: "port: 8080")
    }
    findings.checkRange(spec.port, AWSLimits.port, field: "port")
    if let cluster = spec.cluster, !IdentifierPatterns.isClusterName(cluster.value) {
      findings.add(
        .error(
          "invalid-name", at: cluster.location,
          "`cluster` is `\(cluster.value)`; an ECS cluster name has 1 to 255 letters, digits, `-` or `_`"
        ))
    }
  }

  private func checkName(
    _ name: Located<String>, environment: SpecEnvironment?, _ findings: inout Findings
  ) {
    let text = name.value
    if !IdentifierPatterns.isServiceName(text) {
      findings.add(
        .error(
          "invalid-name", at: name.location,
          "`name` is `\(text)`; a service name has 2 to 28 characters, starts with a lowercase letter, ends with a letter or digit, and has only lowercase letters, digits and `-` in between (for example `orders-api`)"
        ))
    } else if let environment,
      text.count > EnvironmentRules.maxServiceNameLength(environmentNames: environment.allNames)
    {
      findings.add(nameTooLongForEnvironments(name, environment))
    } else if text.count > AWSLimits.serviceNameMaxLength {
      findings.add(
        .error(
          "invalid-name", at: name.location,
          "`name` has \(text.count) characters; at most \(AWSLimits.serviceNameMaxLength) are allowed so that the derived load balancer and target group names fit AWS's 32",
          notes: [
            "shorten it, for example to `\(String(text.prefix(AWSLimits.serviceNameMaxLength)))`"
          ]
        ))
    }
    if text.hasPrefix("internal-") {
      findings.add(
        .error(
          "invalid-name", at: name.location,
          "`name` starts with `internal-`, which AWS reserves: a load balancer name derived from it would be rejected; choose another name"
        ))
    }
  }
}

extension SpecValidator {
  /// With environments, every derived AWS name joins the service and the environment
  /// (`orders-api-staging`), and that joined name must fit the 28 characters a name alone had. The
  /// message says this spec's own limit. It is the same in every environment (it depends on the
  /// longest environment name, not on the one being validated), so it is reported once.
  fileprivate func nameTooLongForEnvironments(
    _ name: Located<String>, _ environment: SpecEnvironment
  ) -> Diagnostic {
    let limit = EnvironmentRules.maxServiceNameLength(environmentNames: environment.allNames)
    let longest = environment.allNames.max { $0.count < $1.count } ?? ""
    return .error(
      "invalid-name", at: name.location,
      "`name` has \(name.value.count) characters; this spec allows at most \(limit), because ecsgen adds the environment to every AWS name it derives (`\(name.value)-\(longest)` for the longest environment, `\(longest)`) and that must fit in \(AWSLimits.serviceNameMaxLength) characters so that load balancer and target group names fit AWS's 32",
      notes: [
        "shorten the name (for example to `\(String(name.value.prefix(limit)).trimmingTrailingHyphens)`) or the environment names"
      ])
  }
}

extension String {
  fileprivate var trimmingTrailingHyphens: String {
    var text = self
    while text.hasSuffix("-") { text.removeLast() }
    return text
  }
}
