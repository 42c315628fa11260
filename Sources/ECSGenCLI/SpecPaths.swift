import Foundation

/// A spec file to read: the path diagnostics show (as the user wrote it) and the path to open.
public struct SpecFile: Sendable, Equatable {
  public var displayPath: String
  public var readPath: String
}

/// Expands the paths given to a command into the spec files to read.
public enum SpecPaths {
  /// Where commands look when no path is given.
  public static let defaultDirectory = "specs"

  /// Files as given; directories as their `*.yaml` and `*.yml` files (not recursive), sorted by
  /// name so that output order never depends on the file system. Relative paths are resolved
  /// against `baseDirectory` when one is given (tests use it; the CLI uses the working directory).
  public static func expand(
    _ paths: [String], baseDirectory: String? = nil
  ) throws(ToolFailure) -> [SpecFile] {
    let manager = FileManager.default
    func resolved(_ path: String) -> String { resolve(path, against: baseDirectory) }
    var files: [SpecFile] = []
    for path in paths.isEmpty ? [defaultDirectory] : paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: resolved(path), isDirectory: &isDirectory) else {
        throw ToolFailure("\(path): no such file or directory")
      }
      guard isDirectory.boolValue else {
        files.append(SpecFile(displayPath: path, readPath: resolved(path)))
        continue
      }
      guard let names = try? manager.contentsOfDirectory(atPath: resolved(path)) else {
        throw ToolFailure("\(path): cannot list the directory")
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      let specs = names.filter { name in
        var isNestedDirectory: ObjCBool = false
        return (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
          && manager.fileExists(atPath: resolved(prefix + name), isDirectory: &isNestedDirectory)
          && !isNestedDirectory.boolValue
      }.sorted()
      if specs.isEmpty {
        throw ToolFailure("\(path): no *.yaml or *.yml spec files in this directory")
      }
      files += specs.map { SpecFile(displayPath: prefix + $0, readPath: resolved(prefix + $0)) }
    }
    return files
  }
}

/// A relative path resolved against `base` (tests render into the package); nil keeps it as is.
func resolve(_ path: String, against base: String?) -> String {
  guard let base, !path.hasPrefix("/") else { return path }
  return base + "/" + path
}
