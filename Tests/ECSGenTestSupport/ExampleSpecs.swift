import ECSGenPlan
import ECSGenSpec

/// The example specs under `specs/`, for tests that render them.
public enum ExampleSpecs {
  /// The file names, such as `production.yaml`.
  public static let files = GoldenFile.files(in: "specs", suffix: ".yaml")

  /// The resolved plan of `specs/FILE`, named as `render` names it (`specs/FILE`).
  public static func plan(_ file: String) throws -> DeploymentPlan {
    try DeploymentPlanner().plan(
      ServiceSpecLoader.load(
        path: GoldenFile.packageRoot + "/specs/" + file, displayName: "specs/" + file))
  }
}
