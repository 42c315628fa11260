/// Checks an EventBridge Scheduler expression (`cron(...)`, `rate(...)`, `at(...)`) offline, by the
/// grammar the Scheduler documentation gives, so that a schedule AWS would refuse fails at lint
/// time. Each problem says which part is wrong.
enum ScheduleExpression {
  /// What is wrong with `text`, and an optional hint; nil when EventBridge accepts it.
  struct Problem: Equatable {
    var message: String
    var note: String?
  }

  static func problem(in text: String) -> Problem? {
    if let body = inner(text, "cron") { return cronProblem(body) }
    if let body = inner(text, "rate") { return rateProblem(body) }
    if let body = inner(text, "at") { return atProblem(body) }
    return Problem(
      message:
        "`\(text)` is not a schedule expression; write `cron(MIN HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK YEAR)`, `rate(N UNIT)` or `at(YYYY-MM-DDTHH:MM:SS)`",
      note: fiveFieldHint(text))
  }

  private static func inner(_ text: String, _ name: String) -> Substring? {
    guard text.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
    return text.dropFirst(name.count + 1).dropLast()
  }

  // MARK: rate

  private static func rateProblem(_ body: Substring) -> Problem? {
    let words = body.split(separator: " ")
    let units = ["minute", "minutes", "hour", "hours", "day", "days"]
    guard words.count == 2, let value = Int(words[0]), value >= 1,
      units.contains(String(words[1]))
    else {
      return Problem(
        message:
          "`rate(\(body))` is not a rate; write `rate(N UNIT)` with N a whole number of at least 1 and UNIT one of `minute`, `minutes`, `hour`, `hours`, `day`, `days`, such as `rate(15 minutes)`"
      )
    }
    let unit = String(words[1])
    let singular = !unit.hasSuffix("s")
    if value == 1 && !singular {
      return Problem(
        message:
          "`rate(1 \(unit))` uses a plural unit; EventBridge wants `rate(1 \(unit.dropLast()))`")
    }
    if value > 1 && singular {
      return Problem(
        message:
          "`rate(\(value) \(unit))` uses a singular unit; EventBridge wants `rate(\(value) \(unit)s)`"
      )
    }
    return nil
  }

  // MARK: at

  private static func atProblem(_ body: Substring) -> Problem? {
    // yyyy-mm-ddThh:mm:ss, local to the schedule's time zone.
    let shape = Array(body)
    let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
    let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
    let wellFormed =
      shape.count == 19 && digitPositions.allSatisfy { shape[$0].isASCII && shape[$0].isNumber }
      && separators.allSatisfy { shape[$0.0] == $0.1 }
    guard wellFormed,
      let month = Int(String(shape[5...6])), (1...12).contains(month),
      let day = Int(String(shape[8...9])), (1...31).contains(day),
      let hour = Int(String(shape[11...12])), (0...23).contains(hour),
      let minute = Int(String(shape[14...15])), (0...59).contains(minute),
      let second = Int(String(shape[17...18])), (0...59).contains(second)
    else {
      return Problem(
        message:
          "`at(\(body))` is not a one-time schedule; write `at(YYYY-MM-DDTHH:MM:SS)`, such as `at(2027-01-31T09:00:00)`, without a time zone suffix (set `schedule.time_zone` instead)"
      )
    }
    return nil
  }

  // MARK: cron

  /// One field of a cron expression: its name, its range, the names it accepts for values and the
  /// special characters it allows beyond `, - * /`.
  private struct Field {
    var name: String
    var range: ClosedRange<Int>
    var names: [String] = []
    var question = false
  }

