import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `environment`, `secrets`, `command` and `entrypoint`.
@Suite struct EnvironmentRuleTests {
  @Test(arguments: [("command: []", 10), ("entrypoint: []", 13)])
  func emptyList(extra: String, column: Int) {
    expectFinding("empty-list", .error, at: 4, column, in: baseSpec(extra))
  }

  @Test func nonEmptyLists() {
    expectClean(baseSpec("command: [node, server.js]\nentrypoint: [/usr/bin/tini, \"--\"]"))
  }

  @Test(arguments: [("my-var", "MY_VAR"), ("1VAR", "_1VAR"), ("app.port", "APP_PORT")])
  func environmentName(name: String, suggestion: String) throws {
    let text = baseSpec("environment:\n  \(name): x")
    let finding = try #require(expectFinding("env-name", .warning, at: 5, 3, in: text))
    #expect(finding.message.contains("(for example `\(suggestion)`)"))
  }

  @Test func secretName() {
    expectFinding("env-name", .warning, at: 5, 3, in: baseSpec("secrets:\n  db-password: /a/b"))
  }

  @Test func portableNames() {
    expectClean(baseSpec("environment:\n  MY_VAR: x\n  _private: y\n  lower9: z"))
  }

  @Test(arguments: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"])
  func awsCredentialsInEnvironment(name: String) {
    let text = baseSpec("environment:\n  \(name): abc123")
    expectFinding("env-aws-credentials", .error, at: 5, 3, in: text)
    // The credentials error replaces the generic "looks like a secret" warning.
    expectNoFinding("env-secret-literal", in: text)
  }

  @Test func awsCredentialsInSecrets() {
    let text = baseSpec("secrets:\n  AWS_SECRET_ACCESS_KEY: /orders/aws-secret")
    expectFinding("env-aws-credentials", .error, at: 5, 3, in: text)
  }

  @Test func otherAWSVariablesAreFine() {
    expectClean(baseSpec("environment:\n  AWS_REGION: eu-west-2\n  AWS_DEFAULT_REGION: eu-west-2"))
  }

  @Test(arguments: [
    "DB_PASSWORD", "STRIPE_API_KEY", "GITHUB_TOKEN", "app_secret", "SSH_PRIVATE_KEY",
  ])
  func secretWrittenAsLiteral(name: String) throws {
    let text = baseSpec("environment:\n  \(name): hunter2")
    let column = 3 + name.count + 2
    let finding = try #require(
      expectFinding("env-secret-literal", .warning, at: 5, column, in: text))
    #expect(
      finding.notes
        == ["for example `secrets: {\(name): /orders-api/\(name.lowercased())}`"])
  }

  /// An empty value is not a leaked secret, and ordinary names are not secrets.
  @Test func noSecretLiteral() {
    expectClean(baseSpec("environment:\n  DB_PASSWORD: \"\"\n  LOG_LEVEL: info"))
  }

  @Test func sameNameInEnvironmentAndSecrets() throws {
    let text = baseSpec(
      "environment:\n  DB_HOST: db.internal\nsecrets:\n  DB_HOST: /orders/db-host")
    let finding = try #require(expectFinding("env-secret-conflict", .error, at: 7, 3, in: text))
    #expect(finding.message.hasPrefix("`DB_HOST` is set in both `environment` and `secrets`"))
    expectClean(
      baseSpec("environment:\n  DB_HOST: db.internal\nsecrets:\n  DB_PASSWORD: /orders/db-password")
    )
  }

  @Test(arguments: [
    "db-password", "arn:aws:s3:::bucket/key", "\"/has space\"",
    "arn:aws:secretsmanager:eu-west-2:123456789012:secret:orders/db:only-a-key",
    "arn:aws:ssm:eu-west-2:1234:parameter/orders/db",
  ])
  func invalidSecretReference(reference: String) throws {
    let text = baseSpec("secrets:\n  DB_PASSWORD: \(reference)")
    let finding = try #require(expectFinding("secret-reference", .error, at: 5, 16, in: text))
    #expect(finding.notes.count == 2)
  }

  @Test(arguments: [
    "/orders/prod/db-password",
    "arn:aws:ssm:eu-west-2:123456789012:parameter/orders/prod/db-password",
    "arn:aws:secretsmanager:eu-west-2:123456789012:secret:orders/stripe-AbCdEf",
    "arn:aws:secretsmanager:eu-west-2:123456789012:secret:orders/stripe-AbCdEf:api_key:AWSCURRENT:3f1c2b",
    "\"arn:aws:secretsmanager:eu-west-2:123456789012:secret:orders/stripe-AbCdEf:api_key::\"",
  ])
  func validSecretReference(reference: String) {
    expectClean(baseSpec("secrets:\n  DB_PASSWORD: \(reference)"))
  }

  /// IAM grants access to the secret's ARN; ECS also needs the `:json-key:stage:id` selector.
  @Test func secretReferenceClassification() {
    let secretARN = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:orders/stripe-AbCdEf"
    #expect(SecretReference("/orders/db") == .ssmParameterName("/orders/db"))
    let parameterARN = "arn:aws:ssm:eu-west-2:123456789012:parameter/orders/db"
    #expect(SecretReference(parameterARN) == .ssmParameterARN(parameterARN))
    #expect(
      SecretReference(secretARN + ":api_key:AWSCURRENT:3f1c2b")
        == .secretsManager(secretARN: secretARN, selector: "api_key:AWSCURRENT:3f1c2b"))
    #expect(
      SecretReference(secretARN + ":api_key::")
        == .secretsManager(secretARN: secretARN, selector: "api_key::"))
    #expect(SecretReference(secretARN) == .secretsManager(secretARN: secretARN, selector: nil))
    #expect(SecretReference("db-password") == nil)
  }
}
