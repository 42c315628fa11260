import Foundation

/// Copilot's `copilot/.workspace` file, which names the application the workspace belongs to.
public enum CopilotWorkspace {
  /// The `application:` value; nil when absent or not a plain name (letters, digits, `-`).
  public static func applicationName(in text: String) -> String? {
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.drop { $0 == " " }
      guard trimmed.hasPrefix("application:") else { continue }
      var value = trimmed.dropFirst("application:".count).trimmingCharacters(in: .whitespaces)
      if value.count >= 2, let first = value.first, first == "\"" || first == "'",
        value.last == first
      {
        value = String(value.dropFirst().dropLast())
      }
      let valid =
        !value.isEmpty && value.count <= 100
        && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
      return valid ? value : nil
    }
    return nil
  }
}
