import ECSGenSpec
import Foundation

/// The few file operations `render` repeats for every generated file, with POSIX calls.
///
/// Why not FileManager and Data: for a 1,000-spec render they cost 14% of the CPU time (building
/// `URL`s, `fileExists` walks, a `contents(atPath:)` that stats before it reads; measured with
/// `perf`, issue 11), where these are one or two system calls each.
enum FileSystem {
  /// The bytes of the regular file at `path`, or nil when it does not exist or cannot be read
  /// (both mean "write it": the write then says what is wrong).
  static func contents(atPath path: String) -> [UInt8]? {
    try? FileBytes.contents(of: path).get()
  }

  /// The first `count` bytes of the file at `path` (fewer when it is shorter), or nil when it
  /// cannot be read.
  static func head(of path: String, count: Int) -> [UInt8]? {
    // O_NONBLOCK and a regular-file check: a FIFO left in an output folder must not block.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: count)
    let length = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
    guard length >= 0 else { return nil }
    return Array(bytes[..<length])
  }

  /// The paths, relative to `directory`, of everything below it that is not a directory
  /// (recursively, symbolic links not followed into directories), in no particular order; empty
  /// when `directory` cannot be listed. `check` lists every service's folders, so this is
  /// `readdir`, not FileManager's enumerator (8% of a 1,000-spec check).
  static func filesBelow(_ directory: String) -> [String] {
    guard let stream = opendir(directory) else { return [] }
    defer { closedir(stream) }
    var files: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
      if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
        var status = stat()
        isDirectory =
          lstat(directory + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
      }
      if isDirectory {
        files += filesBelow(directory + "/" + name).map { name + "/" + $0 }
      } else {
        files.append(name)
      }
    }
    return files
  }

  /// Writes `bytes` to a new file at `path` (which must not exist), with the mode a new file
  /// gets from the umask. Returns nil on success, or the reason.
  static func create(_ path: String, bytes: some Collection<UInt8>) -> String? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    var failure: String?
    let buffer = Array(bytes)
    var written = 0
    while written < buffer.count {
      let count = buffer.withUnsafeBytes {
        write(descriptor, $0.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        failure = String(cString: strerror(errno))
        break
      }
      written += count
    }
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    return failure
  }

  /// What `mkdir` did with one directory.
  enum MakeDirectory {
    /// It did not exist and was made: nothing can be in it yet.
    case created
    /// A directory was already there.
    case existed
    /// Neither: the parent is missing, or something that is not a directory is in the way.
    case failed
  }

  /// Makes `directory` and any missing parents with `mkdir`, and says whether the last one was
  /// made now.
  static func makeDirectory(_ directory: String) -> MakeDirectory {
    if mkdir(directory, 0o777) == 0 { return .created }
    switch errno {
    case EEXIST:
      var status = stat()
      return stat(directory, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        ? .existed : .failed
    case ENOENT:
      guard let slash = directory.lastIndex(of: "/"), slash != directory.startIndex,
        makeDirectory(String(directory[..<slash])) != .failed
      else { return .failed }
      if mkdir(directory, 0o777) == 0 { return .created }
      return errno == EEXIST ? makeDirectory(directory) : .failed
    default:
      return .failed
    }
  }
}
