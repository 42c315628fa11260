import ECSGenDiagnostics
import ECSGenSpec

/// What `render` says about a spec with environments beyond `lint`'s diagnostics.
enum EnvironmentRenderNotes {
  /// The promotion workflow (one workflow per service, a deploy job per environment with
  /// `needs:`) is not rendered yet: say so instead of writing nothing in silence.
  static func notes(_ spec: LoadedSpec) -> [Diagnostic] {
    guard !spec.environments.isEmpty, let name = spec.spec?.name else { return [] }
    return [
      .warning(
        "environments-workflow", at: name.location,
        "ecsgen renders the Terraform, CloudFormation and bootstrap of each environment into `NAME/ENV/`, but not yet a deploy workflow for a spec with environments; deploy each environment's configuration yourself until it does"
      )
    ]
  }
}
