import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Thousands of unknown keys cost time and output linear in their number.
@Suite struct UnknownKeyCostTests {
  @Test func onlyTheFirstUnknownKeyListsTheAllowedKeys() {
    let keys = (0..<50).map { "zz_unknown_\($0): 1" }.joined(separator: "\n")
    let loaded = load(baseSpec(keys))
    let unknown = loaded.findings("unknown-key")
    #expect(unknown.count == 50)
    #expect(unknown.filter { !$0.notes.isEmpty }.count == 1)
  }

  @Test func typosStillGetASuggestion() {
    let loaded = load(baseSpec("stop_timout: 30\ncoun: 2"))
    let messages = loaded.findings("unknown-key").map(\.message)
    #expect(messages.contains { $0.contains("did you mean `stop_timeout`") }, "\(messages)")
    #expect(messages.contains { $0.contains("did you mean `count`") }, "\(messages)")
  }

  /// A key of 1,000 characters (libyaml's limit for a key is 1,024) is reported shortened.
  @Test func longKeyIsShortenedInTheMessage() throws {
    let key = String(repeating: "a", count: 1_000)
    let loaded = load(baseSpec("\(key): 1"))
    let finding = try #require(loaded.findings("unknown-key").first)
    #expect(finding.message.count < 400)
  }

  /// 20,000 unknown keys of the length of real keys; the quadratic "did you mean" took seconds.
  @Test(.timeLimit(.minutes(1))) func manyUnknownKeysAreFast() {
    let keys = (0..<20_000).map { "health_check_\($0 * 7919 % 100_000): 1" }
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = load(baseSpec(keys.joined(separator: "\n"))) }
    #expect(elapsed < .seconds(10))
  }
}
