import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// Temporary files of atomic writes, concurrent renders, and an `--out` that is a file.
@Suite struct OutputFileSafetyTests {
  func runner(_ out: String) -> RenderRunner {
    RenderRunner(outputDirectory: out, baseDirectory: GoldenFile.packageRoot)
  }

  func files(in path: String) -> [String] {
    FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
  }

  /// A temporary file a killed render left (the fixed name of earlier versions, and one of a
  /// process that no longer exists) is neither output for `check` nor kept by the next render.
  @Test func leftTemporaryFilesAreNotOutputAndAreSwept() throws {
    let out = try TemporaryDirectory()
    #expect(runner(out.path).run(paths: ["specs/minimal.yaml"]).status == .clean)
    let folder = out.path + "/hello-web/terraform"
    let main = try String(contentsOfFile: folder + "/main.tf", encoding: .utf8)
    // pid 2^22 + 1 is above Linux's pid_max, so no process has it.
    for name in [".main.tf.ecsgen-tmp", ".main.tf.ecsgen-tmp-4194305-abc"] {
      try main.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
    }
    let check = CheckRunner(outputDirectory: out.path, baseDirectory: GoldenFile.packageRoot)
      .run(paths: ["specs/minimal.yaml"])
    #expect(check.status == .clean, "\(check.standardOutput)\(check.standardError)")
    #expect(!check.standardOutput.contains("left over"))
    // A render that writes into the folder sweeps them.
    try "changed".write(toFile: folder + "/main.tf", atomically: false, encoding: .utf8)
    #expect(runner(out.path).run(paths: ["specs/minimal.yaml"]).status == .clean)
    #expect(files(in: out.path).allSatisfy { !$0.contains("ecsgen-tmp") }, "\(files(in: out.path))")
  }

  /// A temporary file of a running process (this one) is not swept: it may be another render's.
  @Test func liveTemporaryFilesAreKept() throws {
    let out = try TemporaryDirectory()
    let folder = out.path + "/hello-web/terraform"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let live = folder + "/.main.tf.ecsgen-tmp-1-abc"  // pid 1 always runs
    try "x".write(toFile: live, atomically: false, encoding: .utf8)
    #expect(runner(out.path).run(paths: ["specs/minimal.yaml"]).status == .clean)
    #expect(FileManager.default.fileExists(atPath: live))
  }

  /// Two renders of the same service at once: with a fixed temporary name, one run's write or
  /// stale sweep broke the other's.
  @Test func concurrentRendersOfOneServiceBothSucceed() async throws {
    let out = try TemporaryDirectory()
    let path = out.path
    let statuses = await withTaskGroup(of: [CommandStatus].self) { group in
      for _ in 0..<4 {
        group.addTask {
          (0..<5).map { index in
            let folder = path + "/hello-web/terraform"
            // Force rewrites, so that every round writes temporary files.
            try? "x \(index)".write(
              toFile: folder + "/main.tf", atomically: false, encoding: .utf8)
            return RenderRunner(outputDirectory: path, baseDirectory: GoldenFile.packageRoot)
              .run(paths: ["specs/minimal.yaml"]).status
          }
        }
      }
      var all: [CommandStatus] = []
      for await statuses in group { all += statuses }
      return all
    }
    #expect(statuses.allSatisfy { $0 == .clean }, "\(statuses)")
    #expect(files(in: out.path).allSatisfy { !$0.contains("ecsgen-tmp") })
  }

  @Test func outputDirectoryThatIsAFile() throws {
    let out = try TemporaryDirectory()
    let file = out.path + "/infra"
    try "not a directory".write(toFile: file, atomically: false, encoding: .utf8)
    let output = RenderRunner(outputDirectory: file).run(paths: [
      GoldenFile.packageRoot + "/specs/minimal.yaml"
    ])
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("is a file, not a directory"), "\(output.standardError)")
    #expect(!output.standardError.contains("NSCocoaErrorDomain"))
  }
}

extension OutputFileSafetyTests {
  @Test func importOutputUnderAFile() throws {
    let out = try TemporaryDirectory()
    let file = out.path + "/specs"
    try "not a directory".write(toFile: file, atomically: false, encoding: .utf8)
    let output = ImportRunner(outputPath: file + "/x.yaml").run(
      file: GoldenFile.packageRoot + "/examples/lambda/orders-sync-zip.json")
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("is a file, not a directory"), "\(output.standardError)")
  }
}
