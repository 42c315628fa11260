import ECSGenDiagnostics

extension SpecValidator {
  /// `health_check` (the target group's) and `container_health_check` (ECS's).
  func checkHealthChecks(_ spec: ServiceSpec, _ findings: inout Findings) {
    if let check = spec.healthCheck { checkTargetGroupCheck(check, &findings) }
    if let check = spec.containerHealthCheck { checkContainerCheck(check, &findings) }
  }

  private func checkTargetGroupCheck(_ check: HealthCheckSpec, _ findings: inout Findings) {
    if let path = check.path,
      !path.value.hasPrefix("/") || !AWSLimits.healthCheckPathLength.contains(path.value.count)
    {
      findings.add(
        .error(
          "health-check-path", at: path.location,
          "`health_check.path` is `\(path.value)`; it must start with `/` and have at most 1024 characters, such as `/health`"
        ))
    }
    findings.checkRange(
      check.interval, AWSLimits.healthCheckInterval, field: "health_check.interval",
      unit: "seconds")
    findings.checkRange(
      check.timeout, AWSLimits.healthCheckTimeout, field: "health_check.timeout", unit: "seconds")
    let interval = check.interval?.value ?? SpecDefaults.HealthCheck.intervalSeconds
    let timeout = check.timeout?.value ?? SpecDefaults.HealthCheck.timeoutSeconds
    if timeout >= interval, let location = check.timeout?.location ?? check.interval?.location {
      findings.add(
        .error(
          "health-check-timeout", at: location,
          "`health_check.timeout` (\(timeout)s) must be shorter than `health_check.interval` (\(interval)s); the load balancer rejects a check that could overlap the next one"
        ))
    }
    findings.checkRange(
      check.healthyThreshold, AWSLimits.healthCheckThreshold,
      field: "health_check.healthy_threshold")
    findings.checkRange(
      check.unhealthyThreshold, AWSLimits.healthCheckThreshold,
      field: "health_check.unhealthy_threshold")
    findings.checkRange(
      check.gracePeriod, AWSLimits.healthCheckGracePeriod, field: "health_check.grace_period",
      unit: "seconds")
    if let codes = check.successCodes, !SuccessCodes.isValid(codes.value) {
      findings.add(
        .error(
          "success-codes", at: codes.location,
          "`health_check.success_codes` is `\(codes.value)`; write HTTP codes from 200 to 499 as `200`, `200,202` or a range `200-299`"
        ))
    }
  }

  func checkContainerCheck(
    _ check: ContainerHealthCheckSpec, _ findings: inout Findings,
    field: String = "container_health_check"
  ) {
    if let command = check.command {
      switch command.value {
      case .shell(let text) where text.trimmingSpaces().isEmpty:
        findings.add(
          .error(
            "container-health-command", at: command.location,
            "`\(field).command` is empty; give a shell command such as `curl -f http://localhost:8080/health || exit 1`"
          ))
      case .list(let words):
        if let first = words.first, first.value != "CMD" && first.value != "CMD-SHELL" {
          findings.add(
            .error(
              "container-health-command", at: first.location,
              "a `\(field).command` list starts with `CMD` (run the words directly) or `CMD-SHELL` (run through the shell), not `\(first.value)`; or write the command as one string"
            ))
        } else if words.count < 2 {
          findings.add(
            .error(
              "container-health-command", at: command.location,
              "`\(field).command` has no command after `CMD`/`CMD-SHELL`; add the command, such as `[\"CMD\", \"/bin/healthcheck\"]`"
            ))
        }
      default: break
      }
    }
    findings.checkRange(
      check.interval, AWSLimits.containerHealthInterval, field: "\(field).interval",
      unit: "seconds")
    findings.checkRange(
      check.timeout, AWSLimits.containerHealthTimeout, field: "\(field).timeout",
      unit: "seconds")
    findings.checkRange(
      check.retries, AWSLimits.containerHealthRetries, field: "\(field).retries")
    findings.checkRange(
      check.startPeriod, AWSLimits.containerHealthStartPeriod,
      field: "\(field).start_period", unit: "seconds")
  }
}

/// The target group matcher syntax: `200`, `200,202`, `200-299`, each code 200-499.
enum SuccessCodes {
  static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
        let codes = bounds.compactMap { Quantities.nonNegativeInteger($0) }
        guard codes.count == bounds.count, (1...2).contains(codes.count),
          codes.allSatisfy(AWSLimits.healthCheckCodes.contains)
        else { return false }
        return codes.count == 1 || codes[0] < codes[1]
      }
  }
}