  private static let fields = [
    Field(name: "minutes", range: 0...59),
    Field(name: "hours", range: 0...23),
    Field(name: "day-of-month", range: 1...31, question: true),
    Field(
      name: "month", range: 1...12,
      names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
    Field(
      name: "day-of-week", range: 1...7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
      question: true),
    Field(name: "year", range: 1970...2199),
  ]

  private static func cronProblem(_ body: Substring) -> Problem? {
    let parts = body.split(separator: " ").map(String.init)
    guard parts.count == 6 else {
      return Problem(
        message:
          "`cron(\(body))` has \(parts.count) field(s); EventBridge cron has six: minutes, hours, day-of-month, month, day-of-week, year",
        note: fiveFieldHint(String(body)))
    }
    for (field, text) in zip(fields, parts) {
      if let problem = fieldProblem(text, field) {
        return Problem(
          message: "`cron(\(body))`: the \(field.name) field `\(text)` \(problem)")
      }
    }
    let dayOfMonth = parts[2]
    let dayOfWeek = parts[4]
    if (dayOfMonth == "?") == (dayOfWeek == "?") {
      return Problem(
        message:
          "`cron(\(body))`: exactly one of day-of-month (`\(dayOfMonth)`) and day-of-week (`\(dayOfWeek)`) must be `?`; EventBridge cannot match both",
        note: "for every day at 03:00, write `cron(0 3 * * ? *)`")
    }
    return nil
  }

  /// What is wrong with one field, completing "the FIELD field `TEXT` ..."; nil when valid.
  private static func fieldProblem(_ text: String, _ field: Field) -> String? {
    if text == "?" {
      return field.question ? nil : "cannot be `?` (only day-of-month and day-of-week can)"
    }
    let isDayOfMonth = field.name == "day-of-month"
    let isDayOfWeek = field.name == "day-of-week"
    for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
      if item.isEmpty { return "has an empty item between commas" }
      if isDayOfMonth && (item == "L" || item == "LW") { continue }
      if isDayOfMonth, item.hasSuffix("W"), let day = Int(item.dropLast()),
        field.range.contains(day)
      {
        continue
      }
      if isDayOfWeek && item == "L" { continue }
      if isDayOfWeek, item.hasSuffix("L"), value(String(item.dropLast()), field) != nil { continue }
      if isDayOfWeek, let hash = item.firstIndex(of: "#") {
        let day = String(item[..<hash])
        guard value(day, field) != nil, let nth = Int(item[item.index(after: hash)...]),
          (1...5).contains(nth)
        else { return "uses `#` wrongly; write DAY#N with N from 1 to 5, such as `MON#1`" }
        continue
      }
      if let problem = stepProblem(item, field) { return problem }
    }
    return nil
  }

  /// `*`, `*/N`, `A`, `A-B`, `A/N`, `A-B/N`.
  private static func stepProblem(_ item: String, _ field: Field) -> String? {
    let pieces = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard pieces.count <= 2 else { return "has more than one `/`" }
    if pieces.count == 2 {
      guard let step = Int(pieces[1]), step >= 1 else {
        return "has an increment `/\(pieces[1])` that is not a whole number of at least 1"
      }
    }
    let base = pieces[0]
    if base == "*" { return nil }
    let bounds = base.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard bounds.count <= 2 else { return "has more than one `-` in `\(base)`" }
    for bound in bounds where value(bound, field) == nil {
      let names = field.names.isEmpty ? "" : " or one of \(field.names.joined(separator: " "))"
      return
        "has `\(bound)`, which is not a value from \(field.range.lowerBound) to \(field.range.upperBound)\(names)"
    }
    return nil
  }

  private static func value(_ text: String, _ field: Field) -> Int? {
    if let number = Int(text), field.range.contains(number), text.allSatisfy(\.isASCII) {
      return number
    }
    if let index = field.names.firstIndex(of: text.uppercased()) {
      return field.range.lowerBound + index
    }
    return nil
  }

  /// A Unix five-field cron (`0 3 * * *`), inside `cron(...)` or not, gets its six-field form.
  private static func fiveFieldHint(_ text: String) -> String? {
    let body = inner(text, "cron").map(String.init) ?? text
    var parts = body.split(separator: " ").map(String.init)
    guard parts.count == 5 else { return nil }
    if parts[4] == "*" {
      parts[4] = "?"
    } else if parts[2] == "*" {
      parts[2] = "?"
    }
    parts.append("*")
    return
      "a Unix cron has five fields; EventBridge adds a year and wants `?` in one day field: `cron(\(parts.joined(separator: " ")))`"
  }

  // MARK: time zone

  private static let areas: Set<String> = [
    "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
    "Indian", "Pacific", "Etc",
  ]

  /// `UTC`, `GMT` or an IANA `Area/Location` name such as `Europe/London`. The shape only: the
  /// list of locations changes with tzdata releases, and Foundation's list differs by platform.
  static func isTimeZoneName(_ text: String) -> Bool {
    if text == "UTC" || text == "GMT" { return true }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), areas.contains(String(parts[0])) else { return false }
    return parts.dropFirst().allSatisfy { part in
      !part.isEmpty && part.count <= 30
        && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-+".contains($0)) }
    }
  }
}
