import ECSGenSpec
import Foundation

/// Loads many spec files, on all cores when there are enough of them to pay for the threads.
public enum SpecBatch {
  /// The loaded specs in the order of `files`. Throws the first file that cannot be opened.
  public static func load(_ files: [SpecFile]) throws(SpecReadError) -> [LoadedSpec] {
    if files.count < 16 {
      var results: [LoadedSpec] = []
      for file in files { results.append(try load(file)) }
      return results
    }
    let slots = ResultSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots.set(index, Result { () throws(SpecReadError) in try load(files[index]) })
    }
    return try slots.values()
  }

  private static func load(_ file: SpecFile) throws(SpecReadError) -> LoadedSpec {
    try ServiceSpecLoader.load(path: file.readPath, displayName: file.displayPath)
  }
}

/// Results written by index from concurrent iterations; each slot is written exactly once.
private final class ResultSlots: @unchecked Sendable {
  private var results: [Result<LoadedSpec, SpecReadError>?]
  private let lock = NSLock()

  init(count: Int) {
    results = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ result: Result<LoadedSpec, SpecReadError>) {
    lock.lock()
    results[index] = result
    lock.unlock()
  }

  func values() throws(SpecReadError) -> [LoadedSpec] {
    var loaded: [LoadedSpec] = []
    for result in results {
      guard let result else { continue }
      loaded.append(try result.get())
    }
    return loaded
  }
}
