import ECSGenRendering
import ECSGenSpec
import Foundation

/// `storage`: ephemeral storage, the read-only root file system, EFS volumes.
extension CopilotSpecMapper {
  /// `storage` → `ephemeral_storage`, `read_only_root_filesystem`, `volumes`.
  func storageEntries() -> [YAMLEntry] {
    guard let storage = root.child("storage") else { return [] }
    var entries: [YAMLEntry] = []
    if let ephemeral = storage.child("ephemeral") {
      if let gib = ephemeral.int, gib > 20 {
        let clamped = min(gib, 200)
        entries.append(
          YAMLEntry(
            "ephemeral_storage", .int(clamped), spacedBefore: true,
            comments: [
              clamped == gib
                ? "From \(Self.at(ephemeral)), in GiB."
                : "WARNING: \(Self.at(ephemeral)) was \(gib) GiB; Fargate gives at most 200."
            ]))
      }
    }
    if let readOnly = storage.child("readonly_fs"), let value = readOnly.bool {
      entries.append(
        YAMLEntry(
          "read_only_root_filesystem", .bool(value), spacedBefore: entries.isEmpty,
          comments: ["From \(Self.at(readOnly))."]))
    }
    if let volumes = storage.child("volumes") {
      var items: [YAMLNode] = []
      for (name, volume) in volumes.entries {
        if let item = efsVolume(name: name, volume) { items.append(item) }
      }
      if !items.isEmpty {
        entries.append(
          YAMLEntry(
            "volumes", .sequence(items), spacedBefore: entries.isEmpty,
            comments: ["From \(Self.at(volumes)): EFS file systems the service brought."]))
      }
    }
    return entries
  }

  /// One `storage.volumes.NAME` with an existing EFS file system; Copilot's managed EFS
  /// (`efs: true`) and bind mounts have no equivalent.
  private func efsVolume(name: String, _ volume: CopilotValue) -> YAMLNode? {
    guard let efs = volume.child("efs") else {
      warn(volume, "a volume without EFS (a bind mount shared with sidecars) has no equivalent.")
      return nil
    }
    let id = efs.isMapping ? efs.child("id")?.concrete : nil
    guard let id, id.hasPrefix("fs-") else {
      warn(
        efs,
        "Copilot created and managed this EFS file system; ecsgen mounts only an existing one: create it (with an access point), then add it to `volumes`."
      )
      return nil
    }
    guard let path = volume.child("path")?.string, path.hasPrefix("/") else {
      warn(volume, "the volume has no absolute `path`; add it to `volumes` by hand.")
      return nil
    }
    let volumeName =
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        && !name.isEmpty && name.count <= 255 ? name : "volume"
    var fields: [(String, YAMLNode?)] = [
      ("name", .string(volumeName)), ("file_system", .string(id)),
    ]
    if let accessPoint = efs.child("auth", "access_point_id")?.concrete {
      fields.append(("access_point", .string(accessPoint)))
    } else if let root = efs.child("root_dir")?.string, root != "/" {
      warn(
        efs,
        "ecsgen chooses the directory through an access point: create one for `\(root.prefix(100))` and set `access_point`."
      )
    }
    fields.append(("path", .string(path)))
    if volume.child("read_only")?.bool == true {
      fields.append(("read_only", .bool(true)))
    }
    if efs.child("auth", "iam")?.bool == false {
      warn(efs, "ecsgen always mounts with IAM authorization and TLS.")
    }
    return .map(fields)
  }

  /// `sidecars.NAME` → `sidecars` entries.
}
