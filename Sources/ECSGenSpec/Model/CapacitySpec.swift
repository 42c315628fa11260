import ECSGenDiagnostics

/// `capacity`: how a service's tasks are spread over Fargate and Fargate Spot (`web`, `backend`,
/// `worker`). Either `spot` (a percentage of the tasks beyond the base) or the two weights, not
/// both; the plan turns either form into a capacity provider strategy.
public struct CapacitySpec: Sendable, Equatable {
  public var location: SourceLocation
  /// Tasks that always run on FARGATE, before the weights share out the rest.
  public var fargateBase: Located<Int>?
  /// The share (0 to 100 percent) of the tasks beyond the base that run on FARGATE_SPOT.
  public var spotPercent: Located<Int>?
  /// The FARGATE weight of the strategy (exclusive with `spot`).
  public var fargateWeight: Located<Int>?
  /// The FARGATE_SPOT weight of the strategy (exclusive with `spot`).
  public var spotWeight: Located<Int>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

extension CapacitySpec {
  /// The weights of the strategy the spec asks for: `spot: P%` becomes the smallest whole
  /// weights in the ratio (100 - P) : P (`75%` → 1 : 3), and the weights form a missing weight as
  /// 0. Nil when the spec gives neither form, or both (validation reports it), so that the plan
  /// and the rules read one answer.
  public var weights: (fargate: Int, spot: Int)? {
    let hasWeights = fargateWeight != nil || spotWeight != nil
    if let percent = spotPercent?.value {
      guard !hasWeights, (0...100).contains(percent) else { return nil }
      let divisor = Self.greatestCommonDivisor(100 - percent, percent)
      return (fargate: (100 - percent) / divisor, spot: percent / divisor)
    }
    guard hasWeights else { return nil }
    return (fargate: fargateWeight?.value ?? 0, spot: spotWeight?.value ?? 0)
  }

  /// FARGATE's base: 0 unless written.
  public var resolvedFargateBase: Int { fargateBase?.value ?? 0 }

  private static func greatestCommonDivisor(_ first: Int, _ second: Int) -> Int {
    var (a, b) = (first, second)
    while b != 0 { (a, b) = (b, a % b) }
    return max(a, 1)
  }
}
