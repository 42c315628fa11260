import Foundation

/// A figure's target, printed after it as "(target ≤ 8 ms)" or "(target ≤ 8 ms, MISSED)".
struct Target {
  /// The limit, in the unit the figure is printed in.
  var limit: Double
  /// How the limit is printed, such as "8 ms" or "1.10".
  var text: String
  /// True when more is better (a speed-up), false when less is better (time, memory).
  var atLeast = false
  /// "target", or "goal" for a figure that is an aim rather than a promise (the CDK ratio).
  var word = "target"
  /// Set when the figure was measured at another scale than the target names ("for 1000
  /// specs"): then it is not judged, since a smaller batch would pass too easily.
  var scaleNote: String?

  /// The note for `value`, in the same unit as `limit`.
  func note(_ value: Double) -> String {
    let comparison = atLeast ? "≥" : "≤"
    if let scaleNote {
      return "(\(word) \(comparison) \(text) \(scaleNote))"
    }
    let met = atLeast ? value >= limit : value <= limit
    return "(\(word) \(comparison) \(text)\(met ? "" : ", MISSED"))"
  }
}

/// `value` with `decimals` digits after the point.
func format(_ value: Double, _ decimals: Int) -> String {
  String(format: "%.\(decimals)f", value)
}

/// "1 spec" or "200 specs".
func specs(_ count: Int) -> String {
  count == 1 ? "1 spec" : "\(count) specs"
}
