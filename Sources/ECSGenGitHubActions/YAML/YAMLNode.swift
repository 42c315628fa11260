/// A small model of the YAML that ecsgen writes for GitHub Actions. Workflows are built as values
/// of these types; only `YAMLPrinter` turns them into text, so indentation and quoting live in one
/// place.
public indirect enum YAMLNode: Sendable, Equatable {
  /// A string, printed plain when YAML would read it back as the same string, quoted otherwise.
  case string(String)
  /// A string printed plain with a trailing comment (`uses: owner/action@sha # v1.2.3`).
  case commented(String, comment: String)
  case int(Int)
  case bool(Bool)
  /// A `|` block scalar, for `run:` scripts; each line is printed as it is.
  case literal(String)
  case sequence([YAMLNode])
  case mapping([YAMLEntry])
}

public struct YAMLEntry: Sendable, Equatable {
  public var key: String
  public var value: YAMLNode
  /// Print a blank line before this entry (between jobs, between top-level sections).
  public var spacedBefore: Bool

  public init(_ key: String, _ value: YAMLNode, spacedBefore: Bool = false) {
    self.key = key
    self.value = value
    self.spacedBefore = spacedBefore
  }
}

extension YAMLNode {
  /// A mapping from pairs, skipping the nil ones, so that optional keys read naturally.
  public static func map(_ entries: [(String, YAMLNode?)]) -> YAMLNode {
    .mapping(entries.compactMap { key, value in value.map { YAMLEntry(key, $0) } })
  }
}
