import ECSGenCLI
import Foundation
import Testing

/// Reference files under `golden/`: compared byte for byte, rewritten only on request.
///
/// Set `ECSGEN_UPDATE_GOLDEN=1` to rewrite every golden file a test reads instead of comparing,
/// then read the result with `git diff golden/` before committing it.
public enum GoldenFile {
  /// The package root, found from this file's path so that tests work from any directory.
  public static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  public static var isUpdating: Bool {
    ProcessInfo.processInfo.environment["ECSGEN_UPDATE_GOLDEN"] == "1"
  }

  /// Compares `actual` with the golden file at `relativePath` (from the package root), recording
  /// an issue with a line diff when they differ; writes the file instead when updating.
  public static func check(
    _ actual: String, against relativePath: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let path = packageRoot + "/" + relativePath
    if isUpdating {
      let directory = (path as NSString).deletingLastPathComponent
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
      } catch {
        Issue.record("cannot write \(relativePath): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "missing golden file \(relativePath); run the tests with ECSGEN_UPDATE_GOLDEN=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      Issue.record(
        """
        \(relativePath) differs from what the code produces:
        \(UnifiedDiff.render(old: expected, new: actual, oldLabel: "golden", newLabel: "actual"))
        If the change is intended, rerun with ECSGEN_UPDATE_GOLDEN=1 and review `git diff golden/`.
        """, sourceLocation: sourceLocation)
    }
  }

  /// Every file under a directory of the package, at any depth, as paths from the package root
  /// (`golden/NAME/dev/terraform/main.tf`), sorted; none when the directory does not exist.
  public static func allFiles(in relativeDirectory: String) -> [String] {
    let root = packageRoot + "/" + relativeDirectory
    let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return paths.filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.map { relativeDirectory + "/" + $0 }.sorted()
  }

  /// The names of the files in a directory of the package with the given suffix, sorted.
  public static func files(in relativeDirectory: String, suffix: String) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/" + relativeDirectory))
      ?? []
    return names.filter { $0.hasSuffix(suffix) }.sorted()
  }
}
