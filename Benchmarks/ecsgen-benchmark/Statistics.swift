/// The median and minimum of a set of measured values (seconds, MiB, ...).
struct Summary: Sendable {
  var median: Double
  var minimum: Double
  var maximum: Double

  /// Nil for no values. The median of an even count is the mean of the middle two.
  init?(_ values: [Double]) {
    let sorted = values.sorted()
    guard let first = sorted.first, let last = sorted.last else { return nil }
    minimum = first
    maximum = last
    let middle = sorted.count / 2
    median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

extension Duration {
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}

/// The runs of one figure, summarised the way the figure lines print them.
struct RunSet: Sendable {
  var runs: [ChildRun]

  /// Wall-clock seconds.
  var wall: Summary? { Summary(runs.map(\.wall.seconds)) }
  /// CPU seconds (user + system) of each run.
  var cpu: Summary? { Summary(runs.map(\.cpuSeconds)) }
  /// The largest peak resident set size of any of the runs, in MiB.
  var peakMiB: Double { runs.map(\.peakMiB).max() ?? 0 }
}
