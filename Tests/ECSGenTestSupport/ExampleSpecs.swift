import ECSGenCLI
import ECSGenPlan
import ECSGenRendering
import ECSGenSpec
import Foundation

/// The example specs under `specs/`, for tests that render them.
public enum ExampleSpecs {
  /// The file names, such as `production.yaml`.
  public static let files = GoldenFile.files(in: "specs", suffix: ".yaml")

  /// `specs/FILE` loaded and checked, named as `render` names it (`specs/FILE`).
  public static func loaded(_ file: String) throws -> LoadedSpec {
    try ServiceSpecLoader.load(
      path: GoldenFile.packageRoot + "/specs/" + file, displayName: "specs/" + file)
  }

  /// The resolved plans of `specs/FILE` as `render` plans it: one per environment, in the order
  /// written, or the single plan of a spec without `environments:`. Each plan's `outputFolder`
  /// (`NAME` or `NAME/ENV`) is where `render` puts its output.
  public static func plans(_ file: String) throws -> [DeploymentPlan] {
    try DeploymentPlanner().plans(loaded(file))
  }

  /// The single plan of `specs/FILE`, for tests about one spec without environments (throws for
  /// a spec with environments).
  public static func plan(_ file: String) throws -> DeploymentPlan {
    try DeploymentPlanner().plan(loaded(file))
  }

  /// Every file `ecsgen render specs/FILE --out golden --target TARGET` writes, with its path
  /// from the package root (`golden/NAME/...`), sorted by path.
  ///
  /// It runs `render` itself, into a scratch directory, so that a suite built on it compares
  /// whatever the target renders for the spec (one file, several, or none) without knowing the
  /// target's layout.
  public static func rendered(_ file: String, target: RenderTarget) throws -> [GeneratedFile] {
    let scratch = NSTemporaryDirectory() + "ecsgen-example-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try FileManager.default.createDirectory(
      atPath: scratch + "/specs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: GoldenFile.packageRoot + "/specs/" + file, toPath: scratch + "/specs/" + file)
    let output = RenderRunner(outputDirectory: "golden", targets: [target], baseDirectory: scratch)
      .run(paths: ["specs/" + file])
    guard output.status == .clean else {
      throw RenderFailed(description: "render of specs/\(file) failed:\n\(output.standardError)")
    }
    let root = scratch + "/golden"
    let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return try paths.sorted().compactMap { path in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { return nil }
      let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
      return GeneratedFile(path: "golden/" + path, contents: String(decoding: data, as: UTF8.self))
    }
  }

  /// `render` of an example reported errors.
  public struct RenderFailed: Error, CustomStringConvertible {
    public var description: String
  }
}
