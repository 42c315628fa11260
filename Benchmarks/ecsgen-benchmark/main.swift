import Foundation

// ecsgen-benchmark: times the `ecsgen` binary as a user runs it, one process per command, and
// prints each figure next to its target (MISSED when it misses). It prints numbers; it is not a
// test. Build the binary users install first:
// `swift build -c release --static-swift-stdlib --product ecsgen`.

/// Runs every figure in order in one workspace, removed at the end.
func runBenchmark(_ options: Options) throws(BenchmarkFailure) {
  let workspace = try Workspace(ecsgenPath: options.ecsgenPath)
  defer { workspace.remove() }
  let cleanup = InterruptCleanup(removing: workspace)
  defer { withExtendedLifetime(cleanup) {} }

  print("ecsgen: \(workspace.ecsgen)")
  print("  \(BinaryLinkage.describe(workspace.ecsgen))")
  print(
    "workspace: \(workspace.root.path) (\(workspace.onTmpfs ? "tmpfs, /dev/shm" : "the temporary directory: /dev/shm is not writable"))"
  )

  let specDirectory = try workspace.directory("specs")
  do {
    _ = try SpecGenerator(count: options.specCount).write(to: specDirectory)
  } catch {
    throw BenchmarkFailure(message: "cannot write the specs into \(specDirectory.path): \(error)")
  }
  let service = OneServiceSpec()
  let oneSpec = try service.write(to: try workspace.directory("one"))
  // The generated specs must lint clean, or the figures time error reports.
  let check = try workspace.ecsgen(["lint", specDirectory.path, oneSpec])
  let summary = (try? String(contentsOf: check.errorFile, encoding: .utf8)) ?? ""
  print(
    "generated \(specs(options.specCount)) and the one-spec service; lint: \(summary.trimmingCharacters(in: .whitespacesAndNewlines))"
  )
  print("")

  let renderOneSeconds = try OneSpecFigures(workspace: workspace, spec: oneSpec).run()
  try ManySpecsFigures(
    workspace: workspace, specDirectory: specDirectory.path, specCount: options.specCount,
    runs: options.runs
  ).run()
  if let largeCount = options.largeCount {
    try LargeFigure(
      workspace: workspace, specCount: largeCount, runs: options.runs,
      baselineDirectory: specDirectory.path, baselineCount: options.specCount
    ).run()
  }
  let ranCDK = try CDKFigure(
    workspace: workspace, service: service, venvOption: options.cdkVenv,
    ecsgenRenderSeconds: renderOneSeconds
  ).run()

  print("")
  print(
    "runs: \(OneSpecFigures.runs) each of the one-spec figures (alternating), \(options.runs) of each \(options.specCount)-spec figure\(options.largeCount == nil ? "" : " and of --large")\(ranCDK ? ", \(CDKFigure.runs) of CDK" : "")"
  )
  print(
    "each run: one process (posix_spawn, wait4); wall clock from spawn to exit, output to files; CPU and peak RSS are that process's own"
  )
  let floor = PeakMemory.ownPeakMiB().map { format($0, 1) + " MiB" } ?? "unknown"
  print(
    "peak RSS floor: Linux starts a spawned process's ru_maxrss at the spawner's own peak (\(floor) here), so a figure at that floor reads ≤"
  )
}

lineBufferStandardOutput()
let exitStatus: Int32
do throws(BenchmarkFailure) {
  let options = try Options(Array(CommandLine.arguments.dropFirst()))
  if options.showHelp {
    print(usage)
  } else {
    try runBenchmark(options)
  }
  exitStatus = 0
} catch {
  printError("ecsgen-benchmark: " + error.message)
  exitStatus = error.status
}
exit(exitStatus)
