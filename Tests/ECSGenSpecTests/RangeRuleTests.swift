import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `out-of-range` for every field with an AWS limit: values just outside are errors at the value,
/// values at the bounds are accepted.
@Suite struct RangeRuleTests {
  struct Field: Sendable, CustomTestStringConvertible {
    /// `key` at the top level, or `section.key`.
    var path: String
    var invalid: [String]
    var valid: [String]
    /// More lines for the same section, which it needs to be valid otherwise.
    var context: [String] = []

    var testDescription: String { path }

    /// The spec, and the position of the value: line 4 at the top level, line 5 in a section.
    func spec(_ value: String) -> (text: String, line: Int, column: Int) {
      let parts = path.split(separator: ".").map(String.init)
      guard parts.count == 2 else {
        return (baseSpec("\(path): \(value)"), 4, path.count + 3)
      }
      let lines = ["\(parts[1]): \(value)"] + context
      let text =
        parts[0] == "load_balancer"
        ? baseSpec(loadBalancer: lines.joined(separator: "\n"))
        : baseSpec("\(parts[0]):\n" + lines.map { "  " + $0 }.joined(separator: "\n"))
      return (text, 5, parts[1].count + 5)
    }
  }

  static let fields: [Field] = [
    Field(path: "ephemeral_storage", invalid: ["20", "201", "500 GiB"], valid: ["21", "200 GiB"]),
    Field(path: "stop_timeout", invalid: ["1", "121", "2m1s"], valid: ["2", "2m"]),
    Field(path: "health_check.interval", invalid: ["4", "301", "6m"], valid: ["6", "5m"]),
    Field(path: "health_check.timeout", invalid: ["1", "121"], valid: ["2", "120"]),
    Field(path: "health_check.healthy_threshold", invalid: ["1", "11"], valid: ["2", "10"]),
    Field(path: "health_check.unhealthy_threshold", invalid: ["1", "11"], valid: ["2", "10"]),
    Field(
      path: "health_check.grace_period", invalid: ["2147483648"],
      valid: ["0", "2147483647", "7d"]),
    Field(
      path: "container_health_check.interval", invalid: ["4", "301"], valid: ["5", "300"],
      context: ["command: [CMD, /bin/check]"]),
    Field(
      path: "container_health_check.timeout", invalid: ["1", "61"], valid: ["2", "60"],
      context: ["command: [CMD, /bin/check]"]),
    Field(
      path: "container_health_check.retries", invalid: ["0", "11"], valid: ["1", "10"],
      context: ["command: [CMD, /bin/check]"]),
    Field(
      path: "container_health_check.start_period", invalid: ["301", "5m1s"], valid: ["0", "5m"],
      context: ["command: [CMD, /bin/check]"]),
    Field(path: "load_balancer.idle_timeout", invalid: ["0", "4001"], valid: ["1", "4000"]),
    Field(
      path: "load_balancer.deregistration_delay", invalid: ["3601", "2h"], valid: ["0", "1h"]),
    Field(path: "load_balancer.stickiness", invalid: ["0", "8d"], valid: ["1", "7d"]),
    Field(
      path: "autoscaling.cpu", invalid: ["0", "101"], valid: ["1", "100"],
      context: ["min: 1", "max: 2"]),
    Field(
      path: "autoscaling.memory", invalid: ["0", "101"], valid: ["1", "100"],
      context: ["min: 1", "max: 2"]),
    Field(
      path: "autoscaling.requests_per_target", invalid: ["0"], valid: ["1", "100000"],
      context: ["min: 1", "max: 2"]),
    Field(path: "deployment.min_healthy_percent", invalid: ["101"], valid: ["0", "100"]),
    Field(path: "deployment.max_percent", invalid: ["99", "401"], valid: ["100", "400"]),
  ]

  @Test(arguments: fields)
  func outsideTheRange(_ field: Field) {
    for value in field.invalid {
      let (text, line, column) = field.spec(value)
      let finding = expectFinding("out-of-range", .error, at: line, column, in: text)
      #expect(finding?.message.hasPrefix("`\(field.path)` is ") == true, "\(value)")
    }
  }

  @Test(arguments: fields)
  func atTheBounds(_ field: Field) {
    for value in field.valid {
      expectNoFinding("out-of-range", in: field.spec(value).text)
    }
  }

  @Test func port() {
    expectFinding("out-of-range", .error, at: 3, 7, in: baseSpec(port: "0"))
    expectFinding("out-of-range", .error, at: 3, 7, in: baseSpec(port: "65536"))
    expectClean(baseSpec(port: "1"))
    expectClean(baseSpec(port: "65535"))
  }

  @Test func messagesGiveTheRangeAndUnit() {
    let interval = load(baseSpec("health_check:\n  interval: 4"))
    #expect(
      interval.findings("out-of-range").map(\.message) == [
        "`health_check.interval` is 4 seconds; it must be 5 to 300 seconds"
      ])
    let requests = load(
      baseSpec("autoscaling:\n  min: 1\n  max: 2\n  requests_per_target: 0"))
    #expect(
      requests.findings("out-of-range").map(\.message) == [
        "`autoscaling.requests_per_target` is 0; it must be at least 1"
      ])
    let stickiness = load(baseSpec(loadBalancer: "stickiness: 8d"))
    #expect(
      stickiness.findings("out-of-range").map(\.message) == [
        "`load_balancer.stickiness` is 691200 seconds; a cookie duration must be 1s to 7d"
      ])
  }
}
