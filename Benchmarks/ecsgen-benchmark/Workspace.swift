import Foundation

/// The scratch directory every figure works in, and the ecsgen binary it measures.
///
/// It lives on tmpfs (`/dev/shm`) when that exists and is writable: render writes thousands of
/// files, and on a disk file creation and journaling rather than ecsgen would dominate the
/// figure. `remove()` deletes it.
struct Workspace {
  /// The ecsgen binary, as an absolute path.
  var ecsgen: String
  var root: URL
  /// True when `root` is on /dev/shm rather than the temporary directory.
  var onTmpfs: Bool
  /// Where each child's standard output and error go (overwritten by every run).
  private var outputFile: URL { root.appendingPathComponent("child.stdout") }
  private var errorFile: URL { root.appendingPathComponent("child.stderr") }

  /// Finds ecsgen and creates a fresh, uniquely named directory.
  init(ecsgenPath: String) throws(BenchmarkFailure) {
    ecsgen = try Self.locate(ecsgenPath)
    let manager = FileManager.default
    onTmpfs = access("/dev/shm", W_OK | X_OK) == 0
    let parent = onTmpfs ? URL(fileURLWithPath: "/dev/shm") : manager.temporaryDirectory
    root = parent.appendingPathComponent(
      "ecsgen-benchmark-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    do {
      try manager.createDirectory(at: root, withIntermediateDirectories: false)
    } catch {
      throw BenchmarkFailure(message: "cannot create \(root.path): \(error)")
    }
  }

  /// A new directory `name` under the workspace (created, with any parents).
  func directory(_ name: String) throws(BenchmarkFailure) -> URL {
    let url = root.appendingPathComponent(name)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw BenchmarkFailure(message: "cannot create \(url.path): \(error)")
    }
    return url
  }

  /// A path under the workspace that does not exist yet: render creates it, so each run writes
  /// into an empty directory.
  func freshPath(_ name: String) -> String {
    root.appendingPathComponent(name).path
  }

  /// Deletes `path` under the workspace between runs, so that tmpfs does not fill up with
  /// outputs nobody reads. Not timed.
  func discard(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Runs any program and returns its run, whatever its exit status.
  func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
  ) throws(BenchmarkFailure) -> ChildRun {
    do {
      return try ChildProcess.run(
        executable, arguments: arguments, outputFile: outputFile, errorFile: errorFile,
        environment: environment)
    } catch {
      throw BenchmarkFailure(message: error.description)
    }
  }

  /// Runs ecsgen with `arguments` and fails unless it exits 0: a timed run that fails measured
  /// something else.
  func ecsgen(_ arguments: [String]) throws(BenchmarkFailure) -> ChildRun {
    let result = try run(ecsgen, arguments)
    guard result.succeeded else {
      throw BenchmarkFailure(
        message:
          "`ecsgen \(arguments.joined(separator: " "))` failed (\(result.statusDescription)):\n"
          + result.output)
    }
    return result
  }

  func remove() {
    do {
      try FileManager.default.removeItem(at: root)
    } catch {
      printError("warning: cannot remove \(root.path): \(error)")
    }
  }

  private static func locate(_ path: String) throws(BenchmarkFailure) -> String {
    let manager = FileManager.default
    let absolute = path.hasPrefix("/") ? path : manager.currentDirectoryPath + "/" + path
    guard manager.isExecutableFile(atPath: absolute) else {
      throw BenchmarkFailure(
        message:
          "no ecsgen binary at \(absolute)\nbuild it first: swift build -c release --static-swift-stdlib --product ecsgen"
      )
    }
    return URL(fileURLWithPath: absolute).standardizedFileURL.path
  }
}

/// Writes `message` and a line end to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
