import ECSGenRendering
import Foundation

/// Writes rendered files into a target folder the way `ecsgen render` promises: each file
/// atomically (a temporary file renamed over the old one), only when its bytes change, and files
/// that an earlier render wrote there but that are no longer produced are removed. Files without
/// the generated marker are never touched.
struct OutputWriter {
  struct Summary: Equatable {
    var written: [String] = []
    var unchanged: [String] = []
    var removed: [String] = []
  }

  let manager = FileManager.default

  /// Makes `folder` hold exactly `files` (paths relative to `root`, all under `folder`).
  func sync(
    _ files: [GeneratedFile], root: String, folder: String
  ) throws(ToolFailure) -> Summary {
    var summary = Summary()
    let produced = Set(files.map(\.path))
    for file in files {
      let path = root + "/" + file.path
      let bytes = Data(file.contents.utf8)
      if manager.contents(atPath: path) == bytes {
        summary.unchanged.append(path)
        continue
      }
      try writeAtomically(bytes, to: path)
      summary.written.append(path)
    }
    for stale in generatedFiles(in: root + "/" + folder, relativeTo: root)
    where !produced.contains(stale) {
      do {
        try manager.removeItem(atPath: root + "/" + stale)
      } catch {
        throw ToolFailure("cannot remove \(root)/\(stale): \(error.localizedDescription)")
      }
      summary.removed.append(root + "/" + stale)
    }
    return summary
  }

  private func writeAtomically(_ bytes: Data, to path: String) throws(ToolFailure) {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = directory + "/.\((path as NSString).lastPathComponent).ecsgen-tmp"
    do {
      try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try bytes.write(to: URL(fileURLWithPath: temporary))
      if rename(temporary, path) != 0 {
        throw ToolFailure(String(cString: strerror(errno)))
      }
    } catch {
      try? manager.removeItem(atPath: temporary)
      throw ToolFailure("cannot write \(path): \(error)")
    }
  }

  /// Files under `folder` that carry the generated marker near their start, as paths relative to
  /// `root`, sorted.
  private func generatedFiles(in folder: String, relativeTo root: String) -> [String] {
    guard let enumerator = manager.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let path = folder + "/" + relative
      guard let handle = FileHandle(forReadingAtPath: path) else { continue }
      let head = (try? handle.read(upToCount: 1024)) ?? nil
      try? handle.close()
      if let head, String(decoding: head, as: UTF8.self).contains(GeneratedMarker.text) {
        found.append(String(path.dropFirst(root.count + 1)))
      }
    }
    return found.sorted()
  }
}
