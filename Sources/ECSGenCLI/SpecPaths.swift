import Foundation

/// Expands the paths given to a command into the spec files to read.
public enum SpecPaths {
  /// Where commands look when no path is given.
  public static let defaultDirectory = "specs"

  /// Files as given; directories as their `*.yaml` and `*.yml` files (not recursive), sorted by
  /// name so that output order never depends on the file system.
  public static func expand(_ paths: [String]) throws(ToolFailure) -> [String] {
    let manager = FileManager.default
    var files: [String] = []
    for path in paths.isEmpty ? [defaultDirectory] : paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ToolFailure("\(path): no such file or directory")
      }
      guard isDirectory.boolValue else {
        files.append(path)
        continue
      }
      guard let names = try? manager.contentsOfDirectory(atPath: path) else {
        throw ToolFailure("\(path): cannot list the directory")
      }
      let specs = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      if specs.isEmpty {
        throw ToolFailure("\(path): no *.yaml or *.yml spec files in this directory")
      }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      for name in specs {
        var isNestedDirectory: ObjCBool = false
        let file = prefix + name
        if manager.fileExists(atPath: file, isDirectory: &isNestedDirectory),
          !isNestedDirectory.boolValue
        {
          files.append(file)
        }
      }
    }
    return files
  }
}
