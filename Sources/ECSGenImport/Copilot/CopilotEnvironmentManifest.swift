import Foundation

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
  /// Reads `data`, the manifest at `file` (whose directory names the environment when the
  /// manifest has no `name:`). Throws with a reason when the text is not YAML or not an
  /// environment manifest.
  public static func read(_ data: Data, file: String) throws(ImportError)
    -> CopilotEnvironmentManifest
  {
    // Placeholder until the environment manifest reader lands (issue 15).
    throw ImportError("environment manifests are not read yet")
  }
}
