/// Something in a Copilot manifest that did not carry over into the spec as it was written: a
/// key without an ecsgen equivalent, or a key Copilot never read (a typo, a key in the wrong
/// place). The importer writes each as a `WARNING:` comment in the spec, so nothing is dropped
/// without a word.
public struct CopilotImportFinding: Sendable, Equatable {
  /// The key's path in the manifest, dot-joined, with `[]` for a list item and the user's own
  /// names kept (`http.healthcheck.retries`, `sidecars.nginx.port`, `environments.prod.count`).
  public var keyPath: String
  /// Where the key is, 1-based.
  public var line: Int
  public var column: Int
  /// What the key is and what to do by hand (or which key was meant).
  public var message: String

  public init(keyPath: String, line: Int, column: Int, message: String) {
    self.keyPath = keyPath
    self.line = line
    self.column = column
    self.message = message
  }
}

/// The position of a key's scalar in a manifest (1-based line and column, from Yams' marks),
/// which identifies one key even where the same path occurs in several list items.
public struct CopilotKeyPosition: Hashable, Sendable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}
