import ECSGenSpec

extension DeploymentPlanner {
  /// How long the deploy job waits for a rollout to complete or fail, from the values that make a
  /// rollout slow. All in seconds:
  ///
  ///     start     = 120  (Fargate capacity, image pull, container start: no spec value bounds it)
  ///     healthy   = max(interval × healthy_threshold,                       the load balancer
  ///                     container start_period + interval)                  the container check
  ///     batch     = start + healthy + deregistration_delay + stop_timeout   (replace, drain, stop)
  ///     per batch = desired × (max_percent − 100) / 100 new tasks at once (at least 1), or with
  ///                 max_percent 100, desired × (100 − min_healthy_percent) / 100
  ///     rollout   = ceil(desired / per batch) × batch
  ///     attempt   = start + max(grace_period, interval × unhealthy_threshold,
  ///                             container start_period + interval × retries) + stop_timeout
  ///     threshold = clamp(ceil(desired / 2), 3, 200)   (the circuit breaker's failed tasks)
  ///     failure   = ceil(threshold / per batch) × attempt
  ///     timeout   = rollout + failure
  ///
  /// `desired` is the autoscaling maximum when the service scales (the worst case). A rollout
  /// that neither completes nor fails within `timeout` is stuck: the job fails rather than wait
  /// for GitHub's six-hour job limit.
  func rolloutWatch(
    deployment: ServiceDeploymentPlan, scaling: ScalingPlan?, targetGroup: TargetGroupPlan?,
    task: TaskPlan
  ) -> RolloutWatchPlan {
    let start = 120
    // Without a load balancer (`backend`, `worker`), only the container check delays health and
    // nothing drains.
    let check = targetGroup?.healthCheck
    let container = task.healthCheck
    let healthy = max(
      check.map { $0.intervalSeconds * $0.healthyThreshold } ?? 0,
      container.map { $0.startPeriodSeconds + $0.intervalSeconds } ?? 0)
    let batch =
      start + healthy + (targetGroup?.deregistrationDelaySeconds ?? 0) + task.stopTimeoutSeconds
    let desired = max(1, scaling?.maxCapacity ?? deployment.desiredCount)
    let extra =
      deployment.maximumPercent > 100
      ? deployment.maximumPercent - 100 : 100 - deployment.minimumHealthyPercent
    let perBatch = max(1, desired * extra / 100)
    let rollout = ceilDivide(desired, perBatch) * batch
    let attempt =
      start
      + max(
        deployment.healthCheckGracePeriodSeconds ?? 0,
        check.map { $0.intervalSeconds * $0.unhealthyThreshold } ?? 0,
        container.map { $0.startPeriodSeconds + $0.intervalSeconds * $0.retries } ?? 0)
      + task.stopTimeoutSeconds
    let threshold = min(200, max(3, ceilDivide(desired, 2)))
    let failure = ceilDivide(threshold, perBatch) * attempt
    // Polling every 15 s keeps describe-services calls far below ECS's API rate limits.
    return RolloutWatchPlan(
      timeoutSeconds: rollout + failure, pollSeconds: 15,
      // Without a load balancer there is no target health check and nothing to drain.
      basis: targetGroup == nil
        ? "the container health check, the task start and the stop timeout"
        : "the health check, grace period, deregistration delay and stop timeout")
  }

  private func ceilDivide(_ value: Int, _ divisor: Int) -> Int {
    (value + divisor - 1) / divisor
  }
}
