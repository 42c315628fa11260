/// Finds the known word a misspelt one was probably meant to be. Public so that every "did you
/// mean" of ecsgen (spec keys, and the Copilot importer's manifest keys) follows one rule.
public enum Spelling {
  /// The closest of `candidates` to `word`, if it is close enough to be a plausible typo: the same
  /// letters in another case or separator style (`healthCheck`, `health-check`), or within an edit
  /// distance of a third of the word's length (at least 1, at most 3).
  public static func closest(to word: String, among candidates: [String]) -> String? {
    closest(to: word, among: Candidates(candidates))
  }

  /// Known words with their normalized forms, computed once for all the words checked against
  /// them (a mapping with thousands of unknown keys normalizes its known keys once).
  struct Candidates {
    let words: [String]
    let normalized: [[Unicode.Scalar]]
    let longest: Int

    init(_ words: [String]) {
      self.words = words
      normalized = words.map(Spelling.normalize)
      longest = words.map(\.unicodeScalars.count).max() ?? 0
    }
  }

  static func closest(to word: String, among candidates: Candidates) -> String? {
    // A key longer than any known key plus the largest allowed distance cannot be a typo of one;
    // refusing it here keeps the cost of a hostile key (a megabyte long) at its length.
    guard word.unicodeScalars.count <= candidates.longest + 3 + 8 else { return nil }
    let normalized = normalize(word)
    if let same = candidates.normalized.firstIndex(of: normalized) {
      return candidates.words[same]
    }
    let allowed = min(3, max(1, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for (candidate, other) in zip(candidates.words, candidates.normalized) {
      // The distance is at least the difference in length: most candidates stop here.
      guard abs(other.count - normalized.count) <= allowed else { continue }
      guard let distance = editDistance(normalized, other, atMost: allowed) else { continue }
      if distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  private static func normalize(_ word: String) -> [Unicode.Scalar] {
    word.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }
  }

  /// Levenshtein distance with two rows of memory, or nil as soon as every entry of a row is
  /// above `limit` (the distance can only grow from there), so a word far from every candidate
  /// costs a few rows, not the product of the lengths.
  static func editDistance(
    _ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], atMost limit: Int = .max
  ) -> Int? {
    if lhs.isEmpty { return rhs.count <= limit ? rhs.count : nil }
    if rhs.isEmpty { return lhs.count <= limit ? lhs.count : nil }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for (i, left) in lhs.enumerated() {
      current[0] = i + 1
      var rowMinimum = current[0]
      for (j, right) in rhs.enumerated() {
        let substitution = previous[j] + (left == right ? 0 : 1)
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
        rowMinimum = min(rowMinimum, current[j + 1])
      }
      if rowMinimum > limit { return nil }
      swap(&previous, &current)
    }
    return previous[rhs.count] <= limit ? previous[rhs.count] : nil
  }
}
