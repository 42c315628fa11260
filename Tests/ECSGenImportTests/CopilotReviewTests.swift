import ECSGenSpec
import Foundation
import Testing

@testable import ECSGenImport

/// Mappings found wrong in the review of issue 15: each imported value must mean in ecsgen
/// what it meant when Copilot deployed it.
@Suite struct CopilotReviewTests {
  func importSpec(_ text: String) throws -> String {
    let manifest = try CopilotManifest.read(Data(text.utf8), file: "manifest.yml")
    return CopilotImporter(sourceFile: "manifest.yml", applicationName: "shop").spec(for: manifest)
  }

  func worker(latency: String, processing: String) throws -> String {
    try importSpec(
      """
      name: w
      type: Worker Service
      image: {location: r/w:1}
      count:
        range: 1-5
        queue_delay: {acceptable_latency: \(latency), msg_processing_time: \(processing)}
      """)
  }

  /// Copilot divided the durations with their fractions and rounded up (its docs' own example
  /// is `10s` / `250ms`, 40 messages per task).
  @Test(arguments: [("10s", "250ms", 40), ("10s", "3s", 4), ("10m", "2s", 300), ("1s", "2s", 1)])
  func backlogPerTaskIsCopilotsRoundedUpRatio(latency: String, processing: String, perTask: Int)
    throws
  {
    let spec = try worker(latency: latency, processing: processing)
    #expect(spec.contains("messages_per_task: \(perTask)\n"), "\(spec)")
    #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors, "\(spec)")
  }

  /// `queue_delay` only exists in a Worker Service: elsewhere the audit says Copilot ignored
  /// it, and the mapper does not add a second, misleading warning.
  @Test func queueDelayOutsideAWorkerIsReportedOnce() throws {
    let spec = try importSpec(
      """
      name: api
      type: Backend Service
      image: {location: r/a:1}
      count:
        range: 1-3
        cpu_percentage: 60
        queue_delay: {acceptable_latency: 10s, msg_processing_time: 1s}
      """)
    #expect(!spec.contains("not usable as a backlog target"), "\(spec)")
    #expect(!spec.contains("messages_per_task"), "\(spec)")
    #expect(spec.contains("Copilot ignored `queue_delay`"), "\(spec)")
  }

  /// In `1#2` (the second Monday) only the day moves to AWS's numbering, not the week.
  @Test(arguments: [
    ("0 9 * * 1#2", "cron(0 9 ? * 2#2 *)"), ("0 9 * * 5#1", "cron(0 9 ? * 6#1 *)"),
    ("0 9 * * 1-5/2", "cron(0 9 ? * 2-6/2 *)"), ("0 9 * * 0,6", "cron(0 9 ? * 1,7 *)"),
  ])
  func dayOfWeekNumbersMoveButNotTheWeekOrTheStep(copilot: String, expected: String) {
    #expect(CopilotSchedule.convert(copilot) == .expression(expected, from: copilot))
  }

  /// Copilot's scaling policies scaled in after 120 s unless `count.cooldown.in` said
  /// otherwise; ecsgen's default is longer, so the import writes Copilot's.
  @Test func scaleInCooldownKeepsCopilotsDefault() throws {
    let base = "name: a\ntype: Backend Service\nimage: {location: r/a:1}\ncount:\n  range: 1-3\n"
    let defaulted = try importSpec(base + "  cpu_percentage: 60\n")
    #expect(defaulted.contains("scale_in_cooldown: 2m\n"), "\(defaulted)")
    let written = try importSpec(base + "  cpu_percentage: 60\n  cooldown: {in: 45s}\n")
    #expect(written.contains("scale_in_cooldown: 45s\n"), "\(written)")
    #expect(!written.contains("Copilot's default (120 s)"), "\(written)")
    let unusable = try importSpec(base + "  cpu_percentage: 60\n  cooldown: {in: soon}\n")
    #expect(!unusable.contains("scale_in_cooldown"), "\(unusable)")
    #expect(unusable.contains("`count.cooldown.in` (line 7): not a duration"), "\(unusable)")
  }

