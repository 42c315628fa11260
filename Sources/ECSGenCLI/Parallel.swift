import Foundation

/// Runs independent pieces of work on all cores, keeping results in input order.
///
/// It runs its own threads rather than `DispatchQueue.concurrentPerform`: on Linux, libdispatch
/// sizes its worker pool from the machine's load, and with other processes busy it ran a whole
/// 1,000-spec render on one thread (measured: 0.96 CPUs used, twice the wall time). A fixed set
/// of threads, one per core, that take the next index until none is left, has no such heuristic.
enum Parallel {
  /// `body(0) ..< body(count)` in order; concurrently when there are enough items to pay for the
  /// threads (a handful of specs runs faster on one).
  ///
  /// `body` is escaping because the threads that run it may hold it a moment after they finish.
  static func map<T: Sendable>(
    _ count: Int, threshold: Int = 16, _ body: @escaping @Sendable (Int) -> T
  ) -> [T] {
    // The processor count reads cgroup files: 4% of a one-spec lint, so only when it matters.
    guard count >= threshold else { return (0..<count).map(body) }
    let threads = min(ProcessInfo.processInfo.activeProcessorCount, count)
    guard threads > 1 else { return (0..<count).map(body) }
    let work = SharedWork<T>(count: count)
    let finished = DispatchSemaphore(value: 0)
    // The calling thread works too, so `threads - 1` helpers join it.
    for _ in 1..<threads {
      Thread.detachNewThread {
        work.drain(body)
        finished.signal()
      }
    }
    work.drain(body)
    for _ in 1..<threads { finished.wait() }
    return work.results
  }
}

/// The next index to take and the results written by index; each slot is written exactly once.
private final class SharedWork<T: Sendable>: @unchecked Sendable {
  private var storage: [T?]
  private var next = 0
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  /// Takes indices and stores their results until every index is taken.
  func drain(_ body: (Int) -> T) {
    while let index = take() {
      let value = body(index)
      lock.lock()
      storage[index] = value
      lock.unlock()
    }
  }

  private func take() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < storage.count else { return nil }
    next += 1
    return next - 1
  }

  /// Every result in index order; call after all `drain`s have returned.
  var results: [T] { storage.compactMap { $0 } }
}
