import ECSGenDiagnostics

/// Fargate Spot: the `capacity` strategy's shape, what Spot cannot run, and services that a Spot
/// interruption would stop entirely.
extension SpecValidator {
  /// ECS accepts a base of 0 to 100,000 and weights of 0 to 1,000 per capacity provider.
  static let capacityBaseRange = 0...100_000
  static let capacityWeightRange = 0...1_000

  func checkCapacity(_ spec: ServiceSpec, _ findings: inout Findings) {
    // A `job` with `capacity` gets `kind-key`; its other rules would only repeat that.
    guard let capacity = spec.capacity, (spec.kind?.value ?? SpecDefaults.kind) != .job else {
      return
    }
    findings.checkRange(
      capacity.fargateBase, Self.capacityBaseRange, field: "capacity.fargate_base")
    if let spot = capacity.spotPercent, spot.value > 100 {
      findings.add(
        .error(
          "out-of-range", at: spot.location,
          "`capacity.spot` is \(spot.value)%; it must be 0% to 100% (the share of the tasks beyond `fargate_base` that runs on Fargate Spot)"
        ))
    }
    findings.checkRange(
      capacity.fargateWeight, Self.capacityWeightRange, field: "capacity.fargate_weight")
    findings.checkRange(
      capacity.spotWeight, Self.capacityWeightRange, field: "capacity.spot_weight")
    guard checkCapacityShape(capacity, &findings), let weights = capacity.weights else { return }
    let spotLocation =
      capacity.spotPercent?.location ?? capacity.spotWeight?.location
      ?? capacity.location
    // A warning, not an error: AWS's own documents disagree. The ECS API reference
    // (CapacityProviderStrategyItem) says FARGATE_SPOT runs ARM64 Linux tasks on platform
    // version 1.4.0 or later (LATEST, which ecsgen renders, is 1.4.0); the developer guide's
    // "Fargate capacity providers" page still says X86_64 only. ecsgen refuses only what AWS
    // would refuse, so it says what to watch instead of stopping the render.
    if weights.spot > 0, spec.platform?.value == .linuxARM64, let platform = spec.platform {
      findings.add(
        .warning(
          "spot-arm64", at: platform.location,
          "this service is `linux/arm64` and `capacity` puts tasks on FARGATE_SPOT; the ECS API reference allows ARM64 on Fargate Spot from platform version 1.4.0, but the developer guide still says Fargate Spot runs only X86_64 tasks, so watch the first deployment; if tasks fail to place on FARGATE_SPOT, set `platform: linux/amd64` (and build the image for it) or remove the Spot share from `capacity`",
          notes: ["`capacity` is at line \(capacity.location.line)"]))
    }
    let maxTasks = spec.autoscaling?.max?.value ?? spec.count?.value ?? SpecDefaults.count
    if weights.spot > 0, capacity.resolvedFargateBase == 0, weights.fargate == 0, maxTasks == 1 {
      findings.add(
        .warning(
          "spot-only-single-task", at: spotLocation,
          "the service runs one task and `capacity` puts it on Fargate Spot; when AWS reclaims Spot capacity (two minutes' notice) the service has no task until a new one starts; set `capacity.fargate_base: 1` to keep one task on regular Fargate, or run more tasks"
        ))
    } else if weights.spot > 0, capacity.resolvedFargateBase >= maxTasks {
      findings.add(
        .warning(
          "spot-base-covers-all", at: capacity.fargateBase?.location ?? capacity.location,
          "`capacity.fargate_base` is \(capacity.resolvedFargateBase) and the service runs at most \(maxTasks) task\(maxTasks == 1 ? "" : "s"), so every task runs on regular Fargate and none on Spot; lower `fargate_base` below \(maxTasks), or remove `capacity`"
        ))
    }
    if let cluster = spec.cluster {
      findings.add(
        .note(
          "spot-existing-cluster", at: cluster.location,
          "`capacity` uses the FARGATE and FARGATE_SPOT capacity providers, which ecsgen adds only to a cluster it creates; make sure cluster `\(cluster.value)` has both (`aws ecs put-cluster-capacity-providers --cluster \(cluster.value) --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1`), or the service cannot be created"
        ))
    }
  }

  /// `spot` or the weights, exactly one of them, and at least one weight above 0.
  private func checkCapacityShape(_ capacity: CapacitySpec, _ findings: inout Findings) -> Bool {
    let weightLocation = capacity.fargateWeight?.location ?? capacity.spotWeight?.location
    if let spot = capacity.spotPercent, let weightLocation {
      findings.add(
        .error(
          "spot-weights", at: weightLocation,
          "`capacity` sets both `spot` and a weight; write either `spot: \(spot.value)%` (the Spot share of the tasks beyond the base) or `fargate_weight` and `spot_weight`, not both"
        ))
      return false
    }
    if capacity.spotPercent == nil, weightLocation == nil {
      if !findings.undecodableFields.contains("capacity.spot") {
        findings.add(
          .error(
            "spot-weights", at: capacity.location,
            "`capacity` needs `spot` (the share of the tasks beyond the base that runs on Fargate Spot, such as `spot: 75%`) or the weights `fargate_weight` and `spot_weight`"
          ))
      }
      return false
    }
    if let weights = capacity.weights, weights.fargate == 0, weights.spot == 0,
      capacity.spotPercent == nil, let weightLocation
    {
      findings.add(
        .error(
          "spot-weights", at: weightLocation,
          "both capacity weights are 0, so ECS would place no task beyond the base; give `fargate_weight` or `spot_weight` a value from 1 to 1000"
        ))
      return false
    }
    return true
  }
}
