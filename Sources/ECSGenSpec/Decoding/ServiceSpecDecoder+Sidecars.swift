import ECSGenDiagnostics
import Yams

/// `sidecars` and `depends_on`: the task's further containers and the order they start in.
extension ServiceSpecDecoder {
  func decodeSidecars(_ node: Node) -> [SidecarSpec]? {
    guard case .sequence(let sequence) = node else {
      context.markUndecodable("sidecars")
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`sidecars` must be a list of containers such as `- name: otel-collector`, but this is \(node.kindDescription)"
        ))
      return nil
    }
    return sequence.enumerated().compactMap { index, item in
      decodeSidecar(item, path: "sidecars[\(index)]")
    }
  }

  private func decodeSidecar(_ node: Node, path: String) -> SidecarSpec? {
    guard let map = section(node, path, SpecKeys.sidecar) else { return nil }
    var sidecar = SidecarSpec(location: map.location)
    sidecar.name = map.value("name").flatMap { values.string($0, field: map.field("name")) }
    sidecar.image = map.value("image").flatMap { values.string($0, field: map.field("image")) }
    sidecar.cpu = map.value("cpu").flatMap { values.cpu($0, field: map.field("cpu")) }
    sidecar.memory = map.value("memory").flatMap { values.memory($0, field: map.field("memory")) }
    sidecar.port = map.value("port").flatMap { values.integer($0, field: map.field("port")) }
    sidecar.portProtocol = map.value("protocol").flatMap {
      values.choice($0, field: map.field("protocol"))
    }
    sidecar.essential = map.value("essential").flatMap {
      values.bool($0, field: map.field("essential"))
    }
    sidecar.command = map.value("command").flatMap {
      values.stringList($0, field: map.field("command"))
    }
    sidecar.environment = map.value("environment").flatMap {
      values.stringMap($0, field: map.field("environment"))
    }
    sidecar.secrets = map.value("secrets").flatMap {
      values.stringMap($0, field: map.field("secrets"))
    }
    sidecar.healthCheck = map.value("health_check").flatMap {
      decodeContainerHealthCheck($0, path: map.field("health_check"))
    }
    sidecar.dependsOn = map.value("depends_on").flatMap {
      decodeDependsOn($0, field: map.field("depends_on"))
    }
    sidecar.readOnlyRootFilesystem = map.value("read_only_root_filesystem").flatMap {
      values.bool($0, field: map.field("read_only_root_filesystem"))
    }
    if map.value("name") == nil {
      context.report(
        .error(
          "missing-key", at: map.location,
          "`\(path)` needs a `name`, the container's name in the task, such as `otel-collector`"))
    }
    if map.value("image") == nil {
      context.report(
        .error(
          "missing-key", at: map.location,
          "`\(path)` needs an `image`, such as `public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0`"
        ))
    }
    return sidecar
  }

  /// A `depends_on` mapping of container names to conditions (`START`, `COMPLETE`, `SUCCESS`,
  /// `HEALTHY`); a condition is accepted in any letter case.
  func decodeDependsOn(_ node: Node, field: String) -> [ContainerDependencySpec]? {
    guard let entries = values.stringMap(node, field: field) else { return nil }
    return entries.compactMap { entry in
      guard let condition = DependencyCondition(rawValue: entry.value.value.uppercased()) else {
        context.markUndecodable("\(field).\(entry.key.value)")
        context.report(
          .error(
            "wrong-type", at: entry.value.location,
            "`\(field).\(entry.key.value)` is `\(entry.value.value)`; a dependency's condition is one of `START`, `COMPLETE`, `SUCCESS` or `HEALTHY`"
          ))
        return nil
      }
      return ContainerDependencySpec(
        container: entry.key, condition: Located(condition, at: entry.value.location))
    }
  }
}
