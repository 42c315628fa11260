import ECSGenDiagnostics

/// `deployment.alarms`: existing CloudWatch alarm names that roll a deployment back.
extension SpecValidator {
  /// CloudWatch alarm names are 1 to 255 characters.
  static let alarmNameLength = 1...255

  func checkDeploymentAlarms(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let alarms = spec.deployment?.alarms else { return }
    if alarms.value.isEmpty {
      findings.add(
        .error(
          "empty-list", at: alarms.location,
          "`deployment.alarms` is empty; list the names of existing CloudWatch alarms, such as `[orders-api-5xx]`, or remove the key"
        ))
    }
    var seen: [String: SourceLocation] = [:]
    for alarm in alarms.value {
      let length = alarm.value.unicodeScalars.count
      if !Self.alarmNameLength.contains(length) {
        findings.add(
          .error(
            "alarm-name", at: alarm.location,
            "a CloudWatch alarm name is 1 to 255 characters, but this one has \(length); write the alarm's name exactly as CloudWatch shows it"
          ))
      } else if alarm.value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
      {
        findings.add(
          .error(
            "alarm-name", at: alarm.location,
            "a CloudWatch alarm name cannot hold control characters; write the alarm's name exactly as CloudWatch shows it"
          ))
      }
      if let first = seen[alarm.value] {
        findings.add(
          .error(
            "alarm-name", at: alarm.location,
            "alarm `\(alarm.value)` is listed twice in `deployment.alarms` (first at line \(first.line)); remove the repeat"
          ))
      } else {
        seen[alarm.value] = alarm.location
      }
    }
  }
}
