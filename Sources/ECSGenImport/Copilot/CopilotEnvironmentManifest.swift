import ECSGenSpec
import Foundation
import Yams

/// What a Copilot environment manifest (`copilot/environments/ENV/manifest.yml`) says that
/// belongs to a service's spec: where the service runs and the certificates of its listener.
/// The rest of an environment manifest describes shared infrastructure that ecsgen does not
/// create; the reader reports it in `findings`.
public struct CopilotEnvironmentManifest: Sendable, Equatable {
  /// The environment's name: the manifest's `name:`, else the name of its directory.
  public var name: String
  /// `network.vpc.id`: nil when Copilot created the VPC (then the spec needs a TODO).
  public var vpcID: String?
  /// `network.vpc.subnets.public[].id`, in manifest order.
  public var publicSubnetIDs: [String]
  /// `network.vpc.subnets.private[].id`, in manifest order.
  public var privateSubnetIDs: [String]
  /// `http.public.certificates`, in manifest order.
  public var publicCertificateARNs: [String]
  /// `http.private.certificates`, in manifest order.
  public var privateCertificateARNs: [String]
  /// Keys of the environment manifest that matter to the service but did not carry over.
  public var findings: [CopilotImportFinding]

  public init(
    name: String, vpcID: String? = nil, publicSubnetIDs: [String] = [],
    privateSubnetIDs: [String] = [], publicCertificateARNs: [String] = [],
    privateCertificateARNs: [String] = [], findings: [CopilotImportFinding] = []
  ) {
    self.name = name
    self.vpcID = vpcID
    self.publicSubnetIDs = publicSubnetIDs
    self.privateSubnetIDs = privateSubnetIDs
    self.publicCertificateARNs = publicCertificateARNs
    self.privateCertificateARNs = privateCertificateARNs
    self.findings = findings
  }
}

/// Reads a Copilot environment manifest (`type: Environment`).
public enum CopilotEnvironmentManifestReader {
  /// The largest manifest read (1 MiB, as for Lambda configurations and specs). A real
  /// environment manifest is a few kilobytes: a larger file is not one, and reading it would
  /// only cost memory and time.
  public static let maxBytes = 1 << 20

  /// Reads `data`, the manifest at `file` (whose directory names the environment when the
  /// manifest has no `name:`). Throws with a reason when the text is not YAML or not an
  /// environment manifest.
  public static func read(_ data: Data, file: String) throws(ImportError)
    -> CopilotEnvironmentManifest
  {
    guard data.count <= maxBytes else {
      throw ImportError(
        "the file has \(data.count) bytes; a Copilot environment manifest is a few kilobytes and ecsgen reads at most \(maxBytes) bytes (1 MiB), so check that this is `copilot/environments/ENV/manifest.yml`"
      )
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError("the file is not UTF-8 text, so it is not a Copilot environment manifest")
    }
    // The spec loader's YAML reading, with its guards (nesting depth, alias expansion,
    // duplicate keys): an environment manifest is as untrusted as the workload manifest, and a
    // plain `Yams.compose` let an alias bomb used as a mapping key run without end.
    let root: Node
    switch YAMLDocument.parse(text, file: file) {
    case .success(let node): root = node
    case .failure(let problem) where problem.rule == "empty-file":
      throw ImportError(
        "the file is empty, so it is not a Copilot environment manifest (which starts with `name:` and `type: Environment`)"
      )
    case .failure(let problem):
      throw ImportError(
        "the file is not YAML that ecsgen reads (line \(problem.location.line), column \(problem.location.column): \(CopilotManifestWalker.shortened(problem.message))); give a Copilot environment manifest, `copilot/environments/ENV/manifest.yml`"
      )
    }
    guard case .mapping = root else {
      throw ImportError(
        "the file is not a YAML mapping, so it is not a Copilot environment manifest (which starts with `name:` and `type: Environment`)"
      )
    }
    var reading = Reading()
    let type = reading.string(root, "type")
    guard type == "Environment" else {
      if let type, CopilotWorkloadType(rawValue: type) != nil {
        throw ImportError(
          "the file is a workload manifest (`type: \(type)`), not an environment manifest: give it as the MANIFEST argument, and environment manifests (`type: Environment`) with --env-manifest"
        )
      }
      let shown = type.map { "`type: \(CopilotManifestWalker.shortened($0))`" } ?? "no `type:`"
      throw ImportError(
        "the file has \(shown); a Copilot environment manifest has `type: Environment`")
    }
    guard let name = reading.string(root, "name") ?? directoryName(of: file) else {
      throw ImportError(
        "the file has no `name:` and no directory to name the environment after; add `name: ENV`"
      )
    }
    var manifest = CopilotEnvironmentManifest(name: name)
    let network = reading.value(root, "network")
    let vpc = network.flatMap { reading.value($0, "vpc") }
    manifest.vpcID = vpc.flatMap { reading.string($0, "id") }
    let subnets = vpc.flatMap { reading.value($0, "subnets") }
    manifest.publicSubnetIDs = reading.subnetIDs(subnets, "public")
    manifest.privateSubnetIDs = reading.subnetIDs(subnets, "private")
    let http = reading.value(root, "http")
    manifest.publicCertificateARNs = reading.strings(
      http.flatMap { reading.value($0, "public") }, "certificates")
    manifest.privateCertificateARNs = reading.strings(
      http.flatMap { reading.value($0, "private") }, "certificates")
    // `false` turns these off, which is also what ecsgen does: nothing to report.
    reading.consumeIfFalse(root, "cdn")
    reading.consumeIfFalse(http.flatMap { reading.value($0, "public") }, "access_logs")
    reading.consumeIfFalse(
      http.flatMap { reading.value($0, "public") }.flatMap { reading.value($0, "ingress") }, "cdn")
    reading.consumeIfFalse(
      http.flatMap { reading.value($0, "private") }.flatMap { reading.value($0, "ingress") }, "vpc")

    var findings: [CopilotImportFinding] = []
    if manifest.vpcID == nil {
      // The VPC's `cidr` (if any) says the same; this finding covers it.
      if let vpc { reading.consume(vpc, "cidr") }
      let anchor = reading.keyNode(network, "vpc") ?? reading.keyNode(root, "network")
      let position =
        anchor.map(CopilotManifestWalker.position(of:)) ?? CopilotKeyPosition(line: 1, column: 1)
      findings.append(
        CopilotImportFinding(
          keyPath: "network.vpc.id", line: position.line, column: position.column,
          message:
            "environment \(CopilotManifestWalker.shortened(name)) has no `network.vpc.id`: Copilot created its VPC, and the spec needs real ids. Find the VPC and subnets Copilot created (`aws ec2 describe-vpcs --filters Name=tag:copilot-environment,Values=\(CopilotManifestWalker.shortened(name))`, then `aws ec2 describe-subnets`) and write them as `network.vpc_id`, `network.subnets` and `network.load_balancer_subnets`, or move the services to a VPC of your own."
        ))
    }
    findings += CopilotManifestAudit.findings(
      in: root, schema: CopilotKeyCatalogue.environmentManifest,
      manifestKind: "an environment manifest", consumedKeys: reading.consumed)
    manifest.findings = findings.enumerated().sorted {
      ($0.element.line, $0.element.column, $0.offset) < (
        $1.element.line, $1.element.column, $1.offset
      )
    }.map(\.element)
    return manifest
  }