  /// Copilot left the target group's thresholds at the load balancer's defaults (5 healthy,
  /// 2 unhealthy), not ecsgen's (3 and 3); written thresholds are kept.
  @Test func targetGroupThresholdsKeepTheLoadBalancersDefaults() throws {
    let base = "name: web\ntype: Load Balanced Web Service\nimage: {location: r/w:1, port: 80}\n"
    for http in ["", "http: {path: /}\n", "http: {path: /, healthcheck: /up}\n"] {
      let spec = try importSpec(base + http)
      #expect(spec.contains("healthy_threshold: 5\n  unhealthy_threshold: 2\n"), "\(spec)")
      #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors, "\(spec)")
    }
    let written = try importSpec(
      base + "http:\n  healthcheck: {path: /up, healthy_threshold: 3, unhealthy_threshold: 4}\n")
    #expect(written.contains("healthy_threshold: 3\n  unhealthy_threshold: 4\n"), "\(written)")
    #expect(!written.contains("the load balancer's default"), "\(written)")
  }

  /// A JSON key in Copilot's `secretsmanager: NAME:KEY::` is not part of the secret's name.
  @Test func secretsManagerJSONKeyIsSeparatedFromTheName() throws {
    let spec = try importSpec(
      """
      name: a
      type: Backend Service
      image: {location: r/a:1}
      secrets:
        DB: {secretsmanager: 'db/creds:password::'}
      """)
    #expect(spec.contains("--secret-id db/creds` prints, then append `:password::`"), "\(spec)")
  }

  /// A health check port that is the traffic port is what ecsgen checks anyway: no warning.
  /// Another port still gets one.
  @Test func healthCheckPortEqualToTheTrafficPortIsNotWarnedAbout() throws {
    let base = "name: web\ntype: Load Balanced Web Service\nimage: {location: r/w:1, port: 8080}\n"
    let same = try importSpec(base + "http: {path: /, healthcheck: {path: /up, port: 8080}}\n")
    #expect(!same.contains("separate health check port"), "\(same)")
    let other = try importSpec(base + "http: {path: /, healthcheck: {path: /up, port: 8081}}\n")
    #expect(other.contains("separate health check port"), "\(other)")
    let targetPort = try importSpec(
      base + "http: {path: /, target_port: 9000, healthcheck: {path: /up, port: 9000}}\n")
    #expect(!targetPort.contains("separate health check port"), "\(targetPort)")
    #expect(targetPort.contains("`http.target_port`"), "\(targetPort)")
  }

