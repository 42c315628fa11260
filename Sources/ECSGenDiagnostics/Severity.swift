/// How serious a diagnostic is. Errors stop rendering; warnings stop it only under `--strict`.
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable {
  case error
  case warning
  case note

  /// Sort order among diagnostics at the same position: the most serious first.
  var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }
}
