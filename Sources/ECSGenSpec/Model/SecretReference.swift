/// Where a secret's value comes from, classified from the text of its reference.
public enum SecretReference: Sendable, Equatable {
  /// An SSM parameter given by name (`/orders/prod/db-password`), in the task's own region.
  case ssmParameterName(String)
  /// An SSM parameter given by ARN.
  case ssmParameterARN(String)
  /// A Secrets Manager secret: the secret's ARN, and the `:json-key:version-stage:version-id`
  /// suffix when one was given (ECS reads it; IAM needs the ARN without it).
  case secretsManager(secretARN: String, selector: String?)

  /// Nil when `text` is none of the three forms.
  public init?(_ text: String) {
    if text.hasPrefix("/") {
      guard IdentifierPatterns.isSSMParameterName(text) else { return nil }
      self = .ssmParameterName(text)
    } else if IdentifierPatterns.isSSMParameterARN(text) {
      self = .ssmParameterARN(text)
    } else if IdentifierPatterns.isSecretsManagerARN(text) {
      // arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME is 7 colon-separated fields.
      let fields = text.split(separator: ":", omittingEmptySubsequences: false)
      let secretARN = fields.prefix(7).joined(separator: ":")
      let selector = fields.count > 7 ? fields.dropFirst(7).joined(separator: ":") : nil
      self = .secretsManager(secretARN: secretARN, selector: selector)
    } else {
      return nil
    }
  }
}
