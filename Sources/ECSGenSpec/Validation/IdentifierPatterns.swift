/// The shapes of the names and identifiers a spec refers to; each check is a whole-string match.
///
/// Written as character checks rather than `Regex`: Swift builds a `Regex` literal's matcher each
/// time the expression runs, which made these checks most of `ecsgen lint`'s run time.
enum IdentifierPatterns {
  static func isServiceName(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, text.count >= 2 else { return false }
    return first.isLowercaseASCIILetter && (last.isLowercaseASCIILetter || last.isASCIIDigit)
      && text.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || $0 == "-" }
  }

  /// `eu-west-2`, `us-gov-west-1`, `ap-southeast-4`.
  static func isRegion(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 3, let first = parts.first, let last = parts.last else { return false }
    return first.count == 2 && first.allSatisfy(\.isLowercaseASCIILetter)
      && parts.dropFirst().dropLast().allSatisfy {
        !$0.isEmpty && $0.allSatisfy(\.isLowercaseASCIILetter)
      }
      && !last.isEmpty && last.allSatisfy(\.isASCIIDigit)
  }

  static func isEnvironmentName(_ text: String) -> Bool {
    guard let first = text.first, first.isASCIILetter || first == "_" else { return false }
    return text.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
  }

  static func isRoleARN(_ text: String) -> Bool {
    guard let arn = ARN(text), arn.service == "iam", arn.region.isEmpty, arn.hasAccountID,
      let name = arn.resource.dropPrefix("role/")
    else { return false }
    return (1...512).contains(name.count) && name.allSatisfy(\.isIAMNameCharacter)
  }

  static func isManagedPolicyARN(_ text: String) -> Bool {
    guard let arn = ARN(text), arn.service == "iam", arn.region.isEmpty,
      arn.hasAccountID || arn.account == "aws", let name = arn.resource.dropPrefix("policy/")
    else { return false }
    return !name.isEmpty && name.allSatisfy(\.isIAMNameCharacter)
  }

  static func isCertificateARN(_ text: String) -> Bool {
    guard let arn = ARN(text), arn.service == "acm", arn.hasRegion, arn.hasAccountID,
      let id = arn.resource.dropPrefix("certificate/")
    else { return false }
    return !id.isEmpty && id.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }
  }

  /// An ARN of `service` in a real region and account, with a resource of letters, digits and
  /// `-_.:/` (an SQS queue, an SNS topic, an EventBridge bus).
  static func isServiceARN(_ text: String, service: String) -> Bool {
    guard let arn = ARN(text), arn.service == service, arn.hasRegion, arn.hasAccountID else {
      return false
    }
    return !arn.resource.isEmpty
      && arn.resource.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "-_.:/".contains($0) }
  }

  static func isKMSKeyARN(_ text: String) -> Bool {
    guard let arn = ARN(text), arn.service == "kms", arn.hasRegion, arn.hasAccountID,
      let id = arn.resource.dropPrefix("key/")
    else { return false }
    return !id.isEmpty && id.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }
  }

  /// An SSM parameter name given as a path (`/orders/prod/db-password`).
  static func isSSMParameterName(_ text: String) -> Bool {
    text.hasPrefix("/") && (2...2048).contains(text.count)
      && text.allSatisfy(\.isSSMParameterCharacter)
  }

  static func isSSMParameterARN(_ text: String) -> Bool {
    guard let arn = ARN(text), arn.service == "ssm", arn.hasRegion, arn.hasAccountID,
      let name = arn.resource.dropPrefix("parameter/")
    else { return false }
    return !name.isEmpty && name.allSatisfy(\.isSSMParameterCharacter)
  }

  /// A Secrets Manager secret ARN, optionally followed by `:json-key:version-stage:version-id`
  /// (empty fields keep their colons).
  static func isSecretsManagerARN(_ text: String) -> Bool {
    guard let arn = ARN(text), arn.service == "secretsmanager", arn.hasRegion, arn.hasAccountID
    else { return false }
    let fields = arn.resource.split(separator: ":", omittingEmptySubsequences: false)
    guard fields.count == 2 || fields.count == 5, fields[0] == "secret" else { return false }
    return !fields[1].isEmpty
      && fields[1].allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "/_+=.@-".contains($0) }
  }

  /// `service:Action`, where the action may use `*` and `?` wildcards.
  static func isIAMAction(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
    return parts[0].allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || $0 == "-" }
      && parts[1].allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "*" || $0 == "?" }
  }

  /// Any ARN, as a policy resource: wildcards are allowed in the region, account and resource.
  static func isARN(_ text: String) -> Bool {
    guard let arn = ARN(text), !arn.service.isEmpty, !arn.resource.isEmpty else { return false }
    return arn.service.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || $0 == "-" }
      && arn.region.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || "-*".contains($0) }
      && (arn.account.isEmpty || arn.hasAccountID || arn.account == "aws" || arn.account == "*")
  }

  /// An S3 bucket name (general purpose): 3-63 lowercase letters, digits, `.` and `-`, starting
  /// and ending with a letter or digit, no `..`.
  static func isBucketName(_ text: String) -> Bool {
    guard (3...63).contains(text.count), let first = text.first, let last = text.last else {
      return false
    }
    let edge: (Character) -> Bool = { $0.isLowercaseASCIILetter || $0.isASCIIDigit }
    return edge(first) && edge(last) && !text.contains("..")
      && text.allSatisfy { edge($0) || $0 == "." || $0 == "-" }
  }

  static func isVPCID(_ text: String) -> Bool { isResourceID(text, prefix: "vpc-") }
  static func isSubnetID(_ text: String) -> Bool { isResourceID(text, prefix: "subnet-") }
  static func isSecurityGroupID(_ text: String) -> Bool { isResourceID(text, prefix: "sg-") }
  /// A managed prefix list (`pl-...`), such as AWS's list for S3 or DynamoDB in a region.
  static func isPrefixListID(_ text: String) -> Bool { isResourceID(text, prefix: "pl-") }

  /// An EFS file system (`fs-` and 8 or 17 hexadecimal digits).
  static func isEFSFileSystemID(_ text: String) -> Bool { isResourceID(text, prefix: "fs-") }
  /// An EFS access point (`fsap-` and 8 or 17 hexadecimal digits).
  static func isEFSAccessPointID(_ text: String) -> Bool { isResourceID(text, prefix: "fsap-") }

  /// A Route 53 hosted zone id: `Z` and up to 31 more uppercase letters and digits.
  static func isHostedZoneID(_ text: String) -> Bool {
    text.hasPrefix("Z") && (2...32).contains(text.count)
      && text.allSatisfy { ("A"..."Z").contains($0) || $0.isASCIIDigit }
  }

  /// EC2 ids: the prefix and 8 or 17 lowercase hexadecimal digits.
  private static func isResourceID(_ text: String, prefix: String) -> Bool {
    guard let digits = text.dropPrefix(prefix) else { return false }
    return (digits.count == 8 || digits.count == 17)
      && digits.allSatisfy { $0.isASCIIDigit || ("a"..."f").contains($0) }
  }

  static func isClusterName(_ text: String) -> Bool {
    (1...255).contains(text.count)
      && text.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
  }

  /// ECR repository names: `/`-separated segments of lowercase letters and digits, joined inside a
  /// segment by single `.`, `_` or `-`.
  static func isECRRepositoryName(_ text: String) -> Bool {
    text.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
      guard let first = segment.first, let last = segment.last,
        first.isLowercaseASCIILetter || first.isASCIIDigit,
        last.isLowercaseASCIILetter || last.isASCIIDigit
      else { return false }
      var previousWasSeparator = false
      for character in segment {
        let isSeparator = ".-_".contains(character)
        guard isSeparator || character.isLowercaseASCIILetter || character.isASCIIDigit,
          !(isSeparator && previousWasSeparator)
        else { return false }
        previousWasSeparator = isSeparator
      }
      return true
    }
  }

  static func isLogGroupName(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "_-/.#".contains($0) }
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

