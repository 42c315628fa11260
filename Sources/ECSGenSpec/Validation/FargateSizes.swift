/// The CPU and memory combinations Fargate accepts (ECS API, "Task CPU and memory"; see
/// `shared/reference/aws-limits.md`). Any other pair fails at deploy time with "No Fargate
/// configuration exists for given values".
public enum FargateSizes {
  /// One CPU size and the memory values it allows, as a range with a step.
  public struct Size: Sendable {
    public var cpuUnits: Int
    public var memory: StrideThrough<Int>

    public var vCPU: String {
      cpuUnits % 1024 == 0 ? "\(cpuUnits / 1024)" : cpuUnits == 256 ? "0.25" : "0.5"
    }

    public var memoryValues: [Int] {
      // 256 CPU units take 512, 1024 and 2048 MiB: the only size whose list is not an even stride.
      cpuUnits == 256 ? [512, 1024, 2048] : Array(memory)
    }

    /// "512, 1024 or 2048 MiB", or "2048 to 8192 MiB in steps of 1024" for longer lists.
    public var memoryDescription: String {
      let values = memoryValues
      if values.count <= 4 {
        return values.dropLast().map(String.init).joined(separator: ", ")
          + " or \(values.last ?? 0) MiB"
      }
      return "\(values.first ?? 0) to \(values.last ?? 0) MiB in steps of \(memoryStep)"
    }

    private var memoryStep: Int {
      let values = memoryValues
      return values.count > 1 ? values[1] - values[0] : 0
    }
  }

  public static let all: [Size] = [
    Size(cpuUnits: 256, memory: stride(from: 512, through: 2048, by: 512)),
    Size(cpuUnits: 512, memory: stride(from: 1024, through: 4096, by: 1024)),
    Size(cpuUnits: 1024, memory: stride(from: 2048, through: 8192, by: 1024)),
    Size(cpuUnits: 2048, memory: stride(from: 4096, through: 16384, by: 1024)),
    Size(cpuUnits: 4096, memory: stride(from: 8192, through: 30720, by: 1024)),
    Size(cpuUnits: 8192, memory: stride(from: 16384, through: 61440, by: 4096)),
    Size(cpuUnits: 16384, memory: stride(from: 32768, through: 122880, by: 8192)),
  ]

  public static func size(cpuUnits: Int) -> Size? {
    all.first { $0.cpuUnits == cpuUnits }
  }

  public static func isValid(cpuUnits: Int, memoryMiB: Int) -> Bool {
    size(cpuUnits: cpuUnits)?.memoryValues.contains(memoryMiB) ?? false
  }

  /// The CPU sizes under which `memoryMiB` is allowed.
  public static func cpuSizes(allowing memoryMiB: Int) -> [Size] {
    all.filter { $0.memoryValues.contains(memoryMiB) }
  }
}
