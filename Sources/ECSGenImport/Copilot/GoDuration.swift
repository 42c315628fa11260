import Foundation

/// Copilot wrote durations as Go's `time.ParseDuration` reads them: `30s`, `1m30s`, `1.5h`,
/// `500ms`. The spec counts whole seconds.
enum GoDuration {
  /// The duration in seconds, rounded up to a whole second; nil when the text is not a Go
  /// duration or is negative or absurdly long (past 100 years).
  static func seconds(_ text: String) -> Int? {
    exactSeconds(text).map { Int($0.rounded(.up)) }
  }

  /// The duration in seconds with its fraction (`250ms` is 0.25), for ratios such as Copilot's
  /// backlog per task, which rounding each term to a second would change.
  static func exactSeconds(_ text: String) -> Double? {
    let units: [(String, Double)] = [
      // Two-letter units first, so that `ms` is not read as minutes.
      ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    if rest == "0" { return 0 }
    guard !rest.isEmpty, rest.count <= 64 else { return nil }
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
      rest = rest.dropFirst(unit.0.count)
      total += value * unit.1
    }
    guard total <= 3_153_600_000 else { return nil }
    return total
  }
}