  /// Copilot dropped the rest of the manifest's `count.spot` when an environment set
  /// autoscaling in `count`, and its autoscaling when an environment set `spot`.
  @Test func spotAndAutoscalingOverridesReplaceEachOther() throws {
    let spec = try importSpec(
      """
      name: a
      type: Backend Service
      image: {location: r/a:1}
      count: {spot: 2}
      environments:
        prod:
          count:
            range: 2-6
            cpu_percentage: 50
        test:
          count:
            cooldown: {in: 30s}
      """)
    let prod = try #require(spec.range(of: "  prod:\n")).upperBound
    let test = try #require(spec.range(of: "  test:")).lowerBound
    let prodText = String(spec[prod..<test])
    #expect(
      prodText.contains("autoscaling:\n      min: 2\n      max: 6\n      cpu: 50\n"), "\(spec)")
    #expect(prodText.contains("count: ~"), "\(spec)")
    #expect(!String(spec[test...]).contains("autoscaling"), "\(spec)")
    let back = try importSpec(
      """
      name: a
      type: Backend Service
      image: {location: r/a:1}
      count: {range: 1-4, cpu_percentage: 70}
      environments:
        dev:
          count: {spot: 1}
      """)
    #expect(back.contains("count: 1\n"), "\(back)")
    #expect(back.contains("autoscaling: ~"), "\(back)")
  }

  /// A sidecar image with a `${VAR}` is a reference to write, not an image to build; one built
  /// from `image.build` is said once, by the audit.
  @Test func sidecarImagesGetOneAccurateNote() throws {
    let spec = try importSpec(
      """
      name: a
      type: Backend Service
      image: {location: r/a:1}
      sidecars:
        proxy:
          image: ${ACCOUNT_ID}.dkr.ecr.eu-west-1.amazonaws.com/proxy:1
        fb:
          image:
            build: fb/Dockerfile
        bare:
          port: 80
      """)
    #expect(spec.contains("`sidecars.proxy.image` (line 6) uses ${ACCOUNT_ID}"), "\(spec)")
    #expect(!spec.contains("build this sidecar's image"), "\(spec)")
    #expect(spec.components(separatedBy: "`sidecars.fb.image").count == 2, "\(spec)")
    #expect(
      spec.contains("`sidecars.bare` (line 10): the sidecar has no image reference"), "\(spec)")
  }

  /// Copilot put a `/` in front of a health check path written without one.
  @Test(arguments: [
    "http: {path: /, healthcheck: health}\n", "http: {path: /, healthcheck: {path: health}}\n",
  ])
  func healthCheckPathWithoutASlashIsCheckedWithOne(http: String) throws {
    let spec = try importSpec(
      "name: web\ntype: Load Balanced Web Service\nimage: {location: r/w:1, port: 80}\n" + http)
    #expect(spec.contains("health_check:\n  path: /health\n"), "\(spec)")
    #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors, "\(spec)")
  }

  /// A cooldown a scaling target set for itself is the spec's when every tracked target ends
  /// up with the same one; when they differ it is left to the user, with the audit's warning.
  @Test func perTargetCooldownsCarryOverWhenTheyAgree() throws {
    let base = "name: a\ntype: Backend Service\nimage: {location: r/a:1}\ncount:\n  range: 1-3\n"
    let one = try importSpec(
      base + "  cpu_percentage: {value: 60, cooldown: {in: 30s, out: 10s}}\n")
    #expect(one.contains("scale_in_cooldown: 30s\n  scale_out_cooldown: 10s\n"), "\(one)")
    #expect(!one.contains("did not carry over"), "\(one)")
    let agreeing = try importSpec(
      base + "  cooldown: {in: 45s}\n  cpu_percentage: {value: 60, cooldown: {in: 45s}}\n"
        + "  memory_percentage: 80\n")
    #expect(agreeing.contains("scale_in_cooldown: 45s\n"), "\(agreeing)")
    let differing = try importSpec(
      base + "  cpu_percentage: {value: 60, cooldown: {in: 30s}}\n  memory_percentage: 80\n")
    #expect(differing.contains("scale_in_cooldown: 2m\n"), "\(differing)")
    #expect(
      differing.contains(
        "`count.cpu_percentage.cooldown.in` (line 6): this key did not carry over"),
      "\(differing)")
  }

  /// Copilot made a dead-letter queue only when `dead_letter.tries` was set: the comment
  /// says so instead of claiming Copilot always did.
  @Test func deadLetterQueueCommentSaysWhatCopilotDid() throws {
    let base = "name: w\ntype: Worker Service\nimage: {location: r/w:1}\n"
    let without = try importSpec(base)
    #expect(without.contains("Copilot made no dead-letter queue"), "\(without)")
    #expect(!without.contains("as Copilot did"), "\(without)")
    let with = try importSpec(base + "subscribe:\n  queue:\n    dead_letter: {tries: 3}\n")
    #expect(with.contains("with a dead-letter queue, as Copilot did"), "\(with)")
    #expect(with.contains("max_receive_count: 3"), "\(with)")
  }

  /// App Runner checked TCP by default; the import says that the load balancer checks `GET /`.
  @Test func aRequestDrivenServiceWithoutAHealthCheckPathGetsATodo() throws {
    let spec = try importSpec(
      "name: a\ntype: Request-Driven Web Service\nimage: {location: r/a:1, port: 8080}\n")
    #expect(spec.contains("TODO: App Runner only checked that the port accepted a TCP connection"))
    #expect(spec.contains("health_check:\n  path: /\n"), "\(spec)")
    #expect(!ServiceSpecLoader.load(text: spec, file: "a.yaml").hasErrors)
  }
}
