/// Where the container image comes from.
public enum ImageSpec: Sendable, Equatable {
  /// A full image reference (`registry/repository:tag` or `...@sha256:...`) pulled as it is.
  case reference(String)
  /// An image the deploy workflow builds and pushes to an ECR repository that the generated
  /// infrastructure creates.
  case build(ImageBuildSpec)
}

/// `image: {build: DIR, dockerfile: PATH, repository: NAME}`.
public struct ImageBuildSpec: Sendable, Equatable {
  /// The build context directory, relative to the repository root.
  public var context: Located<String>?
  public var dockerfile: Located<String>?
  /// The ECR repository name; defaults to the service name.
  public var repository: Located<String>?
  /// Delete the repository with its images when the infrastructure is destroyed; otherwise a
  /// repository that holds images stops the destroy.
  public var deleteImagesOnDestroy: Located<Bool>?

  public init(
    context: Located<String>? = nil, dockerfile: Located<String>? = nil,
    repository: Located<String>? = nil, deleteImagesOnDestroy: Located<Bool>? = nil
  ) {
    self.context = context
    self.dockerfile = dockerfile
    self.repository = repository
    self.deleteImagesOnDestroy = deleteImagesOnDestroy
  }
}
