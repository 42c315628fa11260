import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished child process returned.
struct ChildResult: Sendable {
  /// The exit status, or the signal number when `signaled` is true.
  var status: Int32
  var signaled: Bool
  var standardOutput: String
  var standardError: String

  var succeeded: Bool { !signaled && status == 0 }

  /// "exit status 1" or "killed by signal 9", for messages.
  var statusDescription: String {
    signaled ? "killed by signal \(status)" : "exit status \(status)"
  }
}

/// Runs a child process with its output captured, not inherited.
enum ChildProcess {
  /// Runs `executable` with `arguments`, reads its standard output and standard error to the end,
  /// and waits for it to exit.
  ///
  /// Both pipes are drained before waiting (standard error on another thread), so a child that
  /// writes more than a pipe buffer holds cannot block on a full pipe while we wait for it.
  static func run(_ executable: URL, arguments: [String]) throws -> ChildResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    // `waitUntilExit()` polls the run loop every 50 ms on Linux, which would dominate a short run;
    // the termination handler fires as soon as the child is reaped.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()

    let errorData = DataBox()
    let errorReader = DispatchGroup()
    let errorHandle = error.fileHandleForReading
    DispatchQueue.global().async(group: errorReader) {
      errorData.set(errorHandle.readDataToEndOfFile())
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorReader.wait()
    exited.wait()
    // Returns at once now; it releases the run-loop source the process registered.
    process.waitUntilExit()

    return ChildResult(
      status: process.terminationStatus,
      signaled: process.terminationReason == .uncaughtSignal,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.get(), as: UTF8.self))
  }
}

/// Data handed from the thread that reads a pipe to the thread that waits for it.
private final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func set(_ value: Data) {
    lock.lock()
    data = value
    lock.unlock()
  }

  func get() -> Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}

/// Runs `body` `runs` times and returns the wall-clock duration of each run, in order.
func measure<Failure: Error>(
  runs: Int, _ body: () throws(Failure) -> Void
) throws(Failure) -> [Duration] {
  let clock = ContinuousClock()
  var durations: [Duration] = []
  durations.reserveCapacity(runs)
  for _ in 0..<runs {
    let start = clock.now
    try body()
    durations.append(clock.now - start)
  }
  return durations
}

/// The minimum and median of a set of timed runs.
struct TimingSummary: Sendable {
  var minimum: Duration
  var median: Duration

  /// Nil for no durations.
  init?(_ durations: [Duration]) {
    let sorted = durations.sorted()
    guard let first = sorted.first else { return nil }
    minimum = first
    let middle = sorted.count / 2
    median =
      sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

extension Duration {
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }

  var milliseconds: Double { seconds * 1000 }
}

/// The peak resident set size, in MiB, of the largest child process this process has waited for
/// (`getrusage(RUSAGE_CHILDREN)`): a high-water mark over all children so far, not the last one.
/// Nil when `getrusage` fails.
func childrenPeakResidentMiB() -> Double? {
  var usage = rusage()
  #if canImport(Glibc)
    // Glibc imports the `who` constants as an enum that getrusage does not take directly.
    let who = __rusage_who_t(truncatingIfNeeded: RUSAGE_CHILDREN.rawValue)
  #else
    let who = RUSAGE_CHILDREN
  #endif
  guard getrusage(who, &usage) == 0 else { return nil }
  #if canImport(Darwin)
    // Bytes on Darwin.
    return Double(usage.ru_maxrss) / (1024 * 1024)
  #else
    // KiB on Linux.
    return Double(usage.ru_maxrss) / 1024
  #endif
}
