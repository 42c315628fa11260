/// The layout `render` writes a service's files in (`--out DIR`, `--workflows-dir DIR`).
///
/// One value, given to the CLI that places the files and to the workflow renderer that refers to
/// them, so that a workflow's review step checks the layout the files were rendered in and its
/// `on.paths` name where the files really are.
public struct OutputPaths: Sendable, Equatable {
  /// `--out`: services go to `DIR/NAME/TARGET/`.
  public var outputDirectory: String
  /// `--workflows-dir`: workflows go here instead of `DIR/NAME/github-actions/`.
  public var workflowsDirectory: String?

  public init(outputDirectory: String = "infra", workflowsDirectory: String? = nil) {
    self.outputDirectory = outputDirectory
    self.workflowsDirectory = workflowsDirectory
  }

  /// The folder that holds a service's targets, as a repository path (`infra/orders-api`).
  public func serviceDirectory(_ service: String) -> String {
    Self.repositoryPath(outputDirectory) + "/" + service
  }

  /// Where GitHub runs the workflow from: the workflows folder it was rendered into, or, without
  /// `--workflows-dir`, `.github/workflows/`, where the README says to copy it (GitHub runs
  /// workflows from nowhere else).
  public func runningWorkflowFile(_ fileName: String) -> String {
    Self.repositoryPath(workflowsDirectory ?? ".github/workflows") + "/" + fileName
  }

  /// The options that select this layout on the command line, for `check` to compare with what
  /// `render` wrote.
  public var commandLineOptions: [String] {
    var options = ["--out", Self.repositoryPath(outputDirectory)]
    if let workflowsDirectory {
      options += ["--workflows-dir", Self.repositoryPath(workflowsDirectory)]
    }
    return options
  }

  /// `path` as GitHub matches repository paths: no leading `./`, no trailing `/`.
  static func repositoryPath(_ path: String) -> String {
    var path = Substring(path)
    while path.hasPrefix("./") { path = path.dropFirst(2) }
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    return path.isEmpty ? "." : String(path)
  }
}
