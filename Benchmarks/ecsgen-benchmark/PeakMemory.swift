import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child's peak memory is printed, given a floor that Linux puts under it.
///
/// `posix_spawn` starts the child in this process's address space (a vfork), and when the child
/// then executes ecsgen, Linux records this process's own peak RSS as the child's starting
/// `ru_maxrss`. So a child's figure is exact when it is above this process's peak and otherwise
/// only says "at most this much". This process keeps its own peak small (no spec is held in
/// memory, the binary is read in small chunks) so that the floor stays low.
enum PeakMemory {
  /// This process's own peak resident set size in MiB, nil when getrusage fails.
  static func ownPeakMiB() -> Double? {
    var usage = rusage()
    #if canImport(Glibc)
      // Glibc imports the `who` constants as an enum that getrusage does not take directly.
      let who = __rusage_who_t(truncatingIfNeeded: RUSAGE_SELF.rawValue)
    #else
      let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return nil }
    #if canImport(Darwin)
      return Double(usage.ru_maxrss) / (1024 * 1024)
    #else
      return Double(usage.ru_maxrss) / 1024
    #endif
  }

  /// "46.2 MiB", or "≤ 21.0 MiB (floor)" when the figure is not above this process's own peak.
  static func describe(_ mib: Double) -> String {
    #if canImport(Darwin)
      // Darwin's posix_spawn does not carry the parent's peak into the child.
      return "\(format(mib, 1)) MiB"
    #else
      if let floor = ownPeakMiB(), mib <= floor + 0.5 {
        return "≤ \(format(mib, 1)) MiB (floor)"
      }
      return "\(format(mib, 1)) MiB"
    #endif
  }
}
