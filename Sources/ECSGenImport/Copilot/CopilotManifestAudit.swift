import Yams

/// Finds the keys of a Copilot workload manifest that the importer did not carry over.
///
/// The mapper records the position of every key it read (`consumedKeys`); the audit walks the
/// whole manifest and reports each other key: a Copilot key without an ecsgen equivalent (with
/// what to do by hand), or a key Copilot does not know (it decoded manifests without rejecting
/// unknown keys, so these are silent mistakes), with "did you mean" where one is close.
public enum CopilotManifestAudit {
  /// The findings for `root` (the manifest's top-level mapping), in manifest order.
  public static func findings(
    in root: Node, workloadType: CopilotWorkloadType, consumedKeys: Set<CopilotKeyPosition>
  ) -> [CopilotImportFinding] {
    // Placeholder until the key catalogue lands (issue 15).
    []
  }
}
