import ECSGenRendering
import ECSGenSpec
import Foundation

/// `logging.retention` and `tags`.
extension CopilotSpecMapper {
  func loggingEntries() -> [YAMLEntry] {
    guard let retentionValue = root.child("logging", "retention") else { return [] }
    guard let days = retentionValue.int else {
      warn(retentionValue, "not a number of days; ecsgen's default (30) applies.")
      return []
    }
    let allowed = Self.logRetentionDays.first { $0 >= days } ?? Self.logRetentionDays.last ?? 30
    return [
      YAMLEntry(
        "logs", .map([("retention_days", .int(allowed))]), spacedBefore: true,
        comments: [
          allowed == days
            ? "From \(Self.at(retentionValue))."
            : "WARNING: \(Self.at(retentionValue)) was \(days) days, which CloudWatch Logs does not offer; this is the next value it does."
        ])
    ]
  }

  /// CloudWatch Logs' retention values, in days.
  static let logRetentionDays = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
  ]

  func tagEntries() -> [YAMLEntry] {
    guard let tags = root.child("tags") else { return [] }
    let mapped = tags.entries.compactMap { name, value in
      value.string.map { YAMLEntry(name, .string($0)) }
    }
    guard !mapped.isEmpty else { return [] }
    return [
      YAMLEntry(
        "tags", .mapping(mapped), spacedBefore: true, comments: ["From \(Self.at(tags))."])
    ]
  }
}
