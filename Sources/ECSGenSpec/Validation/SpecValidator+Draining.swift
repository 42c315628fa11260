import ECSGenDiagnostics

extension SpecValidator {
  /// A load balancer idle timeout longer than a stopping task lives. At every deploy and scale-in,
  /// ECS deregisters the task, waits for the target group to drain it (`deregistration_delay`; the
  /// load balancer then closes the connections still open), sends SIGTERM, and kills the container
  /// `stop_timeout` later. A request allowed to run for `idle_timeout` is cut when that is longer
  /// than both together.
  ///
  /// Only an idle timeout the spec sets counts: it says how long requests may take. The default
  /// says nothing about them, and AWS recommends a drain of a few seconds for services that answer
  /// within a second, which must not warn.
  func checkDraining(_ spec: ServiceSpec, _ findings: inout Findings) {
    let balancer = spec.loadBalancer
    guard let idleTimeout = balancer?.idleTimeout else { return }
    let idle = idleTimeout.value
    let delay =
      balancer?.deregistrationDelay?.value ?? SpecDefaults.LoadBalancer.deregistrationDelaySeconds
    let stop = spec.stopTimeout?.value ?? SpecDefaults.stopTimeoutSeconds
    // Out-of-range values are errors of their own; the sum would mean nothing.
    guard AWSLimits.idleTimeout.contains(idle), AWSLimits.deregistrationDelay.contains(delay),
      AWSLimits.stopTimeout.contains(stop), idle > delay + stop
    else { return }
    let location = idleTimeout.location
    let maxDelay = AWSLimits.deregistrationDelay.upperBound
    let fix =
      idle <= maxDelay
      ? "raise `load_balancer.deregistration_delay` to at least \(idle) s (it allows up to \(maxDelay) s; draining ends early once a task has no open requests), or lower `load_balancer.idle_timeout` to the longest request you serve"
      : "lower `load_balancer.idle_timeout` to at most \(maxDelay + stop) s (`deregistration_delay` allows at most \(maxDelay) s) and raise `load_balancer.deregistration_delay` to match"
    findings.add(
      .warning(
        "idle-timeout-drain", at: location,
        "`load_balancer.idle_timeout` is \(idle) s, but a task stopped by a deploy or a scale-in gets only `load_balancer.deregistration_delay` (\(delay) s) to drain plus `stop_timeout` (\(stop) s) before it is killed, so a request running longer than \(delay + stop) s is cut; \(fix)"
      ))
  }
}
