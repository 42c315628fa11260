import ECSGenSpec

/// The Fargate size for a Lambda function: the smallest valid CPU/memory pair that gives at least
/// the function's memory and its share of CPU (Lambda gives one full vCPU at 1769 MB).
public struct FargateSizing: Sendable, Equatable {
  public var cpuUnits: Int
  public var memoryMiB: Int
  /// The arithmetic, for a comment in the imported spec.
  public var explanation: [String]

  static let megabytesPerVCPU = 1769

  public init(lambdaMemoryMB memory: Int) {
    // CPU units needed: memory / 1769 vCPU, times 1024 units per vCPU, rounded up.
    let neededUnits = (memory * 1024 + Self.megabytesPerVCPU - 1) / Self.megabytesPerVCPU
    let choice = FargateSizes.all.lazy.compactMap { size -> (Int, Int)? in
      guard size.cpuUnits >= neededUnits,
        let memoryMiB = size.memoryValues.first(where: { $0 >= memory })
      else { return nil }
      return (size.cpuUnits, memoryMiB)
    }.first
    // Lambda's 10240 MB maximum always fits (8 vCPU allows up to 61440 MiB).
    let (cpu, memoryMiB) = choice ?? (8192, 16384)
    cpuUnits = cpu
    self.memoryMiB = memoryMiB
    let vCPU = Double(memory) / Double(Self.megabytesPerVCPU)
    explanation = [
      "Lambda gives \(memory) MB and \(memory) / 1769 = \(Self.twoDecimals(vCPU)) vCPU (1769 MB is one vCPU).",
      "The smallest Fargate CPU at or above that is \(cpu) units (\(Self.vCPU(cpu)) vCPU); the",
      "smallest memory it allows at or above \(memory) MiB is \(memoryMiB) MiB.",
    ]
  }

  /// "2" for 2048 CPU units, as Fargate's table names the size.
  static func vCPU(_ units: Int) -> String {
    FargateSizes.size(cpuUnits: units)?.vCPU ?? String(Double(units) / 1024)
  }

  private static func twoDecimals(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
