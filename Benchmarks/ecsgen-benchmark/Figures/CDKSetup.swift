import Foundation

/// Where the CDK line finds Python with aws-cdk-lib, Node.js and the app, or why it cannot.
enum CDKSetup {
  case available(python: String, app: String)
  case unavailable(String)

  static let howToSetUp =
    "to set it up: python3 -m venv .build/cdk-venv && .build/cdk-venv/bin/pip install aws-cdk-lib constructs, with node on PATH; or pass --cdk-venv PATH or set ECSGEN_CDK_VENV"

  /// The virtual environment is `--cdk-venv`, else `$ECSGEN_CDK_VENV`, else `.build/cdk-venv`
  /// when it exists. It counts only when its Python can import aws_cdk and `node` is on PATH
  /// (the CDK's Python library runs the construct library in Node.js).
  static func locate(venvOption: String?, workspace: Workspace) -> CDKSetup {
    let manager = FileManager.default
    let environment = ProcessInfo.processInfo.environment
    let venv: String
    if let venvOption {
      venv = venvOption
    } else if let fromEnvironment = environment["ECSGEN_CDK_VENV"], !fromEnvironment.isEmpty {
      venv = fromEnvironment
    } else if manager.fileExists(atPath: ".build/cdk-venv") {
      venv = ".build/cdk-venv"
    } else {
      return .unavailable("no CDK virtual environment")
    }
    let python = absolute(venv + "/bin/python")
    guard manager.isExecutableFile(atPath: python) else {
      return .unavailable("no Python at \(python)")
    }
    let imports = try? workspace.run(python, ["-c", "import aws_cdk"])
    guard let imports, imports.succeeded else {
      return .unavailable("\(python) cannot import aws_cdk")
    }
    let path = environment["PATH"] ?? ""
    let hasNode = path.split(separator: ":").contains { directory in
      manager.isExecutableFile(atPath: directory + "/node")
    }
    guard hasNode else { return .unavailable("node is not on PATH") }
    guard let app = appPath() else {
      return .unavailable("Benchmarks/cdk/app.py not found")
    }
    return .available(python: python, app: app)
  }

  /// Benchmarks/cdk/app.py from the current directory (the repository root, as CI and the
  /// README run the benchmark), else next to this source file.
  private static func appPath() -> String? {
    let fromRoot = absolute("Benchmarks/cdk/app.py")
    if FileManager.default.fileExists(atPath: fromRoot) { return fromRoot }
    let besideSources = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("cdk/app.py").path
    return FileManager.default.fileExists(atPath: besideSources) ? besideSources : nil
  }

  private static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
