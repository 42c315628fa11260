import ECSGenDiagnostics

/// One entry of `network.egress`: lets the tasks open connections to `port` (or a range of ports)
/// at the listed destinations, such as a database's security group.
public struct EgressRuleSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var port: Located<PortRange>?
  public var transport: Located<EgressProtocol>?
  public var cidrs: [Located<String>]?
  public var securityGroups: [Located<String>]?
  public var prefixLists: [Located<String>]?

  public init(location: SourceLocation) {
    self.location = location
  }

  /// Every destination, whatever its kind, for rules that only count them.
  public var destinationCount: Int {
    (cidrs?.count ?? 0) + (securityGroups?.count ?? 0) + (prefixLists?.count ?? 0)
  }
}

/// `port: 5432` (one port) or `port: 8000-8100` (an inclusive range).
public struct PortRange: Sendable, Equatable, Hashable {
  public var from: Int
  public var to: Int

  public init(from: Int, to: Int) {
    self.from = from
    self.to = to
  }

  public func contains(_ port: Int) -> Bool { from <= port && port <= to }

  /// `5432` or `8000-8100`, as written in a spec.
  public var text: String { from == to ? String(from) : "\(from)-\(to)" }

  /// Parses `5432` or `8000-8100` (no sign, no spaces); nil for anything else.
  public init?(text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count),
      let from = Quantities.nonNegativeInteger(String(parts[0])),
      let to = parts.count == 2 ? Quantities.nonNegativeInteger(String(parts[1])) : from
    else { return nil }
    self.init(from: from, to: to)
  }
}

/// The transport protocol of an egress rule: security groups filter TCP and UDP separately.
public enum EgressProtocol: String, Sendable, Equatable, CaseIterable {
  case tcp
  case udp
}
