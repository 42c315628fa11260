extension IdentifierPatterns {
  /// The parts of an Application Load Balancer listener ARN
  /// (`arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/LB_ID/LISTENER_ID`).
  struct ListenerARN: Sendable, Equatable {
    var region: String
    /// The load balancer's name.
    var loadBalancerName: String
    /// The load balancer's id (hex).
    var loadBalancerID: String
  }

  /// Nil unless `text` is the ARN of an Application Load Balancer's listener (a Network Load
  /// Balancer's listener, `listener/net/...`, cannot hold forwarding rules by host or path).
  static func listenerARN(_ text: String) -> ListenerARN? {
    guard let arn = ARN(text), arn.service == "elasticloadbalancing", arn.hasRegion,
      arn.hasAccountID
    else { return nil }
    let parts = arn.resource.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 5, parts[0] == "listener", parts[1] == "app",
      !parts[2].isEmpty, parts[2].count <= 32,
      parts[2].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }),
      [parts[3], parts[4]].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isHexDigit) })
    else { return nil }
    return ListenerARN(
      region: String(arn.region), loadBalancerName: String(parts[2]),
      loadBalancerID: String(parts[3]))
  }

  /// A `host-header` value: up to 128 characters of letters, digits, `-`, `.` and the wildcards
  /// `*` and `?`, with a `.` followed only by letters at the end (AWS's rule for host conditions).
  static func isHostCondition(_ text: String) -> Bool {
    guard !text.isEmpty, text.count <= 128,
      text.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "-.*?".contains($0) }),
      let dot = text.lastIndex(of: ".")
    else { return false }
    let tail = text[text.index(after: dot)...]
    return !tail.isEmpty && tail.allSatisfy(\.isASCIILetter)
  }

  /// A `path-pattern` value: up to 128 characters of letters, digits, `_-.$/~"'@:+&` and the
  /// wildcards `*` and `?` (the characters AWS lists for path conditions).
  static func isPathCondition(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 128
      && text.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "_-.$/~\"'@:+&*?".contains($0) }
  }
}
