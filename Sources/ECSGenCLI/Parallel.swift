import Foundation

/// Runs independent pieces of work on all cores, keeping results in input order.
enum Parallel {
  /// `body(0) ..< body(count)` in order; concurrently when there are enough items to pay for the
  /// threads (a handful of specs runs faster on one).
  static func map<T: Sendable>(
    _ count: Int, threshold: Int = 16, _ body: @Sendable (Int) -> T
  ) -> [T] {
    guard count >= threshold else { return (0..<count).map(body) }
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.set(index, body(index))
    }
    return slots.values
  }
}

/// Results written by index from concurrent iterations; each slot is written exactly once.
private final class Slots<T: Sendable>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  var values: [T] { storage.compactMap { $0 } }
}
