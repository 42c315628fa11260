import ECSGenSpec

/// Finds the Copilot key a misspelt one was probably meant to be, by the spec's own "did you
/// mean" rule (`Spelling`): the same letters in another case or separator style, or an edit
/// distance of at most a third of the key's length (at least 1, at most 3).
enum CopilotKeySpelling {
  /// The closest of `candidates` to `word`, when it is a plausible typo of it; never `word`
  /// itself, and nothing for a key of separators only (`_`, `-`), which is close to everything.
  static func closest(to word: String, among candidates: [String]) -> String? {
    guard word.contains(where: { $0 != "_" && $0 != "-" }) else { return nil }
    return Spelling.closest(to: word, among: candidates.filter { $0 != word })
  }
}
