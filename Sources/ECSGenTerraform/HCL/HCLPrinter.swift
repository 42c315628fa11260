/// Prints an `HCLDocument` exactly as `terraform fmt` would leave it: two-space indentation,
/// `=` aligned within runs of single-line attributes, one blank line between top-level blocks.
public struct HCLPrinter: Sendable {
  public init() {}

  public func print(_ document: HCLDocument) -> String {
    var output = ""
    for line in document.headerComment {
      output += line.isEmpty ? "#\n" : "# \(line)\n"
    }
    for (index, block) in document.blocks.enumerated() {
      if index > 0 || !document.headerComment.isEmpty { output += "\n" }
      output += printBlock(block, indent: 0)
    }
    return output
  }

  private func printBlock(_ block: HCLBlock, indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent)
    let labels = block.labels.map { " " + HCLQuoting.quote($0) }.joined()
    if block.body.isEmpty { return "\(pad)\(block.type)\(labels) {}\n" }
    return "\(pad)\(block.type)\(labels) {\n" + printBody(block.body, indent: indent + 1)
      + "\(pad)}\n"
  }

  private func printBody(_ items: [HCLBodyItem], indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent)
    let items = Self.separatingBlocks(items)
    var output = ""
    var run: [(String, String)] = []
    func flushRun() {
      output += alignedAssignments(run, pad: pad)
      run = []
    }
    for item in items {
      switch item {
      case .attribute(let name, let value):
        let rendered = printExpression(value, indent: indent)
        if rendered.contains("\n") {
          // terraform fmt aligns only single-line attributes: a value spanning several lines
          // ends the run before it and starts none.
          flushRun()
          output += "\(pad)\(name) = \(rendered)\n"
        } else {
          run.append((name, rendered))
        }
      case .block(let block):
        flushRun()
        output += printBlock(block, indent: indent)
      case .blankLine:
        flushRun()
        output += "\n"
      case .comment(let text):
        flushRun()
        output += "\(pad)# \(text)\n"
      }
    }
    flushRun()
    return output
  }

  /// The items with exactly one blank line on each side of every nested block (none at the start
  /// or end of the body), the layout community Terraform uses.
  static func separatingBlocks(_ items: [HCLBodyItem]) -> [HCLBodyItem] {
    var result: [HCLBodyItem] = []
    for item in items {
      let isBlock: Bool
      if case .block = item { isBlock = true } else { isBlock = false }
      let previousIsBlock: Bool
      if case .block = result.last { previousIsBlock = true } else { previousIsBlock = false }
      if item == .blankLine {
        if let last = result.last, last != .blankLine { result.append(item) }
        continue
      }
      if (isBlock || previousIsBlock), let last = result.last, last != .blankLine {
        result.append(.blankLine)
      }
      result.append(item)
    }
    while result.last == .blankLine { result.removeLast() }
    return result
  }

  /// `name = value` lines with their `=` aligned one space after the longest name.
  private func alignedAssignments(_ run: [(String, String)], pad: String) -> String {
    let width = run.map { $0.0.count }.max() ?? 0
    return run.map { name, value in
      "\(pad)\(name)\(String(repeating: " ", count: width - name.count)) = \(value)\n"
    }.joined()
  }

  /// An expression as it appears after `= `; multi-line values end without a newline.
  func printExpression(_ expression: HCLExpression, indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent)
    switch expression {
    case .string(let text): return HCLQuoting.quote(text)
    case .template(let parts):
      return HCLQuoting.quote(parts) { printExpression($0, indent: indent) }
    case .number(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .reference(let text), .raw(let text): return text
    case .call(let name, let arguments):
      let printed = arguments.map { printExpression($0, indent: indent) }
      return "\(name)(\(printed.joined(separator: ", ")))"
    case .list(let items):
      if items.isEmpty { return "[]" }
      let printed = items.map { printExpression($0, indent: indent + 1) }
      if items.allSatisfy(\.isSimple) {
        return "[" + printed.joined(separator: ", ") + "]"
      }
      return "[\n" + printed.map { "\(pad)  \($0),\n" }.joined() + "\(pad)]"
    case .object(let items):
      if items.isEmpty { return "{}" }
      let rows = items.map { (HCLQuoting.objectKey($0.key), $0.value) }
      var output = "{\n"
      var run: [(String, String)] = []
      for (key, value) in rows {
        let rendered = printExpression(value, indent: indent + 1)
        if rendered.contains("\n") {
          output += alignedAssignments(run, pad: pad + "  ")
          output += "\(pad)  \(key) = \(rendered)\n"
          run = []
        } else {
          run.append((key, rendered))
        }
      }
      output += alignedAssignments(run, pad: pad + "  ")
      return output + "\(pad)}"
    }
  }
}

extension HCLExpression {
  /// Values that fit on one line inside a list.
  var isSimple: Bool {
    switch self {
    case .string, .template, .number, .bool, .null, .reference, .raw: true
    case .call(_, let arguments): arguments.allSatisfy(\.isSimple)
    case .list, .object: false
    }
  }
}