  /// The directory a manifest lies in (`copilot/environments/prod/manifest.yml` → `prod`).
  static func directoryName(of file: String) -> String? {
    // Split by hand rather than with NSString's path functions, which a hostile path could trip.
    let components = file.split(separator: "/", omittingEmptySubsequences: true)
    guard components.count >= 2 else { return nil }
    let name = String(components[components.count - 2])
    return name == "." || name == ".." ? nil : name
  }

  /// Looks keys up in the manifest and remembers the position of each key read, for the audit.
  struct Reading {
    var consumed = Set<CopilotKeyPosition>()

    /// The key node and value of `key` in `node`, when `node` is a mapping holding it (the
    /// first one: Copilot refused manifests with a key twice).
    func pair(_ node: Node, _ key: String) -> (key: Node, value: Node)? {
      guard case .mapping(let mapping) = node else { return nil }
      for (candidate, value) in mapping {
        if case .scalar(let scalar) = candidate, scalar.string == key { return (candidate, value) }
      }
      return nil
    }

    func keyNode(_ node: Node?, _ key: String) -> Node? {
      node.flatMap { pair($0, key)?.key }
    }

    mutating func consume(_ node: Node, _ key: String) {
      if let found = pair(node, key) {
        consumed.insert(CopilotManifestWalker.position(of: found.key))
      }
    }

    mutating func consumeIfFalse(_ node: Node?, _ key: String) {
      guard let node, let found = pair(node, key), case .scalar(let scalar) = found.value,
        scalar.string == "false"
      else { return }
      consumed.insert(CopilotManifestWalker.position(of: found.key))
    }

    /// The value of `key` (a mapping or list), not marked as read: its children are.
    func value(_ node: Node, _ key: String) -> Node? { pair(node, key)?.value }

    /// The string value of `key`, marked as read.
    mutating func string(_ node: Node, _ key: String) -> String? {
      guard let found = pair(node, key), case .scalar(let scalar) = found.value,
        !CopilotManifestWalker.isNull(found.value)
      else { return nil }
      consumed.insert(CopilotManifestWalker.position(of: found.key))
      // An empty value (`id: ''`, as in manifests published with their ids masked) is no id:
      // reading it as absent gives the spec a TODO instead of a value lint refuses.
      return scalar.string.allSatisfy(\.isWhitespace) ? nil : scalar.string
    }

    /// The strings of the list `key`, marked as read.
    mutating func strings(_ node: Node?, _ key: String) -> [String] {
      guard let node, let found = pair(node, key), case .sequence(let items) = found.value
      else { return [] }
      consumed.insert(CopilotManifestWalker.position(of: found.key))
      return items.compactMap { item in
        guard case .scalar(let scalar) = item, !scalar.string.allSatisfy(\.isWhitespace)
        else { return nil }
        return scalar.string
      }
    }

    /// The `id` of each subnet of the list `key` (`public` or `private`).
    mutating func subnetIDs(_ subnets: Node?, _ key: String) -> [String] {
      guard let subnets, let found = pair(subnets, key), case .sequence(let items) = found.value
      else { return [] }
      return items.compactMap { string($0, "id") }
    }
  }
}
