import ECSGenPlan

extension Resources {
  /// The task definition's `Volumes`, nil when the task has none.
  func volumes() -> JSONValue? {
    let volumes = plan.task.volumes
    guard !volumes.isEmpty else { return nil }
    return .array(
      volumes.map { volume in
        var authorization: [String: JSONValue] = ["IAM": .string(volume.iamAuthorization)]
        if let accessPoint = volume.accessPointID {
          authorization["AccessPointId"] = .string(accessPoint)
        }
        return .sorted([
          "Name": .string(volume.name),
          "EFSVolumeConfiguration": .sorted([
            "FilesystemId": .string(volume.fileSystemID),
            "TransitEncryption": .string(volume.transitEncryption),
            "AuthorizationConfig": .sorted(authorization),
          ]),
        ])
      })
  }

  /// The main container's `MountPoints`, nil when the task has no volume.
  func mountPoints() -> JSONValue? {
    let volumes = plan.task.volumes
    guard !volumes.isEmpty else { return nil }
    return .array(
      volumes.map {
        .sorted([
          "SourceVolume": .string($0.name),
          "ContainerPath": .string($0.containerPath),
          "ReadOnly": .bool($0.readOnly),
        ])
      })
  }
}
