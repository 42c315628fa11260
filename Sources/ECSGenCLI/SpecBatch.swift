import ECSGenSpec

/// Loads many spec files, on all cores when there are enough of them.
public enum SpecBatch {
  /// The specs at `paths` (files or directories, see `SpecPaths`), loaded.
  public static func load(
    paths: [String], baseDirectory: String?
  ) throws(ToolFailure) -> [LoadedSpec] {
    let files = try SpecPaths.expand(paths, baseDirectory: baseDirectory)
    do {
      return try load(files)
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// The loaded specs in the order of `files`. Throws the first file that cannot be opened.
  public static func load(_ files: [SpecFile]) throws(SpecReadError) -> [LoadedSpec] {
    let results = Parallel.map(files.count) { index in
      Result { () throws(SpecReadError) in
        try ServiceSpecLoader.load(
          path: files[index].readPath, displayName: files[index].displayPath)
      }
    }
    var loaded: [LoadedSpec] = []
    for result in results { loaded.append(try result.get()) }
    return loaded
  }
}
