import ECSGenRendering
import ECSGenSpec
import Foundation

/// The main container: `port`, `command`, `entrypoint`, `container_health_check`,
/// `depends_on`.
extension CopilotSpecMapper {
  func containerEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    let image = root.child("image")
    if kind == "web" || kind == "backend" {
      if let portValue = image?.child("port") {
        if let port = portValue.int, (1...65_535).contains(port) {
          entries.append(
            YAMLEntry(
              "port", .int(port), spacedBefore: true,
              comments: ["From \(Self.at(portValue))."]))
        } else if kind == "web" {
          entries.append(
            YAMLEntry(
              "port", .int(8080), spacedBefore: true,
              comments: ["TODO: \(Self.at(portValue)) is not a TCP port (1-65535); write the port."]
            ))
        }
      } else if kind == "web" {
        entries.append(
          YAMLEntry(
            "port", .int(type == .requestDrivenWebService ? 8080 : 80), spacedBefore: true,
            comments: [
              "TODO: the manifest has no `image.port`; this is Copilot's default for the type."
            ]))
      }
    }
    for key in ["entrypoint", "command"] {
      guard let value = root.child(key) else { continue }
      let words = value.isSequence ? value.strings : ShellWords.split(value.string ?? "")
      guard !words.isEmpty else { continue }
      entries.append(
        YAMLEntry(
          key, .sequence(words.map(YAMLNode.string)), spacedBefore: entries.isEmpty,
          comments: [
            "From \(Self.at(value))"
              + (value.isSequence ? "." : ", split into words as Copilot split it.")
          ]))
    }
    if let check = image?.child("healthcheck"),
      let entry = containerHealthCheck(check, key: "container_health_check")
    {
      entries.append(entry)
    }
    if let dependsOn = image?.child("depends_on"), let node = dependsOnNode(dependsOn) {
      entries.append(
        YAMLEntry("depends_on", node, comments: ["From \(Self.at(dependsOn))."]))
    }
    return entries
  }

  /// Copilot's container health check (`image.healthcheck`, a sidecar's `healthcheck`) in the
  /// spec's ranges.
  func containerHealthCheck(_ check: CopilotValue, key: String) -> YAMLEntry? {
    guard let commandValue = check.child("command") else {
      warn(check, "a container health check needs `command`; none was carried over.")
      return nil
    }
    var command = commandValue.isSequence ? commandValue.strings : [commandValue.string ?? ""]
    if commandValue.isSequence, let first = command.first, first != "CMD", first != "CMD-SHELL" {
      command.insert("CMD", at: 0)
    }
    guard !command.isEmpty, command != [""] else { return nil }
    var fields: [(String, YAMLNode?)] = [
      (
        "command",
        commandValue.isSequence ? .sequence(command.map(YAMLNode.string)) : .string(command[0])
      )
    ]
    var comments = ["From \(Self.at(check))."]
    func seconds(_ name: String, _ range: ClosedRange<Int>, _ target: String) {
      guard let value = check.child(name) else { return }
      guard let parsed = (value.string).flatMap(GoDuration.seconds) else {
        comments.append("TODO: \(Self.at(value)) is not a duration; ecsgen's default applies.")
        return
      }
      let clamped = min(max(parsed, range.lowerBound), range.upperBound)
      if clamped != parsed {
        comments.append(
          "WARNING: \(Self.at(value)) was \(parsed) s; ecsgen takes \(range.lowerBound)-\(range.upperBound) s."
        )
      }
      fields.append((target, .string(Self.durationText(clamped))))
    }
    seconds("interval", 5...300, "interval")
    seconds("timeout", 2...60, "timeout")
    if let value = check.child("retries") {
      if let retries = value.int {
        let clamped = min(max(retries, 1), 10)
        if clamped != retries {
          comments.append("WARNING: \(Self.at(value)) was \(retries); ecsgen takes 1-10.")
        }
        fields.append(("retries", .int(clamped)))
      }
    }
    seconds("start_period", 0...300, "start_period")
    return YAMLEntry(key, .map(fields), comments: comments)
  }

  /// `depends_on: {nginx: start}` → `{nginx: START}`.
  func dependsOnNode(_ value: CopilotValue) -> YAMLNode? {
    let conditions = ["START", "COMPLETE", "SUCCESS", "HEALTHY"]
    var entries: [YAMLEntry] = []
    let sidecars = Set(root.child("sidecars")?.entries.map(\.key) ?? [])
    for (name, condition) in value.entries {
      guard sidecars.contains(name) || name == serviceName else {
        warn(condition, "`\(name.prefix(60))` is not a sidecar of this manifest; left out.")
        continue
      }
      let upper = (condition.string ?? "").uppercased()
      guard conditions.contains(upper) else {
        warn(condition, "`\(upper.prefix(40))` is not a container condition; left out.")
        continue
      }
      entries.append(YAMLEntry(name, .string(upper)))
    }
    return entries.isEmpty ? nil : .mapping(entries)
  }
}
