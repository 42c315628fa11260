import Foundation

/// Copilot's `on.schedule` in EventBridge's syntax, as Copilot itself converted it when it
/// deployed a job: `@daily`-style shortcuts become cron expressions, `@every 1h30m` a rate in
/// minutes, a five-field Unix cron a six-field AWS cron; `cron(...)` and `rate(...)` pass.
enum CopilotSchedule {
  enum Conversion: Equatable {
    /// The expression, and how it was derived (nil when written as it was).
    case expression(String, from: String?)
    /// `none`: Copilot deployed the job without a trigger.
    case disabled
    case unusable
  }

  static func convert(_ text: String) -> Conversion {
    let schedule = text.trimmingCharacters(in: .whitespaces)
    if schedule.hasPrefix("cron(") || schedule.hasPrefix("rate(") || schedule.hasPrefix("at(") {
      return .expression(schedule, from: nil)
    }
    if schedule == "none" { return .disabled }
    // Copilot matched the shortcuts by prefix, as here.
    let presets: [(String, String)] = [
      ("@hourly", "0 * * * ? *"), ("@midnight", "0 0 * * ? *"), ("@daily", "0 0 * * ? *"),
      ("@weekly", "0 0 ? * 1 *"), ("@monthly", "0 0 1 * ? *"), ("@annually", "0 0 1 1 ? *"),
      ("@yearly", "0 0 1 1 ? *"),
    ]
    if schedule.hasPrefix("@every ") {
      guard let seconds = GoDuration.seconds(String(schedule.dropFirst("@every ".count))),
        seconds >= 60, seconds % 60 == 0
      else { return .unusable }
      let minutes = seconds / 60
      return .expression("rate(\(minutes) minute\(minutes == 1 ? "" : "s"))", from: schedule)
    }
    if let preset = presets.first(where: { schedule.hasPrefix($0.0) }) {
      return .expression("cron(\(preset.1))", from: schedule)
    }
    return unixCron(schedule).map { .expression($0, from: schedule) } ?? .unusable
  }

  /// `0 9 * * 1-5` → `cron(0 9 ? * 2-6 *)`: a `?` in the day field left open, days of the week
  /// counted from 1 (Sunday) instead of 0, and a year field.
  static func unixCron(_ text: String) -> String? {
    var fields = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard fields.count == 5,
      fields.allSatisfy({
        $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "*/,-?#".contains($0)) }
      })
    else { return nil }
    let open: (String) -> Bool = { $0.contains("*") || $0.contains("?") }
    switch (open(fields[2]), open(fields[4])) {
    case (true, true):
      fields[2] = "*"
      fields[4] = "?"
    case (true, false): fields[2] = "?"
    case (false, true): fields[4] = "?"
    case (false, false): return nil
    }
    if fields[4] != "?" {
      fields[4] = shiftDaysOfWeek(fields[4])
    }
    return "cron(" + fields.joined(separator: " ") + " *)"
  }

  /// Unix counts Sunday as 0 (and 7), AWS as 1: every day number in the field moves up by one.
  /// A step after `/` and the week after `#` (`1#2`, the second Monday) count other things and
  /// stay as they are.
  static func shiftDaysOfWeek(_ field: String) -> String {
    var output = ""
    var number = ""
    func flush() {
      if let value = Int(number) { output += String(value % 7 + 1) } else { output += number }
      number = ""
    }
    var afterSlash = false
    for character in field {
      if character.isNumber {
        number.append(character)
      } else {
        if afterSlash { output += number; number = "" } else { flush() }
        afterSlash = character == "/" || character == "#"
        output.append(character)
      }
    }
    if afterSlash { output += number } else { flush() }
    return output
  }
}
