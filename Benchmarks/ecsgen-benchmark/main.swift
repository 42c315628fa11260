import Foundation

// ecsgen-benchmark: times the `ecsgen` binary as a user runs it, one process per command.
//
//   lint N specs      `ecsgen lint DIR` over N generated specs (throughput and peak memory)
//   lint 1 spec       `ecsgen lint FILE` on one small spec (process start to exit)
//   render N specs    `ecsgen render DIR` to Terraform and CloudFormation, fresh directory each run
//
// It prints numbers; it is not a test. Build ecsgen first: `swift build -c release`.

let usage = """
  usage: ecsgen-benchmark [--specs N] [--runs N] [--ecsgen PATH]

    --specs N      how many specs to generate and lint (default 1000)
    --runs N       timed runs of `ecsgen lint DIR` (default 5)
    --ecsgen PATH  the ecsgen binary (default .build/release/ecsgen, relative to the current
                   directory)
  """

/// A failure that ends the benchmark with a message and an exit status.
struct BenchmarkFailure: Error {
  var message: String
  var status: Int32 = 1
}

struct Options {
  var specCount = 1000
  var runs = 5
  var ecsgenPath = ".build/release/ecsgen"
  var showHelp = false

  init(_ arguments: [String]) throws(BenchmarkFailure) {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--specs": specCount = try Self.count(argument, rest.popFirst())
      case "--runs": runs = try Self.count(argument, rest.popFirst())
      case "--ecsgen":
        guard let path = rest.popFirst(), !path.isEmpty else {
          throw BenchmarkFailure(message: "--ecsgen needs a path\n\n" + usage, status: 2)
        }
        ecsgenPath = path
      case "-h", "--help": showHelp = true
      default:
        throw BenchmarkFailure(message: "unknown argument `\(argument)`\n\n" + usage, status: 2)
      }
    }
  }

  private static func count(_ option: String, _ value: String?) throws(BenchmarkFailure) -> Int {
    guard let value, let number = Int(value), number >= 1 else {
      throw BenchmarkFailure(
        message: "\(option) needs a whole number of at least 1\n\n" + usage, status: 2)
    }
    return number
  }
}

/// The ecsgen binary and a temporary directory of generated specs that ecsgen accepts. Shared by
/// the benchmarks; `remove()` deletes the directory.
struct BenchmarkWorkspace {
  var ecsgen: URL
  var directory: URL
  /// The generated spec files, in index order.
  var specFiles: [URL]

  /// Finds ecsgen, generates `specCount` specs into a fresh temporary directory and checks with
  /// `ecsgen lint` that they are valid.
  init(ecsgenPath: String, specCount: Int) throws(BenchmarkFailure) {
    ecsgen = try Self.locate(ecsgenPath)
    let manager = FileManager.default
    directory = manager.temporaryDirectory.appendingPathComponent(
      "ecsgen-benchmark-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    do {
      try manager.createDirectory(at: directory, withIntermediateDirectories: false)
    } catch {
      throw BenchmarkFailure(message: "cannot create \(directory.path): \(error)")
    }
    do {
      specFiles = try SpecGenerator(count: specCount).write(to: directory)
    } catch {
      Self.remove(directory)
      throw BenchmarkFailure(message: "cannot write the specs into \(directory.path): \(error)")
    }
  }

