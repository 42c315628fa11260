/// Facts about ecsgen itself that rendered files refer to.
public enum ToolInfo {
  /// Written into every generated file's header, so that `ecsgen check` can tell files that
  /// another ecsgen rendered.
  public static let version = "0.1.0"
  /// The Swift toolchain a generated workflow builds ecsgen with (the package's tools version).
  /// There is no default source to build: the workflow reads the repository and the commit from
  /// repository variables (`CIPlan.toolSource`) and fails when they are not set.
  public static let buildSwiftVersion = "6.1"
}
