import ECSGenRendering
import ECSGenSpec
import Foundation

extension CopilotSpecMapper {
  /// `http` → `health_check` and `load_balancer`.
  func webEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    let http = httpNode
    if let entry = targetHealthCheck(http?.child("healthcheck")) {
      entries.append(entry)
    }
    var fields: [(String, YAMLNode?)] = []
    var comments: [String] = []
    if type == .requestDrivenWebService {
      comments += [
        "WARNING: a Request-Driven Web Service ran on App Runner, which no longer takes new",
        "customers; on ecsgen it becomes a Fargate service behind a load balancer of its own.",
      ]
    }
    if isInternal {
      fields.append(("public", .bool(false)))
      comments.append(
        "Copilot served this service through the environment's internal load balancer.")
    }
    if let path = http?.child("path"), let text = path.string, text != "/", !text.isEmpty {
      warn(
        path,
        "Copilot routed `\(text.prefix(100))` of a load balancer the environment's services shared; here the service gets its own load balancer and all its paths. To share one, set `load_balancer.listener_arn`, `priority` and `paths` (see the README, \"A shared load balancer\")."
      )
    }
    if let stickiness = http?.child("stickiness"), let on = stickiness.bool, on {
      fields.append(("stickiness", .bool(true)))
      comments.append("`stickiness` from \(Self.at(stickiness)) (one day, as Copilot's default).")
    }
    if let delay = http?.child("deregistration_delay") {
      if let seconds = delay.string.flatMap(GoDuration.seconds) {
        let clamped = min(seconds, 3600)
        fields.append(("deregistration_delay", .string(Self.durationText(clamped))))
        comments.append(
          "`deregistration_delay` from \(Self.at(delay))"
            + (clamped == seconds ? "." : " (\(seconds) s; the target group allows 3600)."))
      } else {
        warn(delay, "not a duration; ecsgen's default (60 s) applies.")
      }
    }
    if let ips = http?.child("allowed_source_ips") {
      let cidrs = ips.concreteStrings
      if !cidrs.isEmpty {
        fields.append(("allowed_cidrs", .sequence(cidrs.map(YAMLNode.string))))
        comments.append("`allowed_cidrs` from \(Self.at(ips)).")
      }
    }
    if isInternal && !fields.contains(where: { $0.0 == "allowed_cidrs" }) {
      fields.append(("allowed_cidrs", .sequence([.string(Self.copilotDefaultVPCCIDR)])))
      comments += [
        "TODO: an internal load balancer admits only `allowed_cidrs`. Copilot admitted the",
        "environment's VPC; \(Self.copilotDefaultVPCCIDR) is the VPC Copilot creates: write yours.",
      ]
    }
    fields += aliasFields(http, comments: &comments)
    if let certificate = certificateField(comments: &comments) {
      fields.append(("certificate_arn", .string(certificate)))
    }
    if let target = http?.child("target_container")?.string {
      if target != root.child("name")?.string {
        fields.append(("container", .string(target)))
        comments.append("`container` from `http.target_container`: the sidecar that takes traffic.")
      }
    }
    if let version = http?.child("version")?.string, version.lowercased() != "http1" {
      warn(
        http?.child("version") ?? root,
        "the target group spoke \(version.prefix(20)); ecsgen's target group speaks HTTP/1.1, so a gRPC service needs a proxy sidecar."
      )
    }
    if let alb = http?.child("alb")?.string {
      warn(
        http?.child("alb") ?? root,
        "the service joined the existing load balancer `\(alb.prefix(200))`: set `load_balancer.listener_arn` (its HTTPS listener), `security_group`, `priority` and `hosts` or `paths` to join it again."
      )
    }
    // Read, not mapped: ecsgen always redirects HTTP to HTTPS when there is a certificate.
    _ = http?.child("redirect_to_https")
    guard !fields.isEmpty else { return entries }
    entries.append(
      YAMLEntry("load_balancer", .map(fields), spacedBefore: entries.isEmpty, comments: comments))
    return entries
  }

  /// The VPC CIDR Copilot gives an environment it creates.
  static let copilotDefaultVPCCIDR = "10.0.0.0/16"

  /// `http.alias` (and `http.hosted_zone`) → `domain` and `hosted_zone_id`.
  func aliasFields(_ http: CopilotValue?, comments: inout [String]) -> [(String, YAMLNode?)] {
    guard let aliasValue = http?.child("alias") else { return [] }
    var names: [(String, String?)] = []
    for item in aliasValue.items {
      if item.isMapping {
        if let name = item.child("name")?.concrete {
          names.append((name, item.child("hosted_zone")?.concrete))
        }
      } else if let name = item.concrete {
        names.append((name, nil))
      }
    }
    guard let first = names.first else { return [] }
    var fields: [(String, YAMLNode?)] = []
    if first.0.contains("$") || first.0.contains("*") {
      comments.append(
        "TODO: \(Self.at(aliasValue)) is `\(first.0.prefix(100))`; write the domain as `domain`.")
    } else {
      fields.append(("domain", .string(first.0)))
      comments.append("`domain` from \(Self.at(aliasValue)).")
    }
    if let zone = first.1 ?? http?.child("hosted_zone")?.concrete, zone.hasPrefix("Z") {
      fields.append(("hosted_zone_id", .string(zone)))
    }
    if names.count > 1 {
      warn(
        aliasValue,
        "ecsgen serves one domain; the other aliases (\(names.dropFirst().map(\.0).joined(separator: ", ").prefix(200))) need their own DNS records pointing at the load balancer and a certificate that covers them."
      )
    }
    return fields
  }

  /// The environment manifest's certificate for this load balancer (public or private).
  func certificateField(comments: inout [String]) -> String? {
    guard let environment else { return nil }
    let certificates =
      isInternal ? environment.privateCertificateARNs : environment.publicCertificateARNs
    guard let first = certificates.first else { return nil }
    comments.append(
      "`certificate_arn` from the \(environment.name) environment manifest's `http.\(isInternal ? "private" : "public").certificates`."
    )
    if certificates.count > 1 {
      warnings.append(
        "the \(environment.name) environment manifest lists \(certificates.count) certificates; ecsgen's listener takes one, the first. Add the others to the listener by hand."
      )
    }
    return first
  }

  /// The target group's thresholds when Copilot's manifest left them out: Copilot did not set
  /// them, so the load balancer's defaults for an HTTP target group applied, which differ from
  /// ecsgen's (3 and 3).
  static let copilotHealthyThreshold = 5
  static let copilotUnhealthyThreshold = 2

  /// `http.healthcheck` → `health_check`, in the target group's ranges. The thresholds Copilot
  /// left at the load balancer's defaults are written out, so that a target is taken in and
  /// out of service after as many checks as before (App Runner's checks had other defaults).
  func targetHealthCheck(_ check: CopilotValue?) -> YAMLEntry? {
    var fields: [(String, YAMLNode?)] = []
    var comments: [String] = []
    if let check {
      comments.append("From \(Self.at(check)).")
      if check.isMapping {
        fields += targetHealthCheckFields(check, comments: &comments)
      } else if let path = check.string {
        fields.append(("path", .string(Self.copilotPath(path))))
      }
    }
    if type == .requestDrivenWebService, !fields.contains(where: { $0.0 == "path" }) {
      // App Runner's default check only opened a TCP connection to the port; a load balancer
      // checks over HTTP, so an app whose `/` redirects or answers 404 would never turn healthy.
      fields.insert(("path", .string("/")), at: 0)
      comments.append(
        "TODO: App Runner only checked that the port accepted a TCP connection; the load balancer sends `GET /` and expects `success_codes` (200): set `path` to one that answers 200, or widen `success_codes`."
      )
    }
    if type != .requestDrivenWebService {
      var defaulted: [String] = []
      for (key, value) in [
        ("healthy_threshold", Self.copilotHealthyThreshold),
        ("unhealthy_threshold", Self.copilotUnhealthyThreshold),
      ] where !fields.contains(where: { $0.0 == key }) {
        fields.append((key, .int(value)))
        defaulted.append("`\(key)` \(value)")
      }
      if !defaulted.isEmpty {
        comments.append(
          "\(defaulted.joined(separator: " and ")): the load balancer's default\(defaulted.count == 1 ? "" : "s"), which Copilot kept."
        )
      }
    }
    guard !fields.isEmpty else { return nil }
    return YAMLEntry("health_check", .map(fields), spacedBefore: true, comments: comments)
  }

  /// The fields of `http.healthcheck` written as a mapping.
  private func targetHealthCheckFields(_ check: CopilotValue, comments: inout [String]) -> [(
    String, YAMLNode?
  )] {
    var fields: [(String, YAMLNode?)] = []
    if let path = check.child("path")?.string {
      fields.append(("path", .string(Self.copilotPath(path))))
    }
    var interval = SpecDefaults.HealthCheck.intervalSeconds
    func clamp(_ name: String, _ range: ClosedRange<Int>, seconds: Bool) -> Int? {
      guard let value = check.child(name) else { return nil }
      guard let number = seconds ? value.string.flatMap(GoDuration.seconds) : value.int else {
        comments.append("TODO: \(Self.at(value)) is not usable; ecsgen's default applies.")
        return nil
      }
      let clamped = min(max(number, range.lowerBound), range.upperBound)
      if clamped != number {
        comments.append(
          "WARNING: \(Self.at(value)) was \(number); the target group takes \(range.lowerBound)-\(range.upperBound)."
        )
      }
      return clamped
    }
    if let value = clamp("interval", 5...300, seconds: true) {
      interval = value
      fields.append(("interval", .string(Self.durationText(value))))
    }
    if var value = clamp("timeout", 2...120, seconds: true) {
      if value >= interval {
        value = max(2, interval - 1)
        comments.append("WARNING: the timeout must be shorter than the interval: \(value) s.")
      }
      fields.append(("timeout", .string(Self.durationText(value))))
    }
    if let value = clamp("healthy_threshold", 2...10, seconds: false) {
      fields.append(("healthy_threshold", .int(value)))
    }
    if let value = clamp("unhealthy_threshold", 2...10, seconds: false) {
      fields.append(("unhealthy_threshold", .int(value)))
    }
    if let codes = check.child("success_codes")?.string {
      if Self.isSuccessCodes(codes) {
        fields.append(("success_codes", .string(codes)))
      } else {
        warn(
          check.child("success_codes") ?? check,
          "`\(codes.prefix(40))` is outside what ecsgen takes (codes 200-499); 200 applies.")
      }
    }
    if let value = clamp("grace_period", 0...2_147_483_647, seconds: true) {
      fields.append(("grace_period", .string(Self.durationText(value))))
    }
    if let port = check.child("port"), port.int == nil || port.int != trafficPort {
      warn(
        port,
        "the load balancer checks the traffic port; a separate health check port has no equivalent."
      )
    }
    return fields
  }

  /// A health check path as Copilot deployed it: `/` when empty, and a leading `/` added
  /// when missing (`health` checked `/health`).
  static func copilotPath(_ path: String) -> String {
    path.hasPrefix("/") ? path : "/" + path
  }

  /// The container port the load balancer sends traffic to, as the manifest gives it
  /// (`http.target_port`, else the main container's `image.port` unless a sidecar takes the
  /// traffic); nil when unknown. Read without marking keys as read: the audit still reports
  /// `target_port`.
  var trafficPort: Int? {
    let http = httpNode?.node
    if let port = http?["target_port"]?.int { return port }
    if let target = http?["target_container"]?.string, target != root.node["name"]?.string {
      return nil
    }
    return root.node["image"]?["port"]?.int
  }

  /// `200`, `200,202` or `200-299`, codes 200-499.
  static func isSuccessCodes(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(bounds.count),
          bounds.allSatisfy({ $0.map { (200...499).contains($0) } ?? false })
        else { return false }
        return bounds.count == 1 || (bounds[0] ?? 0) <= (bounds[1] ?? 0)
      }
  }
}
