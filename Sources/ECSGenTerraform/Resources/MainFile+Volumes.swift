import ECSGenPlan

extension MainFile {
  /// One `volume` block per EFS volume of the task, with the encryption and IAM settings the
  /// plan decided.
  func volumeBlocks() -> [HCLBodyItem] {
    plan.task.volumes.flatMap { volume -> [HCLBodyItem] in
      var authorization: [HCLBodyItem] = []
      if let accessPoint = volume.accessPointID {
        authorization.append(.set("access_point_id", .string(accessPoint)))
      }
      authorization.append(.set("iam", .string(volume.iamAuthorization)))
      return [
        .blankLine,
        block(
          "volume",
          [
            .set("name", .string(volume.name)),
            .blankLine,
            block(
              "efs_volume_configuration",
              [
                .set("file_system_id", .string(volume.fileSystemID)),
                .set("transit_encryption", .string(volume.transitEncryption)),
                .blankLine,
                block("authorization_config", authorization),
              ]),
          ]),
      ]
    }
  }

  /// The main container's `mountPoints`, nil when the task has no volume.
  func mountPoints() -> HCLObjectItem? {
    let volumes = plan.task.volumes
    guard !volumes.isEmpty else { return nil }
    return HCLObjectItem(
      "mountPoints",
      .list(
        volumes.map {
          .object([
            HCLObjectItem("sourceVolume", .string($0.name)),
            HCLObjectItem("containerPath", .string($0.containerPath)),
            HCLObjectItem("readOnly", .bool($0.readOnly)),
          ])
        }))
  }
}
