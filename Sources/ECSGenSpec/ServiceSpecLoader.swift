import ECSGenDiagnostics
import Foundation
import Yams

/// The result of reading one spec file: the decoded spec when the YAML could be read, and every
/// diagnostic (decoding and validation) sorted for output.
public struct LoadedSpec: Sendable {
  public var file: String
  /// Nil when the file is not a readable YAML mapping; the diagnostics say why.
  public var spec: ServiceSpec?
  public var diagnostics: [Diagnostic]
  /// One merged spec per entry of `environments:`, in the order written (each with its
  /// `deploymentEnvironment` set); empty for a spec without environments. `spec` is then the spec without
  /// its environments, which is never deployed on its own.
  public var environments: [ServiceSpec] = []

  public var hasErrors: Bool { diagnostics.containsErrors }
}

/// A spec file that could not be opened at all; a tool failure, not a finding about the spec.
public struct SpecReadError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var reason: String
  public var description: String { "cannot read \(path): \(reason)" }
}

/// The front of the pipeline: file → bytes → text → YAML nodes → `ServiceSpec` → diagnostics.
public enum ServiceSpecLoader {
  /// Reads and checks the spec at `path`. Throws only when the file cannot be opened; everything
  /// wrong with its content (including its size) is a diagnostic. Diagnostics name the file
  /// `displayName`, which defaults to `path`.
  public static func load(
    path: String, displayName: String? = nil
  ) throws(SpecReadError) -> LoadedSpec {
    let name = displayName ?? path
    switch FileBytes.contents(of: path, limit: SpecLimits.maxFileBytes) {
    case .success(let bytes):
      return load(bytes: bytes, file: name)
    case .failure(.notFound):
      throw SpecReadError(path: name, reason: "no such file")
    case .failure(.isDirectory):
      throw SpecReadError(path: name, reason: "it is a directory")
    case .failure(.unreadable):
      throw SpecReadError(path: name, reason: "permission denied or unreadable")
    case .failure(.tooLarge(let size)):
      return LoadedSpec(
        file: name, spec: nil,
        diagnostics: [
          .error(
            "file-too-large", at: SourceLocation(file: name, line: 1, column: 1),
            "the file has \(size) bytes; ecsgen reads specs of at most \(SpecLimits.maxFileBytes) bytes (1 MiB), far more than a service needs, so check that this is the right file"
          )
        ])
    }
  }

  /// Checks spec bytes already in memory; `file` is the name diagnostics use.
  public static func load(bytes: [UInt8], file: String) -> LoadedSpec {
    if bytes.count > SpecLimits.maxFileBytes {
      return LoadedSpec(
        file: file, spec: nil,
        diagnostics: [
          .error(
            "file-too-large", at: SourceLocation(file: file, line: 1, column: 1),
            "the spec has \(bytes.count) bytes; ecsgen reads specs of at most \(SpecLimits.maxFileBytes) bytes (1 MiB)"
          )
        ])
    }
    let text: String
    switch SpecText.decode(bytes, file: file) {
    case .success(let decoded): text = decoded
    case .failure(let diagnostic):
      return LoadedSpec(file: file, spec: nil, diagnostics: [diagnostic])
    }
    return load(text: text, file: file)
  }

  /// Checks spec text; `file` is the name diagnostics use.
  public static func load(text: String, file: String) -> LoadedSpec {
    let root: Yams.Node
    switch YAMLDocumentLoader.load(text, file: file) {
    case .success(let node): root = node
    case .failure(let diagnostic):
      return LoadedSpec(file: file, spec: nil, diagnostics: [diagnostic])
    }
    if let loaded = EnvironmentSpecLoader.load(root: root, file: file) { return loaded }
    let context = DecodingContext(file: file)
    let spec = ServiceSpecDecoder(context: context).decode(root)
    var diagnostics = context.diagnostics
    if let spec {
      diagnostics += SpecValidator().validate(spec)
    }
    return LoadedSpec(file: file, spec: spec, diagnostics: diagnostics.sortedForOutput())
  }
}
