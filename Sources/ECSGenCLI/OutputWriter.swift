import ECSGenRendering
import Foundation

/// Writes rendered files into a target folder the way `ecsgen render` promises: each file
/// atomically (a temporary file renamed over the old one), only when its bytes change, and files
/// that an earlier render wrote there but that are no longer produced are removed. Files without
/// the generated marker are never touched.
struct OutputWriter {
  /// What a sync did, as paths relative to the output root.
  struct Summary: Equatable {
    var written: [String] = []
    var unchanged: [String] = []
    var removed: [String] = []
  }

  /// Writes `files` (paths relative to `root`) and, when a `folder` is given, removes the other
  /// generated files under `root/folder`.
  func sync(
    _ files: [GeneratedFile], root: String, folder: String?
  ) throws(ToolFailure) -> Summary {
    var summary = Summary()
    var directoriesMade = Set<String>()
    // Directories this sync made: they held nothing before, so nothing in them is stale.
    var directoriesCreated = Set<String>()
    for file in files {
      let path = root + "/" + file.path
      let bytes = file.contents.utf8
      if let existing = FileSystem.contents(atPath: path), existing.elementsEqual(bytes) {
        summary.unchanged.append(file.path)
        continue
      }
      let directory = Self.parent(of: path)
      if directoriesMade.insert(directory).inserted {
        switch FileSystem.makeDirectory(directory) {
        case .created: directoriesCreated.insert(directory)
        case .existed: TemporaryFiles.sweep(directory)
        case .failed:
          // The slow path says why (a file where a directory should be, permissions).
          try Self.makeDirectory(directory)
          TemporaryFiles.sweep(directory)
        }
      }
      try Self.writeAtomically(bytes, to: path, in: directory)
      summary.written.append(file.path)
    }
    let produced = Set(files.map(\.path))
    var stale: [String] = []
    if let folder, !directoriesCreated.contains(root + "/" + folder) {
      stale = Self.generatedFiles(in: folder, root: root, skipping: produced)
    }
    for stale in stale {
      do {
        try FileManager.default.removeItem(atPath: root + "/" + stale)
      } catch {
        throw ToolFailure("cannot remove \(root)/\(stale): \(error.localizedDescription)")
      }
      summary.removed.append(stale)
    }
    return summary
  }

  /// Writes a temporary file beside `path` and renames it over `path`, so that a reader (or a
  /// crash) never sees half a file.
  private static func writeAtomically(
    _ bytes: String.UTF8View, to path: String, in directory: String
  ) throws(ToolFailure) {
    let temporary = directory + "/" + TemporaryFiles.name(for: name(of: path))
    if let reason = FileSystem.create(temporary, bytes: bytes) {
      unlink(temporary)
      throw ToolFailure("cannot write \(path): \(reason)")
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw ToolFailure("cannot write \(path): \(reason)")
    }
  }

  /// Files under `root/folder` that carry the generated marker near their start, other than the
  /// ones in `skipping`, as paths relative to `root`, sorted.
  static func generatedFiles(
    in folder: String, root: String, skipping: Set<String>
  ) -> [String] {
    var found: [String] = []
    for relative in FileSystem.filesBelow(root + "/" + folder) {
      let path = folder + "/" + relative
      // Another render's file in the making (or one a killed render left): never output.
      if TemporaryFiles.isTemporary(name(of: relative)) || skipping.contains(path) { continue }
      if let head = FileSystem.head(of: root + "/" + path, count: 1024),
        String(decoding: head, as: UTF8.self).contains(GeneratedMarker.text)
      {
        found.append(path)
      }
    }
    return found.sorted()
  }

  /// Creates `directory` and its parents; when a part of the path is a file, says so (exit 2)
  /// rather than passing on Foundation's error number.
  static func makeDirectory(_ directory: String) throws(ToolFailure) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    var ancestor = directory
    while !ancestor.isEmpty && ancestor != "." && ancestor != "/" {
      if manager.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
        if !isDirectory.boolValue {
          throw ToolFailure(
            "cannot write into \(directory): \(ancestor) is a file, not a directory; choose another output directory (--out) or move the file"
          )
        }
        break
      }
      guard ancestor.contains("/") else { break }
      ancestor = parent(of: ancestor)
    }
    do {
      try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ToolFailure("cannot create \(directory): \(error.localizedDescription)")
    }
  }

  private static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  private static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}
