/// Finds the Copilot key a misspelt one was probably meant to be.
///
/// The same rule as the spec's own "did you mean" (ECSGenSpec's `Spelling`, which that module
/// keeps internal): the same letters in another case or separator style, or an edit distance of
/// at most a third of the key's length (at least 1, at most 3).
enum CopilotKeySpelling {
  /// The closest of `candidates` to `word`, when it is a plausible typo of it.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let longest = candidates.map(\.unicodeScalars.count).max() ?? 0
    // A key much longer than every candidate cannot be a typo of one; refusing it here keeps a
    // hostile key (a megabyte long) at the cost of its length.
    guard word.unicodeScalars.count <= longest + 3 else { return nil }
    let normalized = normalize(word)
    guard !normalized.isEmpty else { return nil }
    let allowed = min(3, max(1, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let other = normalize(candidate)
      guard abs(other.count - normalized.count) <= allowed,
        let distance = editDistance(normalized, other, atMost: allowed)
      else { continue }
      if distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.candidate
  }

  private static func normalize(_ word: String) -> [Unicode.Scalar] {
    word.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }
  }

  /// Levenshtein distance with two rows, or nil as soon as a whole row is above `limit`.
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
