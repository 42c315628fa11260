import ECSGenRendering
import ECSGenSpec
import Foundation

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
  func sidecarEntries() -> [YAMLEntry] {
    guard let sidecars = root.child("sidecars") else { return [] }
    var items: [YAMLNode] = []
    for (name, sidecar) in sidecars.entries {
      guard items.count < 9 else {
        warn(sidecar, "a task holds at most 10 containers; this sidecar was left out.")
        continue
      }
      let validName =
        !name.isEmpty && name.count <= 255 && name != serviceName
        && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
      guard validName else {
        warn(
          sidecar,
          "a container name has 1-255 letters, digits, `-` and `_`; this sidecar was left out.")
        continue
      }
      var fields: [(String, YAMLNode?)] = [("name", .string(name))]
      let image = sidecar.child("image")
      if let location = image?.concrete ?? image?.child("location")?.concrete {
        fields.append(("image", .string(location)))
      } else {
        fields.append(
          (
            "image",
            .string(
              "todo-\(name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" })-image:tag"
            )
          ))
        warn(
          image ?? sidecar,
          "ecsgen builds only the main image: build this sidecar's image, push it, and write its reference."
        )
      }
      if let port = sidecar.child("port")?.string {
        let parts = port.split(separator: "/")
        if let number = parts.first.flatMap({ Int($0) }), (1...65_535).contains(number) {
          fields.append(("port", .int(number)))
          if parts.count == 2, parts[1].lowercased() == "udp" {
            fields.append(("protocol", .string("udp")))
          }
        }
      }
      if let essential = sidecar.child("essential")?.bool {
        fields.append(("essential", .bool(essential)))
      }
      if let command = sidecar.child("command") {
        let words = command.isSequence ? command.strings : ShellWords.split(command.string ?? "")
        if !words.isEmpty { fields.append(("command", .sequence(words.map(YAMLNode.string)))) }
      }
      if let variables = sidecar.child("variables") {
        let mapped = environmentMapping(variables)
        if !mapped.isEmpty { fields.append(("environment", .mapping(mapped))) }
      }
      if let secrets = sidecar.child("secrets") {
        let (mapped, notes) = secretMapping(secrets)
        warnings += notes.map { $0.replacingOccurrences(of: "TODO: ", with: "") }
        if !mapped.isEmpty { fields.append(("secrets", .mapping(mapped))) }
      }
      if let check = sidecar.child("healthcheck"),
        let entry = containerHealthCheck(check, key: "health_check")
      {
        fields.append((entry.key, entry.value))
      }
      if let dependsOn = sidecar.child("depends_on"), let node = dependsOnNode(dependsOn) {
        fields.append(("depends_on", node))
      }
      items.append(.map(fields))
    }
    guard !items.isEmpty else { return [] }
    return [
      YAMLEntry(
        "sidecars", .sequence(items), spacedBefore: true,
        comments: ["From \(Self.at(sidecars))."])
    ]
  }

  /// `network.vpc` and the environment manifest → `network`.
  func networkEntries() -> [YAMLEntry] {
    let vpc = root.child("network", "vpc")
    var fields: [(String, YAMLNode?)] = []
    var comments: [String] = []
    // Copilot placed services in public subnets with a public IP unless told otherwise (and
    // App Runner services outside the VPC).
    var placement = "public"
    var subnets: [String] = []
    if let placementValue = vpc?.child("placement") {
      if placementValue.isMapping {
        placement = "subnets"
        subnets = placementValue.child("subnets")?.concreteStrings ?? []
        if subnets.isEmpty {
          warn(
            placementValue,
            "subnets chosen by tag have no equivalent; list their ids in `network.subnets`.")
        }
      } else {
        placement = placementValue.string ?? "public"
      }
      comments.append("Placement from \(Self.at(placementValue)).")
    }
    if let environment {
      if let vpcID = environment.vpcID {
        fields.append(("vpc_id", .string(vpcID)))
      }
      if subnets.isEmpty {
        subnets =
          placement == "private" ? environment.privateSubnetIDs : environment.publicSubnetIDs
      }
      let loadBalancerSubnets =
        isInternal ? environment.privateSubnetIDs : environment.publicSubnetIDs
      if !subnets.isEmpty { fields.append(("subnets", .sequence(subnets.map(YAMLNode.string)))) }
      if kind == "web", loadBalancerSubnets.count >= 2 {
        fields.append(
          ("load_balancer_subnets", .sequence(loadBalancerSubnets.map(YAMLNode.string))))
      }
      comments.append("The VPC and subnets from the \(environment.name) environment manifest.")
    } else if !subnets.isEmpty {
      fields.append(("subnets", .sequence(subnets.map(YAMLNode.string))))
    } else if placement == "private", let placementValue = vpc?.child("placement") {
      warn(
        placementValue,
        "the tasks ran in the environment's private subnets: list them in `network.subnets`, or import with --env-manifest."
      )
    }
    if placement == "public" && type != .requestDrivenWebService && environment != nil {
      fields.append(("assign_public_ip", .bool(true)))
      comments.append("Public placement: the tasks get public IPs, as in Copilot.")
    }
    if let groups = vpc?.child("security_groups") {
      let list = groups.isMapping ? groups.child("groups") : groups
      let ids = (list?.items ?? []).compactMap { item -> String? in
        if item.isMapping {
          if item.child("from_cfn") != nil {
            warn(
              item,
              "a security group from a CloudFormation export: write its id in `network.security_groups`."
            )
          }
          return nil
        }
        return item.concrete
      }.filter { $0.hasPrefix("sg-") }
      if !ids.isEmpty {
        fields.append(("security_groups", .sequence(ids.map(YAMLNode.string))))
        comments.append("`security_groups` from \(Self.at(groups)).")
      }
      if groups.isMapping, groups.child("deny_default")?.bool == true {
        comments.append(
          "`deny_default`: ecsgen's own group for the tasks already allows only what the spec opens."
        )
      }
    }
    if volumesNeedNFS {
      fields.append(
        (
          "egress",
          .sequence([
            .map([
              ("port", .int(2049)), ("cidrs", .sequence([.string(Self.copilotDefaultVPCCIDR)])),
            ])
          ])
        ))
      comments += [
        "TODO: NFS (TCP 2049) out to the EFS mount targets; \(Self.copilotDefaultVPCCIDR) is the VPC",
        "Copilot creates: narrow it to your VPC, or to the mount targets' security group.",
      ]
    }
    guard !fields.isEmpty else { return [] }
    return [YAMLEntry("network", .map(fields), spacedBefore: true, comments: comments)]
  }

  /// Whether `volumes` will hold an EFS file system, which needs NFS out.
  private var volumesNeedNFS: Bool {
    guard case .mapping(let volumes)? = root.child("storage")?.child("volumes")?.node else {
      return false
    }
    return volumes.contains { _, volume in
      volume["efs"]?["id"]?.scalar?.string.hasPrefix("fs-") == true
        && volume["path"]?.scalar?.string.hasPrefix("/") == true
    }
  }

  /// `exec` → `exec`.
  func execEntries() -> [YAMLEntry] {
    guard let exec = root.child("exec") else { return [] }
    let on = exec.isMapping ? exec.child("enable")?.bool : exec.bool
    guard on == true else { return [] }
    return [
      YAMLEntry("exec", .bool(true), spacedBefore: true, comments: ["From \(Self.at(exec))."])
    ]
  }
}
