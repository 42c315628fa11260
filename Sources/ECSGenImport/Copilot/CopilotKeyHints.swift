/// Where an unknown key of a Copilot manifest probably belongs. Copilot never rejected unknown
/// keys, so a key written one level off (a container health check setting under the load
/// balancer's check, a health check under `image.build`) was silently dropped; these hints say
/// where Copilot would have read it.
enum CopilotKeyHints {
  /// The container health check's own keys: under `http.healthcheck` they were never read.
  static let containerCheckOnly: Set<String> = ["command", "retries", "start_period"]
  /// The load balancer health check's own keys: under `image.healthcheck` they were never read.
  static let loadBalancerCheckOnly: Set<String> = [
    "path", "port", "success_codes", "healthy_threshold", "unhealthy_threshold", "grace_period",
  ]

  /// A hint for `key` found at `place` (the schema path of its mapping, with `<name>` for the
  /// user's names and `[]` for list items), for the mistakes whose explanation is more than
  /// "it belongs elsewhere".
  static func explicit(key: String, place: String, hasLoadBalancer: Bool) -> String? {
    if place == "environments.<name>", ["name", "type", "environments"].contains(key) {
      return
        "an environment cannot change `\(key)`: Copilot reads it only at the top of the manifest, so remove it here."
    }
    let last = place.split(separator: ".").last.map(String.init) ?? ""
    let parent = place.split(separator: ".").dropLast().last.map(String.init) ?? ""
    if last == "healthcheck", parent == "http" || place.hasSuffix("additional_rules[]"),
      containerCheckOnly.contains(key)
    {
      let counting =
        key == "retries"
        ? " The load balancer's check counts failures with `unhealthy_threshold` instead." : ""
      return
        "`\(key)` is a setting of the container health check, which Copilot reads at `image.healthcheck.\(key)`, not of the load balancer's check under `http.healthcheck`: move it there.\(counting)"
    }
    let inSidecar = place.hasPrefix("sidecars.") || place.contains(".sidecars.")
    if last == "healthcheck", parent == "image" || inSidecar,
      loadBalancerCheckOnly.contains(key)
    {
      guard hasLoadBalancer else {
        return
          "`\(key)` is a setting of a load balancer's health check, and this workload has no load balancer; the container health check runs `command` inside the container and counts failures with `retries`."
      }
      return
        "`\(key)` is a setting of the load balancer's health check, which Copilot reads at `http.healthcheck.\(key)`; the container health check only runs `command` inside the container: move it there."
    }
    if last == "build", parent == "image", key == "healthcheck" {
      let loadBalancer =
        hasLoadBalancer ? ", or to `http.healthcheck` for the load balancer's check" : ""
      return
        "a health check under `image.build` is never read: move it up to `image.healthcheck` (the check run inside the container)\(loadBalancer)."
    }
    return nil
  }

  /// Every key path of a manifest's schema outside `environments` (which repeat the rest), with
  /// the key names among them: built once per audit, however many keys it reports.
  struct Index {
    let paths: [(path: String, parent: String, name: String)]
    let names: [String]

    init(_ schema: CopilotKeySchema) {
      paths = schema.keyPaths().map(\.path).filter { !$0.hasPrefix("environments.<name>") }.map {
        path in
        let dot = path.lastIndex(of: ".")
        return (
          path, dot.map { String(path[..<$0]) } ?? "",
          dot.map { String(path[path.index(after: $0)...]) } ?? path
        )
      }
      names = Array(Set(paths.map(\.name))).sorted()
    }
  }

  /// Where else in the manifest Copilot reads a key named `key` (up to three paths), or a key
  /// whose name is close to it.
  static func elsewhere(key: String, in index: Index, notAt place: String) -> String? {
    let exact = index.paths.filter { $0.name == key && $0.parent != place }
    if !exact.isEmpty {
      return "Copilot reads `\(key)` at "
        + exact.prefix(3).map { "`\($0.path)`" }.joined(separator: ", ")
        + ": move it there if that is what it sets."
    }
    if let close = CopilotKeySpelling.closest(to: key, among: index.names) {
      let at = index.paths.filter { $0.name == close }.prefix(3).map { "`\($0.path)`" }
      return "did you mean `\(close)`, which Copilot reads at \(at.joined(separator: ", "))?"
    }
    return nil
  }
}
