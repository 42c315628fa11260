/// An Amazon EFS file system mounted into the main container.
///
/// Transit encryption and IAM authorization are always on (they are not spec keys): the data
/// travels over TLS, and EFS checks the task role's `elasticfilesystem:Client*` permissions.
public struct EFSVolumePlan: Sendable, Equatable, Codable {
  /// The task definition's volume name; the mount point refers to it.
  public var name: String
  public var fileSystemID: String
  /// Nil: the file system's root directory, as the user the container runs as.
  public var accessPointID: String?
  /// Where the main container sees the volume.
  public var containerPath: String
  public var readOnly: Bool
  /// `ENABLED`, as ECS spells it.
  public var transitEncryption: String
  /// `ENABLED`: mount with the task role's identity, so that IAM decides what the task may do.
  public var iamAuthorization: String
  /// The mount targets' security group the tasks may reach on TCP 2049; nil when a
  /// `network.egress` rule opens the port instead.
  public var mountTargetSecurityGroup: String?
}
