import Foundation

/// The temporary files of atomic writes: `.NAME.ecsgen-tmp-PID-RANDOM` beside the file `NAME`.
///
/// The process id and a random part make the name unique, so two renders of the same service at
/// once never write to, or delete, each other's temporary file. A render killed between writing
/// and renaming leaves one behind; the next render into that directory removes it once it is
/// stale (its process is gone, or it is older than `staleAge`), and `check` and the removal of
/// files no longer produced never count it as output.
enum TemporaryFiles {
  static let marker = ".ecsgen-tmp"
  /// Older than this, a temporary file is stale even if a process with its id runs (ids are
  /// reused); no write of a generated file takes a minute.
  static let staleAge: TimeInterval = 600

  /// A fresh temporary name for the file `name`, unique to this process and this call.
  static func name(for name: String) -> String {
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    return "." + name + marker + "-\(getpid())-" + random
  }

  /// True for a name this type makes, or the fixed `.NAME.ecsgen-tmp` of earlier versions.
  static func isTemporary(_ name: String) -> Bool {
    name.hasPrefix(".") && (name.hasSuffix(marker) || name.contains(marker + "-"))
  }

  /// Removes the stale temporary files directly in `directory`; failures are ignored (the file
  /// may be gone already, removed by the render that is sweeping at the same time).
  static func sweep(_ directory: String) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
    for name in names where isTemporary(name) {
      let path = directory + "/" + name
      if isStale(name: name, path: path) { try? manager.removeItem(atPath: path) }
    }
  }

  private static func isStale(name: String, path: String) -> Bool {
    let modified =
      (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
      ?? nil
    if let modified, Date().timeIntervalSince(modified) > staleAge { return true }
    // `.NAME.ecsgen-tmp-PID-RANDOM`: stale when no process has that id any more.
    let parts = name.split(separator: "-")
    guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]) else { return true }
    if pid == getpid() { return false }
    return kill(pid, 0) != 0 && errno == ESRCH
  }
}
