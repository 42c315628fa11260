import ECSGenDiagnostics

/// One entry of `volumes:`: an Amazon EFS file system mounted into the main container.
///
/// Transit encryption and IAM authorization are not keys: ecsgen always turns both on.
public struct EFSVolumeSpec: Sendable, Equatable {
  public var location: SourceLocation
  /// The task definition's volume name, which the container's mount point refers to.
  public var name: Located<String>?
  /// `fs-...`.
  public var fileSystem: Located<String>?
  /// `fsap-...`; optional, recommended (it fixes the directory and the POSIX user).
  public var accessPoint: Located<String>?
  /// The absolute path the volume is mounted at in the main container.
  public var path: Located<String>?
  public var readOnly: Located<Bool>?
  /// The security group of the file system's mount targets; ecsgen then opens TCP 2049 to it.
  public var securityGroup: Located<String>?

  public init(location: SourceLocation) {
    self.location = location
  }
}
