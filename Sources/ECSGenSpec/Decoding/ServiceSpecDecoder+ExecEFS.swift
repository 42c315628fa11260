import ECSGenDiagnostics
import Yams

/// `exec:` and `volumes:` (ECS Exec and EFS volumes).
extension ServiceSpecDecoder {
  func decodeExecAndVolumes(_ top: MappingReader, into spec: inout ServiceSpec) {
    spec.exec = top.value("exec").flatMap { values.bool($0, field: "exec") }
    spec.volumes = top.value("volumes").flatMap(decodeVolumes)
  }

  private func decodeVolumes(_ node: Node) -> [EFSVolumeSpec]? {
    guard case .sequence(let sequence) = node else {
      context.markUndecodable("volumes")
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`volumes` must be a list of EFS volumes such as `- {name: uploads, file_system: fs-0123456789abcdef0, path: /mnt/uploads}`, but this is \(node.kindDescription)"
        ))
      return nil
    }
    return sequence.enumerated().compactMap { index, item in
      decodeVolume(item, path: "volumes[\(index)]")
    }
  }

  private func decodeVolume(_ node: Node, path: String) -> EFSVolumeSpec? {
    guard let map = section(node, path, SpecKeys.volume) else { return nil }
    var volume = EFSVolumeSpec(location: map.location)
    func string(_ key: String) -> Located<String>? {
      map.value(key).flatMap { values.string($0, field: map.field(key)) }
    }
    volume.name = string("name")
    volume.fileSystem = string("file_system")
    volume.accessPoint = string("access_point")
    volume.path = string("path")
    volume.readOnly = map.value("read_only").flatMap {
      values.bool($0, field: map.field("read_only"))
    }
    volume.securityGroup = string("security_group")
    for (key, example) in [
      ("name", "name: uploads"), ("file_system", "file_system: fs-0123456789abcdef0"),
      ("path", "path: /mnt/uploads"),
    ] where map.value(key) == nil {
      context.report(
        .error(
          "missing-key", at: map.location,
          "an EFS volume needs `\(key)`; for example `\(example)`"))
    }
    return volume
  }
}
