import ECSGenSpec

extension DeploymentPlanner {
  /// The actions ECS Exec's agent needs in the task role: it opens a control channel and data
  /// channels to Systems Manager's message service. They accept no resource narrower than `*`.
  static let execActions = [
    "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
  ]
  static let nfsPort = 2049

  /// Fills in `executeCommand` when ECS Exec is on: the cluster and container are the plan's, the
  /// task id changes with every task, and `/bin/sh` is the shell nearly every image has.
  func withExecuteCommand(
    _ deployment: ServiceDeploymentPlan, cluster: ClusterPlan, task: TaskPlan
  ) -> ServiceDeploymentPlan {
    guard deployment.enableExecuteCommand else { return deployment }
    var planned = deployment
    planned.executeCommand =
      "aws ecs execute-command --cluster \(cluster.name) --task TASK_ID --container \(task.containerName) --interactive --command \"/bin/sh\""
    return planned
  }

  func efsVolumes(_ spec: ServiceSpec) -> [EFSVolumePlan] {
    (spec.volumes ?? []).compactMap { volume in
      guard let name = volume.name?.value, let fileSystem = volume.fileSystem?.value,
        let path = volume.path?.value
      else { return nil }
      return EFSVolumePlan(
        name: name, fileSystemID: fileSystem, accessPointID: volume.accessPoint?.value,
        containerPath: path,
        readOnly: volume.readOnly?.value ?? SpecDefaults.volumeReadOnly,
        transitEncryption: "ENABLED", iamAuthorization: "ENABLED",
        mountTargetSecurityGroup: volume.securityGroup?.value)
    }
  }

  /// What the task role needs for `exec` and for each volume: mount (read) access to the file
  /// system, write access unless the volume is read-only, through its access point when one is
  /// given (EFS's `elasticfilesystem:AccessPointArn` condition key).
  func execAndVolumeStatements(_ spec: ServiceSpec, task: TaskPlan) -> [PolicyStatement] {
    var statements: [PolicyStatement] = []
    if spec.exec?.value ?? SpecDefaults.exec, (spec.kind?.value ?? SpecDefaults.kind) != .job {
      statements.append(
        PolicyStatement(
          sid: "ECSExecChannels", effect: "Allow", actions: Self.execActions,
          resources: [.literal("*")]))
    }
    for (index, volume) in task.volumes.enumerated() {
      let conditions =
        volume.accessPointID.map {
          [
            PolicyCondition(
              test: "StringEquals", variable: "elasticfilesystem:AccessPointArn",
              values: [.accountResource(service: "elasticfilesystem", path: "access-point/\($0)")])
          ]
        } ?? []
      statements.append(
        PolicyStatement(
          sid: "MountEFSVolume\(index + 1)", effect: "Allow",
          actions: ["elasticfilesystem:ClientMount"]
            + (volume.readOnly ? [] : ["elasticfilesystem:ClientWrite"]),
          resources: [
            .accountResource(
              service: "elasticfilesystem", path: "file-system/\(volume.fileSystemID)")
          ],
          conditions: conditions))
    }
    return statements
  }

  /// The tasks' egress rules plus TCP 2049 to each volume's mount-target group, unless a rule
  /// already opens exactly that (AWS refuses a duplicate rule).
  func withNFSEgress(_ rules: [SecurityGroupRule], task: TaskPlan) -> [SecurityGroupRule] {
    var planned = rules
    for group in task.volumes.compactMap(\.mountTargetSecurityGroup) {
      let port = String(Self.nfsPort)
      let rule = SecurityGroupRule(
        description: "TCP \(port) (EFS) to \(group)", ipProtocol: "tcp", fromPort: Self.nfsPort,
        toPort: Self.nfsPort, peer: .securityGroup(group),
        name: Self.ruleName(["tcp", port, "to", group]))
      if !planned.contains(where: { $0.name == rule.name }) { planned.append(rule) }
    }
    return planned
  }
}
