/// Finds the network endpoints an environment value points at (`postgres://db:5432/orders`,
/// `cache.example.com:6379`, `b-1.kafka:9092,b-2.kafka:9092`) and the TCP port each uses, so that
/// lint can tell when the tasks' egress rules would block the connection.
///
/// Deliberately conservative: a value is read as an endpoint only when it clearly is one, because a
/// warning on an ordinary value (a time `12:30`, an ARN, an image `postgres:16`, a bare number)
/// cannot be silenced. Loopback, link-local and wildcard hosts are never reported: security groups
/// do not filter them.
public enum NetworkEndpoints {
  /// One endpoint: the host as written, the port, and where the port came from.
  public struct Endpoint: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The URL scheme (lowercased), nil for a bare `host:port`.
    public var scheme: String?
    /// True when the port is written in the value, false when it is the scheme's default.
    public var explicitPort: Bool
  }

  /// Default ports of the URL schemes whose clients connect somewhere other than 443. `http` is
  /// left out on purpose: an `http://` URL without a port is as often the service's own public
  /// address or an identifier (an XML namespace) as a connection the service makes.
  static let defaultPorts: [String: Int] = [
    "postgres": 5432, "postgresql": 5432,
    "mysql": 3306, "mariadb": 3306, "mysqlx": 33060,
    "redis": 6379, "rediss": 6379, "valkey": 6379, "valkeys": 6379,
    "mongodb": 27017, "mongodb+srv": 27017,
    "amqp": 5672, "amqps": 5671,
    "neo4j": 7687, "neo4j+s": 7687, "neo4j+ssc": 7687,
    "bolt": 7687, "bolt+s": 7687, "bolt+ssc": 7687,
    "memcached": 11211, "nats": 4222,
    "mqtt": 1883, "mqtts": 8883,
    "ldap": 389, "ldaps": 636,
    "sqlserver": 1433, "mssql": 1433,
    "ssh": 22, "sftp": 22, "ftp": 21, "smtp": 25, "smtps": 465,
    "https": 443, "wss": 443,
  ]

  /// Every endpoint in `value`, in the order written.
  public static func endpoints(in value: String) -> [Endpoint] {
    var found: [Endpoint] = []
    // The scheme of the last URL, for the other hosts of a multi-host URL
    // (`postgresql://a:5432,b:5433/orders`).
    var currentScheme: String?
    for piece in value.split(separator: ",", omittingEmptySubsequences: false) {
      let item = piece.trimmingSpaces()
      guard !item.isEmpty, !item.contains(where: \.isWhitespace) else {
        currentScheme = nil
        continue
      }
      if let separator = item.utf8Range(of: "://") {
        let scheme = String(item[..<separator.lowerBound]).lowercased().droppingJDBCPrefix()
        guard isScheme(scheme) else {
          currentScheme = nil
          continue
        }
        let rest = item[separator.upperBound...]
        currentScheme = endsAuthority(rest) ? nil : scheme
        if let endpoint = authorityEndpoint(rest, scheme: scheme) { found.append(endpoint) }
      } else if let scheme = currentScheme {
        currentScheme = endsAuthority(item[...]) ? nil : scheme
        if let endpoint = authorityEndpoint(item[...], scheme: scheme) { found.append(endpoint) }
      } else if let endpoint = bareEndpoint(item) {
        found.append(endpoint)
      }
    }
    return found
  }

  /// True when a path, query or parameters follow the hosts: later commas are not more hosts.
  private static func endsAuthority(_ text: Substring) -> Bool {
    text.contains { authorityEnd.contains($0) }
  }

  private static let authorityEnd: Set<Character> = ["/", "?", "#", ";"]

  /// `[user[:password]@]host[:port][/path][?query]` after a scheme.
  private static func authorityEndpoint(_ rest: Substring, scheme: String) -> Endpoint? {
    let authority = rest.prefix { !authorityEnd.contains($0) }
    let hostAndPort =
      authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] }
      ?? authority
    guard let (host, portText) = splitHostAndPort(hostAndPort), !host.isEmpty,
      !isLocal(host)
    else { return nil }
    if let portText {
      guard let port = port(portText) else { return nil }
      return Endpoint(host: host, port: port, scheme: scheme, explicitPort: true)
    }
    guard let port = defaultPorts[scheme] else { return nil }
    return Endpoint(host: host, port: port, scheme: scheme, explicitPort: false)
  }

  /// `host:port` and nothing else: a DNS name, an IPv4 address or a bracketed IPv6 address. A
  /// single-label host needs a port of 1024 or more, so that an image such as `postgres:16` is not
  /// mistaken for a host.
  private static func bareEndpoint(_ item: String) -> Endpoint? {
    guard let (host, portText) = splitHostAndPort(item[...]), let portText,
      let port = port(portText), !isLocal(host)
    else { return nil }
    let isIPv6 = host.hasPrefix("[")
    guard isIPv6 || isIPv4Address(host) || isHostName(host) else { return nil }
    if !isIPv6 && !host.contains(".") && port < 1024 { return nil }
    return Endpoint(host: host, port: port, scheme: nil, explicitPort: true)
  }

  /// Splits `host`, `host:port`, `[v6]` or `[v6]:port`; nil when the text has another shape (an
  /// unbracketed IPv6 address, several colons).
  private static func splitHostAndPort(_ text: Substring) -> (String, Substring?)? {
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { return nil }
      let host = String(text[...close])
      let rest = text[text.index(after: close)...]
      if rest.isEmpty { return (host, nil) }
      guard rest.hasPrefix(":") else { return nil }
      return (host, rest.dropFirst())
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return (String(parts[0]), nil)
    case 2: return (String(parts[0]), parts[1])
    default: return nil
    }
  }

  /// 1-65535 written without a sign or leading zero.
  private static func port(_ text: Substring) -> Int? {
    guard let first = text.first, first != "0", text.count <= 5,
      let value = Quantities.nonNegativeInteger(text), (1...65535).contains(value)
    else { return nil }
    return value
  }

  /// A DNS name whose last label is not all digits (which tells `1.2` or `12` from a host).
  private static func isHostName(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard let last = labels.last, text.count <= 253, !last.allSatisfy(\.isASCIIDigit) else {
      return false
    }
    return labels.allSatisfy { label in
      (1...63).contains(label.count) && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "_" }
    }
  }

  private static func isIPv4Address(_ text: String) -> Bool {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4
      && octets.allSatisfy { octet in
        octet.count <= 3 && (Quantities.nonNegativeInteger(octet).map { $0 <= 255 } ?? false)
      }
  }

  /// Addresses a security group does not filter: the task itself, the wildcard address a server
  /// binds to, and link-local endpoints such as the task metadata service.
  private static func isLocal(_ host: String) -> Bool {
    let lowered = host.lowercased()
    return lowered == "localhost" || lowered.hasSuffix(".localhost") || lowered.hasPrefix("127.")
      || lowered.hasPrefix("169.254.") || lowered == "0.0.0.0" || lowered == "[::1]"
      || lowered == "[::]" || lowered.hasPrefix("[fe80:")
  }

  private static func isScheme(_ text: String) -> Bool {
    guard let first = text.first, first.isLowercaseASCIILetter else { return false }
    return text.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || "+.-".contains($0) }
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

extension String {
  /// `jdbc:postgresql` → `postgresql`: JDBC URLs put their own prefix before the scheme.
  fileprivate func droppingJDBCPrefix() -> String {
    hasPrefix("jdbc:") ? String(dropFirst(5)) : self
  }
}

extension String {
  /// The first occurrence of the ASCII `needle`, found over the UTF-8 bytes: a character-wise
  /// search would miss `://` when a joiner after `/` makes it part of one character.
  fileprivate func utf8Range(of needle: String) -> Range<String.Index>? {
    let bytes = Array(utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    for start in 0...(bytes.count - pattern.count)
    where bytes[start..<start + pattern.count].elementsEqual(pattern) {
      let lower = utf8.index(utf8.startIndex, offsetBy: start)
      return lower..<utf8.index(lower, offsetBy: pattern.count)
    }
    return nil
  }
}
