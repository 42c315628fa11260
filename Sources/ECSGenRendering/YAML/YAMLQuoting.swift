/// Decides how a string is written so that YAML (1.1 or 1.2) reads it back as the same string.
public enum YAMLQuoting {
  public static func key(_ key: String) -> String {
    // `on` is YAML 1.1's boolean true, but it is the key every workflow uses and GitHub reads it
    // as the string; quoting it would only surprise readers.
    key == "on" ? key : scalar(key)
  }

  /// Plain when that is unambiguous, single-quoted otherwise.
  public static func scalar(_ text: String) -> String {
    isPlainSafe(text) ? text : "'" + text.replacingAll("'", with: "''") + "'"
  }

  private static let reserved: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
  ]

  private static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, first != " ", last != " " else {
      return false
    }
    if reserved.contains(text.lowercased()) { return false }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
    if text.contains(": ") || text.contains(" #") || last == ":" { return false }
    if text.contains(where: { $0.isNewline || $0 == "\t" || ($0.asciiValue ?? 0x20) < 0x20 }) {
      return false
    }
    // Anything a YAML 1.1 reader might take for a number or a date stays quoted.
    let numberLike = text.allSatisfy { $0.isNumber || "._+-:eE".contains($0) }
    if numberLike && text.contains(where: \.isNumber) { return false }
    if text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
    return true
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
