/// Facts about ecsgen itself that rendered files refer to.
public enum ToolInfo {
  public static let version = "0.1.0"
  /// Where generated workflows fetch ecsgen from by default, and the ref they build: the release
  /// tag of the ecsgen that rendered them, so a workflow checks with the same rules it was made
  /// with. Both can be overridden with the repository variables `ECSGEN_REPOSITORY` and
  /// `ECSGEN_REF` (a tag or a full commit SHA).
  public static let sourceRepository = "https://github.com/ecsgen/ecsgen.git"
  public static var sourceRef: String { "v\(version)" }
}
