import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one finished child process cost and returned.
struct ChildRun: Sendable {
  /// The exit status, or the signal number when `signaled` is true.
  var status: Int32
  var signaled: Bool
  /// Wall-clock time from just before `posix_spawn` to just after `wait4` returned.
  var wall: Duration
  /// User plus system CPU time of this child alone (`wait4`'s resource usage).
  var cpuSeconds: Double
  /// This child's peak resident set size in MiB (`ru_maxrss`).
  var peakMiB: Double
  /// Where its standard output and standard error went (overwritten by the next run).
  var outputFile: URL
  var errorFile: URL

  var succeeded: Bool { !signaled && status == 0 }

  /// "exit status 1" or "killed by signal 9", for messages.
  var statusDescription: String {
    signaled ? "killed by signal \(status)" : "exit status \(status)"
  }

  /// What the child wrote to standard output and standard error, for messages.
  var output: String {
    let read = { (file: URL) in
      (try? String(contentsOf: file, encoding: .utf8)) ?? "(cannot read \(file.path))\n"
    }
    return read(outputFile) + read(errorFile)
  }
}

/// A failure to start or wait for a child process (not a child that exits non-zero).
struct ChildProcessError: Error, CustomStringConvertible {
  var description: String
}

/// Runs one child process at a time with `posix_spawn` and reaps it with `wait4`.
///
/// Why not Foundation's `Process`: on Linux it adds threads, pipes and run-loop work around each
/// child that cost about as much as the few milliseconds a one-spec run takes, and
/// `getrusage(RUSAGE_CHILDREN)` only gives a high-water mark over all children. `wait4` returns
/// the resource usage of exactly the child it reaped, so each run has its own CPU time and peak
/// memory. Output goes to files rather than pipes so that nothing has to drain them while the
/// child runs.
enum ChildProcess {
  /// Runs `executable` with `arguments` (standard input /dev/null, standard output and error into
  /// `outputFile` and `errorFile`, truncated first) and waits for it. `environment` replaces
  /// this process's environment when given.
  static func run(
    _ executable: String, arguments: [String], outputFile: URL, errorFile: URL,
    environment: [String: String]? = nil
  ) throws(ChildProcessError) -> ChildRun {
    #if canImport(Darwin)
      // An opaque pointer on Darwin, a struct on Linux.
      var actions: posix_spawn_file_actions_t?
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let truncate = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, truncate, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, truncate, 0o644)

    // The benchmark ignores SIGINT and SIGTERM to clean up on its own (see InterruptCleanup), and
    // ignored signals stay ignored across exec: give the child the default actions back, so that
    // Ctrl-C stops it too.
    #if canImport(Darwin)
      var attributes: posix_spawnattr_t?
    #else
      var attributes = posix_spawnattr_t()
    #endif
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGTERM)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    // Freed only after posix_spawn returns, by which time the child has its own copies.
    let argv = CStringArray([executable] + arguments)
    let environmentLines = environment.map { variables in
      variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
    let envp = environmentLines.map(CStringArray.init)
    defer {
      argv.release()
      envp?.release()
    }

    let clock = ContinuousClock()
    let start = clock.now
    var pid = pid_t()
    // Both arrays hold at least their NULL terminator, so their base addresses exist.
    let spawned: Int32 = argv.pointers.withUnsafeBufferPointer { arguments in
      guard let argumentList = arguments.baseAddress else { return EINVAL }
      guard let envp else {
        return posix_spawn(&pid, executable, &actions, &attributes, argumentList, environ)
      }
      return envp.pointers.withUnsafeBufferPointer { variables in
        guard let variableList = variables.baseAddress else { return EINVAL }
        return posix_spawn(&pid, executable, &actions, &attributes, argumentList, variableList)
      }
    }
    guard spawned == 0 else {
      throw ChildProcessError(
        description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }

    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 {
      // A signal to this process interrupts the wait, not the child: wait again.
      guard errno == EINTR else {
        throw ChildProcessError(
          description: "cannot wait for \(executable): \(String(cString: strerror(errno)))")
      }
    }
    let wall = clock.now - start

    // The W* macros are not imported into Swift; this is their Linux and Darwin definition.
    let signal = status & 0x7f
    return ChildRun(
      status: signal == 0 ? (status >> 8) & 0xff : signal,
      signaled: signal != 0,
      wall: wall,
      cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
      peakMiB: peakMiB(usage.ru_maxrss),
      outputFile: outputFile,
      errorFile: errorFile)
  }

  private static func seconds(_ time: timeval) -> Double {
    Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
  }

  private static func peakMiB(_ maxrss: Int) -> Double {
    #if canImport(Darwin)
      // Bytes on Darwin.
      return Double(maxrss) / (1024 * 1024)
    #else
      // KiB on Linux.
      return Double(maxrss) / 1024
    #endif
  }
}

/// A NULL-terminated array of C strings for `posix_spawn`, freed with `free()`.
private struct CStringArray {
  let pointers: [UnsafeMutablePointer<CChar>?]

  init(_ strings: [String]) {
    pointers = strings.map { strdup($0) } + [nil]
  }

  func release() {
    for pointer in pointers { free(pointer) }
  }
}
