/// A JSON value whose objects keep their members in the order they were built, so that the
/// printed template has a fixed key order.
public indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  /// Integers only: CloudFormation numbers in ecsgen's output are always whole, and keeping them
  /// `Int` means no floating-point formatting can ever change a byte.
  case int(Int)
  case bool(Bool)
  case array([JSONValue])
  case object([JSONMember])

  /// An object whose keys are sorted alphabetically: the order of every property map.
  public static func sorted(_ members: [String: JSONValue]) -> JSONValue {
    .object(members.keys.sorted().compactMap { key in members[key].map { JSONMember(key, $0) } })
  }
}

public struct JSONMember: Sendable, Equatable {
  public var key: String
  public var value: JSONValue

  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
