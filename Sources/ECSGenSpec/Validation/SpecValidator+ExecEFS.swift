import ECSGenDiagnostics

extension SpecValidator {
  /// EFS's NFS port: the tasks must be allowed to open it to the file system's mount targets.
  static let nfsPort = 2049

  /// `exec:` and `volumes:`.
  func checkExecAndVolumes(_ spec: ServiceSpec, _ findings: inout Findings) {
    checkExec(spec, &findings)
    let volumes = spec.volumes ?? []
    for volume in volumes { checkVolume(volume, spec, &findings) }
    checkVolumeDuplicates(volumes, &findings)
    if !volumes.isEmpty, let arn = spec.roles?.task?.arn {
      findings.add(
        .note(
          "efs-task-role", at: arn.location,
          "the existing task role `\(arn.value)` must allow `elasticfilesystem:ClientMount` (and `elasticfilesystem:ClientWrite` for a volume that is not `read_only`) on each file system, since ecsgen adds these only to a role it creates"
        ))
    }
  }

  private func checkExec(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard let exec = spec.exec, exec.value else { return }
    let readOnly = spec.readOnlyRootFilesystem?.value ?? SpecDefaults.readOnlyRootFilesystem
    if readOnly {
      findings.add(
        .warning(
          "exec-read-only-root", at: exec.location,
          "`exec: true` with `read_only_root_filesystem: true`: ECS Exec starts its agent inside the container and needs to write to the container's file system, so `aws ecs execute-command` will fail; set `read_only_root_filesystem: false` where you need a shell (for example in a development environment), or leave `exec` off"
        ))
    }
    if let arn = spec.roles?.task?.arn {
      findings.add(
        .note(
          "exec-task-role", at: arn.location,
          "the existing task role `\(arn.value)` must allow `ssmmessages:CreateControlChannel`, `ssmmessages:CreateDataChannel`, `ssmmessages:OpenControlChannel` and `ssmmessages:OpenDataChannel` on `*` for `exec: true` to work, since ecsgen adds them only to a role it creates"
        ))
    }
  }

  private func checkVolume(
    _ volume: EFSVolumeSpec, _ spec: ServiceSpec, _ findings: inout Findings
  ) {
    if let name = volume.name, !Self.isVolumeName(name.value) {
      findings.add(
        .error(
          "efs-volume-name", at: name.location,
          "the volume name `\(name.value)` is not allowed; use 1 to 255 letters, digits, hyphens and underscores, such as `uploads`"
        ))
    }
    if let id = volume.fileSystem, !IdentifierPatterns.isEFSFileSystemID(id.value) {
      findings.add(
        .error(
          "efs-id", at: id.location,
          "`\(id.value)` is not an EFS file system id; one is `fs-` and 8 or 17 hexadecimal digits, such as `fs-0123456789abcdef0`"
        ))
    }
    if let id = volume.accessPoint, !IdentifierPatterns.isEFSAccessPointID(id.value) {
      findings.add(
        .error(
          "efs-id", at: id.location,
          "`\(id.value)` is not an EFS access point id; one is `fsap-` and 8 or 17 hexadecimal digits, such as `fsap-0123456789abcdef0`"
        ))
    }
    if let path = volume.path, !Self.isMountPath(path.value) {
      findings.add(
        .error(
          "efs-mount-path", at: path.location,
          "the mount path `\(path.value)` must be an absolute path below `/` without `..` or `//`, such as `/mnt/uploads`"
        ))
    }
    if let group = volume.securityGroup {
      if !IdentifierPatterns.isSecurityGroupID(group.value) {
        findings.add(
          .error(
            "network-id", at: group.location,
            "`\(group.value)` in a volume's `security_group` is not a security group id; one looks like `sg-0123456789abcdef0`"
          ))
      }
    } else if !Self.egressOpensNFS(spec.network?.egress ?? []) {
      let name = volume.name?.value ?? "the volume"
      findings.add(
        .error(
          "efs-egress", at: volume.location,
          "the tasks cannot reach `\(name)`'s file system: their security group allows only HTTPS (TCP 443) out, and EFS listens on TCP \(Self.nfsPort); add `security_group: sg-...` (the mount targets' group) to this volume so that ecsgen opens the port to it, or add a `network.egress` rule such as `- {port: \(Self.nfsPort), security_groups: [sg-0123456789abcdef0]}`"
        ))
    }
  }

  /// Two volumes with the same name or the same mount path: ECS refuses the task definition.
  private func checkVolumeDuplicates(_ volumes: [EFSVolumeSpec], _ findings: inout Findings) {
    var names: Set<String> = []
    var paths: Set<String> = []
    for volume in volumes {
      if let name = volume.name, !names.insert(name.value).inserted {
        findings.add(
          .error(
            "efs-volume-duplicate", at: name.location,
            "the volume name `\(name.value)` is used twice; give each volume its own name"))
      }
      if let path = volume.path, !paths.insert(Self.trimmedPath(path.value)).inserted {
        findings.add(
          .error(
            "efs-volume-duplicate", at: path.location,
            "the mount path `\(path.value)` is used by two volumes; mount each at its own path"))
      }
    }
  }

  static func isVolumeName(_ text: String) -> Bool {
    (1...255).contains(text.count)
      && text.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
  }

  static func isMountPath(_ text: String) -> Bool {
    guard text.hasPrefix("/"), text.count > 1, text.count <= 4096, !text.contains("//") else {
      return false
    }
    return !text.split(separator: "/").contains { $0 == ".." || $0 == "." }
      && !text.contains { $0.isNewline || $0 == "\0" }
  }

  private static func trimmedPath(_ text: String) -> String {
    text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
  }

  /// A TCP egress rule whose ports include 2049 and that names a destination.
  static func egressOpensNFS(_ rules: [EgressRuleSpec]) -> Bool {
    rules.contains { rule in
      (rule.transport?.value ?? .tcp) == .tcp && (rule.port?.value.contains(nfsPort) ?? false)
        && rule.destinationCount > 0
    }
  }
}
