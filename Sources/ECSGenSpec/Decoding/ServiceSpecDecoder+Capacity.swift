import ECSGenDiagnostics
import Yams

extension ServiceSpecDecoder {
  /// `capacity`: a base on FARGATE plus either `spot: 75%` or the two weights.
  func decodeCapacity(_ node: Node) -> CapacitySpec? {
    guard let map = section(node, "capacity", SpecKeys.capacity) else { return nil }
    var capacity = CapacitySpec(location: map.location)
    func integer(_ key: String) -> Located<Int>? {
      map.value(key).flatMap { values.integer($0, field: map.field(key)) }
    }
    capacity.fargateBase = integer("fargate_base")
    capacity.fargateWeight = integer("fargate_weight")
    capacity.spotWeight = integer("spot_weight")
    capacity.spotPercent = map.value("spot").flatMap { percent($0, field: map.field("spot")) }
    return capacity
  }

  /// A percentage written `75%` or `75` (the `%` is optional, so that a plain number is not a
  /// type error); the range is checked by validation.
  private func percent(_ node: Node, field: String) -> Located<Int>? {
    if case .scalar(let scalar) = node {
      var text = Substring(scalar.string)
      if text.last == "%" { text = text.dropLast() }
      while text.last == " " { text = text.dropLast() }
      if !Quantities.hasOversizedNumber(scalar.string),
        let value = Quantities.nonNegativeInteger(text)
      {
        return Located(value, at: context.location(of: node))
      }
    }
    context.markUndecodable(field)
    context.report(
      .error(
        "wrong-type", at: context.location(of: node),
        "`\(field)` must be a percentage from `0%` to `100%`, such as `75%`, but is \(Self.describe(node))"
      ))
    return nil
  }

  private static func describe(_ node: Node) -> String {
    if case .scalar(let scalar) = node { return "`\(scalar.string)`" }
    return node.kindDescription
  }
}
