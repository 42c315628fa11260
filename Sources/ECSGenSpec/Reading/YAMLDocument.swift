import ECSGenDiagnostics
import Yams

/// The spec loader's YAML reading (size and nesting checks, line ends, aliases, duplicate keys,
/// positioned errors) for other YAML inputs, such as the Copilot manifests `ecsgen import`
/// reads: they are as untrusted as a spec and deserve the same guards.
public enum YAMLDocument {
  /// The root node of `text` (every scalar tagged as a string), or the diagnostic that says
  /// why there is none.
  public static func parse(_ text: String, file: String) -> Result<Node, Diagnostic> {
    YAMLDocumentLoader.load(text, file: file)
  }
}
