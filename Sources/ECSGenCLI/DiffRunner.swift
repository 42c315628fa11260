import ECSGenDiagnostics
import ECSGenPlan
import ECSGenSpec

/// `ecsgen diff SPEC FROM TO`: what environment TO's resolved plan does differently from FROM's,
/// key by key (`EnvironmentDifference`), so a reviewer sees what prod does that dev does not.
public struct DiffRunner: Sendable {
  public var useColor: Bool
  public var baseDirectory: String?

  public init(useColor: Bool = false, baseDirectory: String? = nil) {
    self.useColor = useColor
    self.baseDirectory = baseDirectory
  }

  public func run(spec path: String, from: String, to: String) -> CommandOutput {
    let loaded: LoadedSpec
    do {
      loaded = try ServiceSpecLoader.load(
        path: resolve(path, against: baseDirectory), displayName: path)
    } catch {
      return .toolFailure(ToolFailure(error.description))
    }
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      return CommandOutput(
        standardError: DiagnosticRenderer(format: .text, useColor: useColor).render(errors),
        status: .findings)
    }
    let differences: [PlanDifference]
    do {
      differences = try EnvironmentDifference.between(from, and: to, of: loaded)
    } catch {
      return .toolFailure(ToolFailure(error.description))
    }
    let service = loaded.spec?.name?.value ?? path
    var output = "\(service): \(from) -> \(to), \(differences.count) key"
    output += differences.count == 1 ? " differs" : "s differ"
    output += " (besides the environment's name)\n"
    for difference in differences {
      output +=
        "  \(difference.path): \(difference.from ?? "(absent)") -> \(difference.to ?? "(absent)")\n"
    }
    return CommandOutput(standardOutput: output, status: .clean)
  }
}
