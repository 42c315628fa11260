import Foundation

/// Reads a whole regular file with `open`, `fstat` and `read`.
///
/// Why not FileManager: `fileExists`, `attributesOfItem` and `contents(atPath:)` stat the file three
/// times and build Foundation values on the way, 6% of linting 1,000 specs (issue 11's profile);
/// `render` reads every output file it might leave unchanged the same way.
public enum FileBytes {
  /// Why a file could not be read.
  public enum Failure: Error, Equatable, Sendable {
    case notFound
    case isDirectory
    /// Larger than the limit the caller gave; carries the size in bytes.
    case tooLarge(Int)
    /// Not a regular file, or a read error (permissions and the like).
    case unreadable
  }

  /// Whether `path` names a regular file that this process may read, or why not, without
  /// reading it (what `contents(of:)` would fail with first).
  public static func readability(of path: String) -> Failure? {
    var status = stat()
    guard stat(path, &status) == 0 else {
      return errno == ENOENT || errno == ENOTDIR ? .notFound : .unreadable
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return access(path, R_OK) == 0 ? nil : .unreadable
    case S_IFDIR: return .isDirectory
    default: return .unreadable
    }
  }

  /// The bytes of the file at `path`, or why not; a file larger than `limit` bytes is not read.
  public static func contents(of path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever; with it
    // the open returns and `fstat` below refuses what is not a regular file.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: return .failure(.notFound)
      case EISDIR: return .failure(.isDirectory)
      default: return .failure(.unreadable)
      }
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.isDirectory)
    default: return .failure(.unreadable)
    }
    let size = Int(status.st_size)
    if size > limit { return .failure(.tooLarge(size)) }
    // One byte more than the size, so that a file that grew since `fstat` is still read to its end.
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: max(size, 0) + 1)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return .failure(.unreadable) }
      if count == 0 { return .success(bytes) }
      bytes += chunk[..<count]
    }
  }
}
