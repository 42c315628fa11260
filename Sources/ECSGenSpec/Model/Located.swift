import ECSGenDiagnostics

/// A value as the user wrote it, with the position of its text in the spec file.
///
/// Every leaf of `ServiceSpec` is `Located`, so that validation (and later stages) can point a
/// diagnostic at the exact line and column of the offending value.
public struct Located<Value> {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
extension Located: Sendable where Value: Sendable {}

/// One `KEY: value` entry of a user-named map (`environment`, `secrets`, `tags`), keeping the
/// position of the key and of the value apart: a bad name points at the key, a bad value at the
/// value.
public struct MapEntry<Value>: Sendable where Value: Sendable {
  public var key: Located<String>
  public var value: Located<Value>

  public init(key: Located<String>, value: Located<Value>) {
    self.key = key
    self.value = value
  }
}

extension MapEntry: Equatable where Value: Equatable {}