  /// Runs `ecsgen lint` over the whole directory once and fails unless it exits 0. Returns
  /// ecsgen's summary line.
  func checkSpecsAreValid() throws(BenchmarkFailure) -> String {
    let result = try run(["lint", directory.path])
    guard result.succeeded else {
      throw BenchmarkFailure(
        message: "the generated specs do not lint clean (\(result.statusDescription)):\n"
          + result.standardOutput + result.standardError)
    }
    return result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs ecsgen with `arguments` and returns its result, whatever the exit status.
  func run(_ arguments: [String]) throws(BenchmarkFailure) -> ChildResult {
    do {
      return try ChildProcess.run(ecsgen, arguments: arguments)
    } catch {
      throw BenchmarkFailure(message: "cannot run \(ecsgen.path): \(error)")
    }
  }

  /// Runs ecsgen with `arguments` and fails unless it exits 0: a timed run that fails measured
  /// something else.
  func runExpectingSuccess(_ arguments: [String]) throws(BenchmarkFailure) {
    let result = try run(arguments)
    guard result.succeeded else {
      throw BenchmarkFailure(
        message:
          "`ecsgen \(arguments.joined(separator: " "))` failed (\(result.statusDescription)):\n"
          + result.standardOutput + result.standardError)
    }
  }

  /// The smallest generated spec (the first of equal size).
  var smallestSpec: URL? {
    let sized = specFiles.map { file in
      (file, (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? .max)
    }
    return sized.min { $0.1 < $1.1 }?.0
  }

  /// The total size of the generated specs in MiB.
  var totalMiB: Double {
    let bytes = specFiles.reduce(0) { total, file in
      total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
    }
    return Double(bytes) / (1024 * 1024)
  }

  func remove() {
    Self.remove(directory)
  }

  private static func remove(_ directory: URL) {
    do {
      try FileManager.default.removeItem(at: directory)
    } catch {
      printError("warning: cannot remove \(directory.path): \(error)")
    }
  }

  private static func locate(_ path: String) throws(BenchmarkFailure) -> URL {
    let manager = FileManager.default
    let absolute =
      path.hasPrefix("/") ? path : manager.currentDirectoryPath + "/" + path
    guard manager.isExecutableFile(atPath: absolute) else {
      throw BenchmarkFailure(
        message: "no ecsgen binary at \(absolute)\nbuild it first: swift build -c release")
    }
    return URL(fileURLWithPath: absolute).standardizedFileURL
  }
}

/// `ecsgen lint` over all the specs, then over one small spec.
struct LintBenchmark {
  static let endToEndRuns = 20
  static let throughputTargetSeconds = 0.5
  static let throughputTargetSpecs = 1000
  static let endToEndTargetMilliseconds = 20.0

  var options: Options

  func run() throws(BenchmarkFailure) {
    let workspace = try BenchmarkWorkspace(
      ecsgenPath: options.ecsgenPath, specCount: options.specCount)
    defer { workspace.remove() }
    let count = workspace.specFiles.count

    print("ecsgen: \(workspace.ecsgen.path)")
    print(
      "generated \(count) specs (\(format(workspace.totalMiB, 2)) MiB) in \(workspace.directory.path)"
    )
    print("validity check: \(try workspace.checkSpecsAreValid())")

    let directoryRuns = try measure(runs: options.runs) { () throws(BenchmarkFailure) in
      try workspace.runExpectingSuccess(["lint", workspace.directory.path])
    }
    // Read now, before the single-spec runs: every child so far linted all the specs.
    let peakMiB = childrenPeakResidentMiB()

    guard let small = workspace.smallestSpec else {
      throw BenchmarkFailure(message: "no spec was generated")
    }
    let singleRuns = try measure(runs: Self.endToEndRuns) { () throws(BenchmarkFailure) in
      try workspace.runExpectingSuccess(["lint", small.path])
    }

    guard let directory = TimingSummary(directoryRuns), let single = TimingSummary(singleRuns)
    else { throw BenchmarkFailure(message: "no timed runs") }
    print("")
    print(throughputLine(count: count, directory, peakMiB: peakMiB))
    print(endToEndLine(single))
    try RenderBenchmark(workspace: workspace, runs: options.runs).run()
    print("")
    print(
      "runs: \(options.runs) of `ecsgen lint DIR`, \(Self.endToEndRuns) of `ecsgen lint \(small.lastPathComponent)`; wall clock from process start to exit, output captured"
    )
    print(
      "peak RSS: getrusage(RUSAGE_CHILDREN) ru_maxrss, a high-water mark over all child processes (here the validity check and the \(count)-spec runs), not a per-run figure"
    )
  }

  private func throughputLine(count: Int, _ summary: TimingSummary, peakMiB: Double?) -> String {
    let median = summary.median.seconds
    let rate = median > 0 ? String(Int((Double(count) / median).rounded())) : "n/a"
    let memory = peakMiB.map { "\(format($0, 1)) MiB" } ?? "unavailable"
    var target = "target < \(format(Self.throughputTargetSeconds, 1)) s"
    if count != Self.throughputTargetSpecs {
      target += " for \(Self.throughputTargetSpecs) specs"
    } else if median >= Self.throughputTargetSeconds {
      target += ", MISSED"
    }
    let noun = count == 1 ? "spec" : "specs"
    return
      "lint \(count) \(noun): median \(format(median, 3)) s (min \(format(summary.minimum.seconds, 3)) s), \(rate) specs/s, peak RSS \(memory) (\(target))"
  }

  private func endToEndLine(_ summary: TimingSummary) -> String {
    let median = summary.median.milliseconds
    let missed = median >= Self.endToEndTargetMilliseconds ? ", MISSED" : ""
    return
      "lint 1 spec end to end: median \(format(median, 1)) ms (min \(format(summary.minimum.milliseconds, 1)) ms) (target < \(format(Self.endToEndTargetMilliseconds, 0)) ms\(missed))"
  }
}

func format(_ value: Double, _ decimals: Int) -> String {
  String(format: "%.\(decimals)f", value)
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

let exitStatus: Int32
do throws(BenchmarkFailure) {
  let options = try Options(Array(CommandLine.arguments.dropFirst()))
  if options.showHelp {
    print(usage)
  } else {
    try LintBenchmark(options: options).run()
  }
  exitStatus = 0
} catch {
  printError("ecsgen-benchmark: " + error.message)
  exitStatus = error.status
}
exit(exitStatus)
