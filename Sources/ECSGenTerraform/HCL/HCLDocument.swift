/// A small model of the HCL that ecsgen writes. Renderers build values of these types; only
/// `HCLPrinter` turns them into text, so formatting, quoting and escaping live in one place.
public struct HCLDocument: Sendable, Equatable {
  /// Comment lines at the top of the file, without the `#`.
  public var headerComment: [String]
  /// Top-level blocks, printed with one blank line between them.
  public var blocks: [HCLBlock]

  public init(headerComment: [String] = [], blocks: [HCLBlock]) {
    self.headerComment = headerComment
    self.blocks = blocks
  }
}

/// `type "label" "label" { body }`.
public struct HCLBlock: Sendable, Equatable {
  public var type: String
  public var labels: [String]
  public var body: [HCLBodyItem]

  public init(_ type: String, _ labels: [String] = [], _ body: [HCLBodyItem]) {
    self.type = type
    self.labels = labels
    self.body = body
  }
}

/// One item of a block body. Attributes that follow each other form a run whose `=` are aligned;
/// a nested block or a `.blankLine` ends the run.
public enum HCLBodyItem: Sendable, Equatable {
  case attribute(String, HCLExpression)
  case block(HCLBlock)
  case blankLine
  /// `# text` on its own line, such as why a policy statement needs a wildcard.
  case comment(String)
}

/// An HCL expression.
public indirect enum HCLExpression: Sendable, Equatable {
  /// A quoted string, escaped by the printer (so `${` in user text stays literal).
  case string(String)
  /// A quoted template mixing literal text and `${...}` interpolations.
  case template([HCLTemplatePart])
  case number(Int)
  case bool(Bool)
  case null
  /// A reference or other traversal written as is: `var.vpc_id`, `aws_lb.this.arn`.
  case reference(String)
  /// A function call: `jsonencode(...)`.
  case call(String, [HCLExpression])
  case list([HCLExpression])
  /// An object; keys that are not identifiers are quoted by the printer.
  case object([HCLObjectItem])
  /// A `for` expression or another construct written as is, on one line.
  case raw(String)
}

public enum HCLTemplatePart: Sendable, Equatable {
  case literal(String)
  case interpolation(HCLExpression)
}

public struct HCLObjectItem: Sendable, Equatable {
  public var key: String
  public var value: HCLExpression

  public init(_ key: String, _ value: HCLExpression) {
    self.key = key
    self.value = value
  }
}

extension HCLBodyItem {
  /// `name = value`.
  public static func set(_ name: String, _ value: HCLExpression) -> HCLBodyItem {
    .attribute(name, value)
  }
}
