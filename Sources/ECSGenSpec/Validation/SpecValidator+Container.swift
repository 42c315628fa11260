import ECSGenDiagnostics

extension SpecValidator {
  /// `command`, `entrypoint`, `stop_timeout`.
  func checkContainer(_ spec: ServiceSpec, _ findings: inout Findings) {
    for (field, list) in [("command", spec.command), ("entrypoint", spec.entrypoint)] {
      if let list, list.value.isEmpty {
        findings.add(
          .error(
            "empty-list", at: list.location,
            "`\(field)` is an empty list; leave it out to use the image's own \(field), or list its words such as `[\"node\", \"server.js\"]`"
          ))
      }
    }
    findings.checkRange(
      spec.stopTimeout, AWSLimits.stopTimeout, field: "stop_timeout", unit: "seconds")
  }

  /// `environment`: names, AWS credentials, and secrets written as literals.
  func checkEnvironment(_ spec: ServiceSpec, _ findings: inout Findings) {
    for entry in spec.environment ?? [] {
      let name = entry.key.value
      checkVariableName(entry, spec: spec, &findings)
      if EnvironmentNames.awsCredentials.contains(name) {
        findings.add(
          .error(
            "env-aws-credentials", at: entry.key.location,
            "`\(name)` must not be set: the task role gives the container AWS credentials that rotate on their own; remove it and grant access through `roles.task.statements`"
          ))
      }
    }
  }

  /// The checks of one `environment` entry that hold for every container of the task, the
  /// main one and each sidecar: a portable name, and no secret written as a literal.
  func checkVariableName(
    _ entry: MapEntry<String>, spec: ServiceSpec, _ findings: inout Findings
  ) {
    let name = entry.key.value
    if !IdentifierPatterns.isEnvironmentName(name) {
      // ECS documents no pattern for the names (aws-limits: unconfirmed), so this warns:
      // shells and most runtimes cannot read such a variable, but ECS may accept it.
      findings.add(
        .warning(
          "env-name", at: entry.key.location,
          "environment variable name `\(name)` is not portable; use letters, digits and `_`, not starting with a digit (for example `\(EnvironmentNames.suggestion(for: name))`)"
        ))
    }
    if !EnvironmentNames.awsCredentials.contains(name), EnvironmentNames.looksSecret(name),
      !entry.value.value.isEmpty
    {
      findings.add(
        .warning(
          "env-secret-literal", at: entry.value.location,
          "`\(name)` looks like a secret but its value is written in the spec, where it ends up in the task definition and the repository; store it in SSM Parameter Store or Secrets Manager and reference it under `secrets`",
          notes: [
            "for example `secrets: {\(name): /\(spec.name?.value ?? "service")/\(name.lowercased())}`"
          ]
        ))
    }
  }

  /// A name set in both `environment` and `secrets` of one container, which ECS refuses.
  func checkSecretConflict(
    environment: [MapEntry<String>]?, secrets: [MapEntry<String>]?, _ findings: inout Findings
  ) {
    let environmentNames = Set((environment ?? []).map(\.key.value))
    for entry in secrets ?? [] where environmentNames.contains(entry.key.value) {
      findings.add(
        .error(
          "env-secret-conflict", at: entry.key.location,
          "`\(entry.key.value)` is set in both `environment` and `secrets`; ECS refuses a task definition that sets a variable twice, so keep only the secret"
        ))
    }
  }

  /// `secrets`: references to SSM parameters or Secrets Manager secrets.
  func checkSecrets(_ spec: ServiceSpec, _ findings: inout Findings) {
    checkSecretConflict(environment: spec.environment, secrets: spec.secrets, &findings)
    for entry in spec.secrets ?? [] {
      let name = entry.key.value
      if !IdentifierPatterns.isEnvironmentName(name) {
        findings.add(
          .warning(
            "env-name", at: entry.key.location,
            "secret name `\(name)` is not a portable environment variable name; use letters, digits and `_`, not starting with a digit"
          ))
      }
      if EnvironmentNames.awsCredentials.contains(name) {
        findings.add(
          .error(
            "env-aws-credentials", at: entry.key.location,
            "`\(name)` must not be set: the task role gives the container AWS credentials; remove it"
          ))
      }
      let reference = entry.value.value
      if SecretReference(reference) == nil {
        findings.add(
          .error(
            "secret-reference", at: entry.value.location,
            "secret `\(name)` refers to `\(reference)`, which is neither an SSM parameter nor a Secrets Manager secret",
            notes: [
              "an SSM parameter name starts with `/` (`/orders/prod/db-password`)",
              "or give an ARN: `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME` or `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:json-key:version-stage:version-id]`",
            ]))
      }
    }
  }
}

/// Facts about environment variable names, shared by validation and the Lambda importer.
public enum EnvironmentNames {
  /// Static credentials; the task role replaces them.
  public static let awsCredentials: Set<String> = [
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
  ]

  private static let secretMarkers = ["PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY"]

  /// True for names such as `DB_PASSWORD` or `STRIPE_API_KEY` whose value is probably a secret.
  public static func looksSecret(_ name: String) -> Bool {
    let upper = name.uppercased()
    return secretMarkers.contains { upper.contains($0) }
  }

  /// `my-var.name` → `MY_VAR_NAME`, for the fix in a message.
  static func suggestion(for name: String) -> String {
    let replaced = String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    return replaced.first?.isNumber == true ? "_" + replaced : replaced
  }
}
