import ECSGenRendering
import ECSGenSpec

/// Maps one Copilot workload manifest (or one environment's merged view of it) to the top-level
/// entries of an ecsgen spec, in the order of the spec reference. Every value it writes is one
/// ecsgen accepts; a Copilot value outside that range is replaced by the nearest one, with a
/// comment that says so. What has no equivalent is left for `CopilotManifestAudit` (keys never
/// read) or noted in `warnings` (values read but not expressible).
final class CopilotSpecMapper {
  let root: CopilotValue
  let type: CopilotWorkloadType
  let serviceName: String
  /// The Copilot application's name (from `copilot/.workspace`), for the names Copilot derived.
  let applicationName: String?
  /// The environment manifest of the environment being mapped, when given.
  let environment: CopilotEnvironmentManifest?
  /// Header lines (without `WARNING: `) for values that were read but do not carry over.
  var warnings: [String] = []

  init(
    root: CopilotValue, type: CopilotWorkloadType, serviceName: String,
    applicationName: String?, environment: CopilotEnvironmentManifest?
  ) {
    self.applicationName = applicationName
    self.root = root
    self.type = type
    self.serviceName = serviceName
    self.environment = environment
  }

  /// `key` (line N), the way every comment names a manifest key.
  static func at(_ value: CopilotValue) -> String {
    "`\(value.path)` (line \(value.line))"
  }

  func warn(_ value: CopilotValue, _ message: String) {
    warnings.append(Self.at(value) + ": " + message)
  }

  /// A Backend Service with `http` is served through an internal load balancer, which in ecsgen
  /// is an internal `web` service.
  lazy var httpNode: CopilotValue? = {
    guard let http = root.child("http") else { return nil }
    if http.bool == false { return nil }
    return http
  }()

  lazy var kind: String = {
    switch type {
    case .loadBalancedWebService: httpNode == nil && root.has("http") ? "backend" : "web"
    case .backendService: httpNode == nil ? "backend" : "web"
    case .workerService: "worker"
    case .scheduledJob: "job"
    case .requestDrivenWebService: "web"
    }
  }()

  var isService: Bool { kind != "job" }
  /// A web service whose load balancer is internal (Backend Service with `http`, a private
  /// Request-Driven Web Service).
  lazy var isInternal: Bool = {
    switch type {
    case .backendService: true
    case .requestDrivenWebService:
      root.child("http", "private").map { $0.bool != false } ?? false
    default: false
    }
  }()

  func entries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    entries += imageEntries()
    entries += sizeEntries()
    entries += containerEntries()
    entries += variableEntries()
    if kind == "web" { entries += webEntries() }
    entries += loggingEntries()
    if isService { entries += scalingEntries() }
    entries += storageEntries()
    entries += sidecarEntries()
    entries += networkEntries()
    if isService { entries += execEntries() }
    if kind == "worker" { entries += workerEntries() }
    if kind == "job" { entries += jobEntries() }
    entries += tagEntries()
    return entries
  }
}