/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, where the resource may itself contain colons.
struct ARN {
  var partition: Substring
  var service: Substring
  var region: Substring
  var account: Substring
  var resource: Substring

  init?(_ text: String) {
    let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard fields.count == 6, fields[0] == "arn", fields[1].hasPrefix("aws"),
      fields[1].allSatisfy({ $0.isLowercaseASCIILetter || $0 == "-" })
    else { return nil }
    partition = fields[1]
    service = fields[2]
    region = fields[3]
    account = fields[4]
    resource = fields[5]
  }

  var hasAccountID: Bool { account.count == 12 && account.allSatisfy(\.isASCIIDigit) }
  var hasRegion: Bool { IdentifierPatterns.isRegion(String(region)) }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
  var isLowercaseASCIILetter: Bool { ("a"..."z").contains(self) }
  var isASCIILetter: Bool { isLowercaseASCIILetter || ("A"..."Z").contains(self) }
  /// Characters IAM allows in role and policy names and paths.
  var isIAMNameCharacter: Bool { isASCIILetter || isASCIIDigit || "+=,.@_/-".contains(self) }
  var isSSMParameterCharacter: Bool { isASCIILetter || isASCIIDigit || "_.-/".contains(self) }
}

extension StringProtocol {
  /// The rest of the string after `prefix`, or nil when it does not start with it.
  func dropPrefix(_ prefix: String) -> SubSequence? {
    hasPrefix(prefix) ? dropFirst(prefix.count) : nil
  }
}
