/// The command line, as text for `--help` and errors.
let usage = """
  usage: ecsgen-benchmark [--specs N] [--runs N] [--large M] [--ecsgen PATH] [--cdk-venv PATH]

    --specs N        how many specs the N-spec figures use (default 1000)
    --runs N         timed runs of each N-spec figure and of --large (default 5); the one-spec
                     figures always take 30 runs each
    --large M        also render M specs (such as 10000) and compare the cost per spec with
                     N specs, and the peak memory (default: off)
    --ecsgen PATH    the ecsgen binary (default .build/release/ecsgen, relative to the current
                     directory)
    --cdk-venv PATH  a Python virtual environment with aws-cdk-lib installed, for the CDK line
                     (default: $ECSGEN_CDK_VENV, else .build/cdk-venv when it exists)
  """

/// The parsed command line.
struct Options {
  var specCount = 1000
  var runs = 5
  var largeCount: Int?
  var ecsgenPath = ".build/release/ecsgen"
  var cdkVenv: String?
  var showHelp = false

  init(_ arguments: [String]) throws(BenchmarkFailure) {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--specs": specCount = try Self.count(argument, rest.popFirst())
      case "--runs": runs = try Self.count(argument, rest.popFirst())
      case "--large": largeCount = try Self.count(argument, rest.popFirst())
      case "--ecsgen": ecsgenPath = try Self.path(argument, rest.popFirst())
      case "--cdk-venv": cdkVenv = try Self.path(argument, rest.popFirst())
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

  private static func path(_ option: String, _ value: String?) throws(BenchmarkFailure) -> String {
    guard let value, !value.isEmpty, !value.hasPrefix("--") else {
      throw BenchmarkFailure(message: "\(option) needs a path\n\n" + usage, status: 2)
    }
    return value
  }
}
