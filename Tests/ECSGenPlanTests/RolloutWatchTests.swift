import ECSGenPlan
import ECSGenSpec
import Testing

/// The bound of the deploy job's wait for a rollout, computed from the spec (defect 7).
@Suite struct RolloutWatchTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let base = """
    name: hello
    image: nginx:1.27
    port: 80

    """

  @Test func theDefaultsGiveARolloutPlusAFailureDetection() throws {
    // rollout: 120 + 30 × 3 + 60 + 30 = 300; failure: 3 attempts of 120 + max(60, 90) + 30 = 240.
    let watch = try plan(base).webParts.service.rollout
    #expect(watch.timeoutSeconds == 300 + 3 * 240)
    #expect(watch.pollSeconds == 15)
  }

  @Test func slowerHealthChecksDrainingAndStoppingWaitLonger() throws {
    let slow = try plan(
      base + """
        health_check:
          interval: 60s
          healthy_threshold: 5
          grace_period: 10m
        load_balancer:
          deregistration_delay: 300s
        stop_timeout: 120s
        """
    ).webParts.service.rollout
    // rollout: 120 + 300 + 300 + 120 = 840; failure: 3 × (120 + max(600, 180) + 120) = 2520.
    #expect(slow.timeoutSeconds == 840 + 2520)
  }

  @Test func batchesFollowTheDeploymentPercentagesAndTheScalingMaximum() throws {
    let batched = try plan(
      base + """
        autoscaling:
          min: 2
          max: 8
          cpu: 60
        deployment:
          min_healthy_percent: 50
          max_percent: 125
        """
    ).webParts.service.rollout
    // 8 tasks, 2 at a time: 4 batches of 300; threshold 4, 2 at a time: 2 attempts of 240.
    #expect(batched.timeoutSeconds == 4 * 300 + 2 * 240)
  }

  @Test func aBuiltImageRecordsItsTagInATerraformOutput() throws {
    #expect(try plan(base).ci.deployedImageTagOutput == nil)
    let built = try plan(
      """
      name: hello
      image:
        build: .
      port: 80
      """)
    #expect(built.ci.deployedImageTagOutput == "image_tag")
  }
}
