/// The shapes of the names and identifiers a spec refers to. Each is a whole-string match.
///
/// `Regex` values are not `Sendable`, so each pattern is built where it is used (Swift compiles the
/// literal once per call site; building the matcher is cheap next to reading a file).
enum IdentifierPatterns {
  static func isServiceName(_ text: String) -> Bool {
    text.wholeMatch(of: #/[a-z][a-z0-9-]*[a-z0-9]/#) != nil
  }

  static func isRegion(_ text: String) -> Bool {
    text.wholeMatch(of: #/[a-z]{2}(-[a-z]+)+-[0-9]+/#) != nil
  }

  static func isEnvironmentName(_ text: String) -> Bool {
    text.wholeMatch(of: #/[A-Za-z_][A-Za-z0-9_]*/#) != nil
  }

  static func isRoleARN(_ text: String) -> Bool {
    text.wholeMatch(of: #/arn:aws[a-z-]*:iam::[0-9]{12}:role\/[A-Za-z0-9+=,.@_\/-]{1,512}/#) != nil
  }

  static func isManagedPolicyARN(_ text: String) -> Bool {
    text.wholeMatch(of: #/arn:aws[a-z-]*:iam::(aws|[0-9]{12}):policy\/[A-Za-z0-9+=,.@_\/-]+/#)
      != nil
  }

  static func isCertificateARN(_ text: String) -> Bool {
    text.wholeMatch(of: #/arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate\/[A-Za-z0-9-]+/#)
      != nil
  }

  static func isKMSKeyARN(_ text: String) -> Bool {
    text.wholeMatch(of: #/arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[A-Za-z0-9-]+/#) != nil
  }

  /// An SSM parameter name given as a path (`/orders/prod/db-password`).
  static func isSSMParameterName(_ text: String) -> Bool {
    text.count <= 2048 && text.wholeMatch(of: #/\/[A-Za-z0-9_.\-\/]+/#) != nil
  }

  static func isSSMParameterARN(_ text: String) -> Bool {
    text.wholeMatch(of: #/arn:aws[a-z-]*:ssm:[a-z0-9-]+:[0-9]{12}:parameter\/[A-Za-z0-9_.\-\/]+/#)
      != nil
  }

  /// A Secrets Manager secret ARN, optionally followed by `:json-key:version-stage:version-id`
  /// (empty fields keep their colons).
  static func isSecretsManagerARN(_ text: String) -> Bool {
    text.wholeMatch(
      of:
        #/arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9\/_+=.@-]+(:[^:]*:[^:]*:[^:]*)?/#
    ) != nil
  }

  /// `service:Action`, where the action may use `*` and `?` wildcards.
  static func isIAMAction(_ text: String) -> Bool {
    text.wholeMatch(of: #/[a-z0-9-]+:[A-Za-z0-9*?]+/#) != nil
  }

  static func isARN(_ text: String) -> Bool {
    text.wholeMatch(of: #/arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-*]*:([0-9]{12}|aws|\*)?:.+/#) != nil
  }

  static func isVPCID(_ text: String) -> Bool {
    text.wholeMatch(of: #/vpc-([0-9a-f]{8}|[0-9a-f]{17})/#) != nil
  }

  static func isSubnetID(_ text: String) -> Bool {
    text.wholeMatch(of: #/subnet-([0-9a-f]{8}|[0-9a-f]{17})/#) != nil
  }

  static func isSecurityGroupID(_ text: String) -> Bool {
    text.wholeMatch(of: #/sg-([0-9a-f]{8}|[0-9a-f]{17})/#) != nil
  }

  static func isClusterName(_ text: String) -> Bool {
    text.wholeMatch(of: #/[A-Za-z0-9_-]{1,255}/#) != nil
  }

  /// ECR repository names: lowercase path segments separated by `/`.
  static func isECRRepositoryName(_ text: String) -> Bool {
    text.wholeMatch(of: #/([a-z0-9]+([._-][a-z0-9]+)*\/)*[a-z0-9]+([._-][a-z0-9]+)*/#) != nil
  }

  static func isLogGroupName(_ text: String) -> Bool {
    text.wholeMatch(of: #/[A-Za-z0-9_\-\/.#]+/#) != nil
  }

  /// An IPv4 CIDR block such as `10.0.0.0/16`.
  static func isIPv4CIDR(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let prefix = Quantities.nonNegativeInteger(parts[1]), prefix <= 32
    else { return false }
    let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4
      && octets.allSatisfy { octet in
        octet.count <= 3 && (Quantities.nonNegativeInteger(octet).map { $0 <= 255 } ?? false)
      }
  }

  /// An IPv6 CIDR block such as `2001:db8::/32` (shape only: hex groups and a prefix up to 128).
  static func isIPv6CIDR(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let prefix = Quantities.nonNegativeInteger(parts[1]), prefix <= 128,
      parts[0].contains(":")
    else { return false }
    return parts[0].allSatisfy { $0.isHexDigit || $0 == ":" }
  }
}
