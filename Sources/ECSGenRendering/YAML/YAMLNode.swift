/// A small model of the YAML that ecsgen writes (workflows, imported specs). Documents are built
/// as values of these types; only `YAMLPrinter` turns them into text, so indentation, quoting and
/// comments live in one place.
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
  /// `~`: no value. An environment of an imported spec writes it to drop an inherited key.
  case null
}

public struct YAMLEntry: Sendable, Equatable {
  public var key: String
  public var value: YAMLNode
  /// Print a blank line before this entry (between jobs, between top-level sections).
  public var spacedBefore: Bool
  /// Comment lines printed just above the entry, without the `#`.
  public var comments: [String]

  public init(
    _ key: String, _ value: YAMLNode, spacedBefore: Bool = false, comments: [String] = []
  ) {
    self.key = key
    self.value = value
    self.spacedBefore = spacedBefore
    self.comments = comments
  }
}

extension YAMLNode {
  /// A mapping from pairs, skipping the nil ones, so that optional keys read naturally.
  public static func map(_ entries: [(String, YAMLNode?)]) -> YAMLNode {
    .mapping(entries.compactMap { key, value in value.map { YAMLEntry(key, $0) } })
  }
}
