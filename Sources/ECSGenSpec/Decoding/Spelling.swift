/// Finds the known word a misspelt one was probably meant to be.
enum Spelling {
  /// The closest of `candidates` to `word`, if it is close enough to be a plausible typo: the same
  /// letters in another case or separator style (`healthCheck`, `health-check`), or within an edit
  /// distance of a third of the word's length (at least 1, at most 3).
  static func closest(to word: String, among candidates: [String]) -> String? {
    let normalized = normalize(word)
    if let sameLetters = candidates.first(where: { normalize($0) == normalized }) {
      return sameLetters
    }
    let allowed = min(3, max(1, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(normalized, normalize(candidate))
      if distance <= allowed && distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  private static func normalize(_ word: String) -> [Character] {
    Array(word.lowercased().filter { $0 != "_" && $0 != "-" })
  }

  /// Levenshtein distance with two rows of memory.
  static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for (i, left) in lhs.enumerated() {
      current[0] = i + 1
      for (j, right) in rhs.enumerated() {
        let substitution = previous[j] + (left == right ? 0 : 1)
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[rhs.count]
  }
}
