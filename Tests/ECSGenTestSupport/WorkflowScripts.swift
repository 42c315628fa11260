import Foundation
import Yams

/// A `run:` step of a rendered workflow, with the environment GitHub gives it.
public struct WorkflowStep: Sendable {
  public var name: String
  public var run: String
  /// The workflow's, the job's and the step's `env`, later ones winning, as GitHub merges them;
  /// `${{ }}` expressions are still in the values (see `evaluated`).
  public var environment: [(String, String)]
  /// The step's `if:`.
  public var condition: String?

  /// The environment with every `${{ EXPR }}` replaced by `expressions[EXPR]`, or by nothing (an
  /// unset repository variable is empty on GitHub).
  public func evaluated(_ expressions: [String: String]) -> [String: String] {
    var result: [String: String] = [:]
    for (key, value) in environment {
      result[key] = value.replacing(#/\$\{\{\s*(.*?)\s*\}\}/#) { match in
        expressions[String(match.output.1)] ?? ""
      }
    }
    return result
  }
}

/// Reads steps out of a rendered workflow, so that tests run exactly the scripts it contains.
public enum RenderedWorkflow {
  public struct Missing: Error, CustomStringConvertible {
    public var description: String
  }

  /// The step named `name` of job `job`.
  public static func step(_ name: String, job: String, in text: String) throws -> WorkflowStep {
    guard let document = try Yams.compose(yaml: text), let jobNode = document["jobs"]?[job],
      let steps = jobNode["steps"]?.sequence
    else { throw Missing(description: "no job \(job) in the workflow") }
    guard let step = steps.first(where: { $0["name"]?.string == name }),
      let run = step["run"]?.string
    else { throw Missing(description: "no run step named \(name) in job \(job)") }
    var environment: [(String, String)] = []
    for node in [document["env"], jobNode["env"], step["env"]] {
      for (key, value) in node?.mapping ?? [:] {
        environment.removeAll { $0.0 == key.string }
        environment.append((key.string ?? "", value.string ?? ""))
      }
    }
    return WorkflowStep(
      name: name, run: run, environment: environment, condition: step["if"]?.string)
  }
}

/// What a script printed and how it ended.
public struct ScriptResult: Sendable {
  public var status: Int32
  public var standardOutput: String
  public var standardError: String
}

/// Runs workflow scripts as GitHub's default shell on Linux does.
public enum Shell {
  /// A fresh directory under the system's temporary directory.
  public static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "ecsgen-script-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Runs `script` with `bash --noprofile --norc -eo pipefail` in `directory`, with
  /// `environment` on top of `PATH` (with `binDirectory` first, for stand-in commands) and `HOME`.
  public static func run(
    _ script: String, environment: [String: String], directory: String,
    binDirectory: String? = nil
  ) throws -> ScriptResult {
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let scriptPath = scratch + "/script.sh"
    try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["--noprofile", "--norc", "-eo", "pipefail", scriptPath]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let inherited = ProcessInfo.processInfo.environment
    var merged = ["HOME": inherited["HOME"] ?? scratch]
    let path = inherited["PATH"] ?? "/usr/bin:/bin"
    merged["PATH"] = binDirectory.map { $0 + ":" + path } ?? path
    merged.merge(environment) { $1 }
    process.environment = merged
    FileManager.default.createFile(atPath: scratch + "/out", contents: nil)
    FileManager.default.createFile(atPath: scratch + "/err", contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + "/err"))
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    func read(_ name: String) -> String {
      String(
        decoding: FileManager.default.contents(atPath: scratch + "/" + name) ?? Data(),
        as: UTF8.self)
    }
    return ScriptResult(
      status: process.terminationStatus, standardOutput: read("out"), standardError: read("err"))
  }

  /// Writes an executable stand-in for a command into `directory`.
  public static func stub(_ name: String, in directory: String, script: String) throws {
    let path = directory + "/" + name
    try Data(("#!/bin/bash\n" + script).utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }
}
