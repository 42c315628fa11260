import ECSGenDiagnostics

/// `terraform`: settings of the generated Terraform root configuration.
public struct TerraformSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var s3Backend: S3BackendSpec?
  /// Where `backend: local` is written: state stays in a file beside the configuration, for
  /// people who run Terraform by hand. Allowed only when no workflow runs Terraform.
  public var localBackend: SourceLocation?

  public init(
    location: SourceLocation, s3Backend: S3BackendSpec? = nil, localBackend: SourceLocation? = nil
  ) {
    self.location = location
    self.s3Backend = s3Backend
    self.localBackend = localBackend
  }
}

/// `terraform.backend.s3`: remote state in S3, locked by DynamoDB or by an S3 lock file.
public struct S3BackendSpec: Sendable, Equatable {
  public var location: SourceLocation
  public var bucket: Located<String>?
  public var key: Located<String>?
  public var region: Located<String>?
  public var dynamoDBTable: Located<String>?
  public var useLockfile: Located<Bool>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// `ci`: the generated GitHub Actions deploy workflow.
public struct CISpec: Sendable, Equatable {
  public var location: SourceLocation
  public var roleARN: Located<String>?
  public var branch: Located<String>?
  public var environment: Located<String>?
  public var deployWith: Located<DeployTool>?

  public init(location: SourceLocation) {
    self.location = location
  }
}

/// Which infrastructure tool the deploy workflow applies.
public enum DeployTool: String, Sendable, Equatable, CaseIterable {
  case terraform
  case cloudformation
}
