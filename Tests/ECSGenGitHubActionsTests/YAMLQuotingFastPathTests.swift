import Testing

@testable import ECSGenRendering

/// The byte-wise plain-scalar check for printable ASCII must decide exactly as the general one.
@Suite struct YAMLQuotingFastPathTests {
  /// Every string of up to three characters over the characters that the rules look at, plus
  /// YAML's reserved words in several spellings and some longer values.
  static let corpus: [String] = {
    let alphabet = [
      " ", ":", "#", "-", "0", "7", "e", "E", ".", "+", "x", "o", "a", "'", "n", "~", "[",
    ]
    var strings: [String] = [""]
    var previous: [String] = [""]
    for _ in 1...3 {
      previous = previous.flatMap { prefix in alphabet.map { prefix + $0 } }
      strings += previous
    }
    let words = ["true", "False", "YES", "no", "On", "OFF", "y", "N", "null", "Null", "~", "nulls"]
    let values = [
      "1.0", "1e3", "2026-11-23", "12:30:00", "0x1F", "0o17", "+1", "-1", "v1.2.3",
      "arn:aws:iam::123:role/x", "a: b", "a #b", "a#b", "key:", "echo \"$X\"", "100%", "@x",
      "`x`", "ELBSecurityPolicy-TLS13-1-2-2021-06", "${{ secrets.X }}",
    ]
    return strings + words + values
  }()

  @Test func decidesAsTheGeneralCheck() {
    var compared = 0
    for text in Self.corpus {
      guard let fast = YAMLQuoting.isPlainSafeASCII(text) else {
        Issue.record("printable ASCII `\(text)` left the fast path")
        continue
      }
      #expect(fast == YAMLQuoting.isPlainSafe(text), "`\(text)`")
      compared += 1
    }
    #expect(compared > 5000)
  }

  @Test func leavesOtherTextToTheGeneralCheck() {
    for text in ["tab\there", "line\nbreak", "caf\u{E9}", "\u{7F}", "snow \u{2603}"] {
      #expect(YAMLQuoting.isPlainSafeASCII(text) == nil, "`\(text)`")
    }
  }
}
