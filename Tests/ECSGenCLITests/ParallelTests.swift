import Testing

@testable import ECSGenCLI

@Suite struct ParallelTests {
  /// Results come back in input order, every index exactly once, however the threads interleave;
  /// many rounds, so that a race between the threads and the return shows up here and not in a
  /// user's render.
  @Test func resultsKeepInputOrderOverManyRounds() {
    for round in 0..<300 {
      let count = 16 + round % 50
      let results = Parallel.map(count) { index in index * 3 + round }
      #expect(results == (0..<count).map { $0 * 3 + round })
    }
  }

  @Test func fewItemsRunOnTheCallingThread() {
    #expect(Parallel.map(3) { $0 + 1 } == [1, 2, 3])
    #expect(Parallel.map(0) { $0 }.isEmpty)
  }
}
