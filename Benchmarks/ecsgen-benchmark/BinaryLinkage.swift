import Foundation

/// How the measured ecsgen binary links the Swift runtime, so that the printed numbers say what
/// they measured: a dynamically linked runtime costs several milliseconds of loader work on every
/// start, a big share of a one-spec run.
enum BinaryLinkage {
  /// A one-line description such as "Swift runtime statically linked (...)".
  static func describe(_ path: String) -> String {
    guard let scan = scan(path) else { return "linkage unknown (cannot read the binary)" }
    let megabytes = format(Double(scan.size) / (1024 * 1024), 1)
    if scan.needs.contains(Self.swiftCore) {
      let alsoFoundation = scan.needs.contains(Self.foundation) ? " and \(Self.foundation)" : ""
      return
        "Swift runtime dynamically linked (references \(Self.swiftCore)\(alsoFoundation)), \(megabytes) MiB"
    }
    return
      "Swift runtime statically linked (no \(Self.swiftCore) reference, as with --static-swift-stdlib), \(megabytes) MiB"
  }

  private static let swiftCore = "libswiftCore.so"
  private static let foundation = "libFoundation.so"

  /// The names of the shared libraries a binary needs are plain strings in its dynamic string
  /// table, so a byte search finds them without an ELF parser or `ldd`. The file is read in
  /// chunks rather than mapped whole: every page this process touches raises its own peak RSS,
  /// which is the floor under the children's figures (see PeakMemory).
  private static func scan(_ path: String) -> (size: Int, needs: Set<String>)? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let names = [swiftCore, foundation]
    let overlap = names.map(\.utf8.count).max() ?? 0
    var needs: Set<String> = []
    var size = 0
    var tail = Data()
    while true {
      let read: Data?
      do {
        read = try handle.read(upToCount: 1 << 20)
      } catch {
        return nil
      }
      // Nil or empty at the end of the file.
      guard let chunk = read, !chunk.isEmpty else { break }
      size += chunk.count
      // The end of the previous chunk, so that a name split between two chunks is found.
      let window = tail + chunk
      for name in names where window.range(of: Data(name.utf8)) != nil { needs.insert(name) }
      tail = window.suffix(overlap)
    }
    return (size, needs)
  }
}
