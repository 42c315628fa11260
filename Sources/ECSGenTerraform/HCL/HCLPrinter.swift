/// Prints an `HCLDocument` exactly as `terraform fmt` would leave it: two-space indentation,
/// `=` aligned within runs of single-line attributes, one blank line between top-level blocks and
/// around nested blocks.
///
/// Everything is appended to one buffer: rendering a thousand services is dominated by string
/// building, so the printer avoids intermediate strings for multi-line values.
public struct HCLPrinter: Sendable {
  public init() {}

  public func print(_ document: HCLDocument) -> String {
    var output = ""
    for line in document.headerComment {
      output += line.isEmpty ? "#\n" : "# \(line)\n"
    }
    for (index, block) in document.blocks.enumerated() {
      if index > 0 || !document.headerComment.isEmpty { output += "\n" }
      writeBlock(block, indent: 0, into: &output)
    }
    return output
  }

  private func writeBlock(_ block: HCLBlock, indent: Int, into output: inout String) {
    output += Self.pad(indent) + block.type
    for label in block.labels { output += " " + HCLQuoting.quote(label) }
    if block.body.isEmpty {
      output += " {}\n"
      return
    }
    output += " {\n"
    writeBody(block.body, indent: indent + 1, into: &output)
    output += Self.pad(indent) + "}\n"
  }

  private func writeBody(_ items: [HCLBodyItem], indent: Int, into output: inout String) {
    let pad = Self.pad(indent)
    var run: [(String, HCLExpression)] = []
    func flushRun() {
      writeAligned(run, indent: indent, into: &output)
      run = []
    }
    for item in Self.separatingBlocks(items) {
      switch item {
      case .attribute(let name, let value):
        if value.isMultiLine {
          // terraform fmt aligns only single-line attributes: a value spanning several lines
          // ends the run before it and starts none.
          flushRun()
          output += pad + name + " = "
          writeExpression(value, indent: indent, into: &output)
          output += "\n"
        } else {
          run.append((name, value))
        }
      case .block(let block):
        flushRun()
        writeBlock(block, indent: indent, into: &output)
      case .blankLine:
        flushRun()
        output += "\n"
      case .comment(let text):
        flushRun()
        output += pad + "# " + text + "\n"
      }
    }
    flushRun()
  }

  /// `name = value` lines with their `=` aligned one space after the longest name.
  private func writeAligned(
    _ run: [(String, HCLExpression)], indent: Int, into output: inout String
  ) {
    let width = run.map { $0.0.count }.max() ?? 0
    let pad = Self.pad(indent)
    for (name, value) in run {
      output += pad
      output += name
      output += Self.spaces(width - name.count + 1)
      output += "= "
      writeExpression(value, indent: indent, into: &output)
      output += "\n"
    }
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
      var previousIsComment = false
      if case .comment = result.last { previousIsComment = true }
      // A comment stays on the line above the block it explains.
      if (isBlock && !previousIsComment) || previousIsBlock, let last = result.last,
        last != .blankLine
      {
        result.append(.blankLine)
      }
      result.append(item)
    }
    while result.last == .blankLine { result.removeLast() }
    return result
  }

  /// An expression as it appears after `= `; multi-line values end without a newline.
  private func writeExpression(_ expression: HCLExpression, indent: Int, into output: inout String)
  {
    switch expression {
    case .string(let text): output += HCLQuoting.quote(text)
    case .template(let parts):
      output += HCLQuoting.quote(parts) { value in
        var text = ""
        writeExpression(value, indent: indent, into: &text)
        return text
      }
    case .number(let value): output += String(value)
    case .bool(let value): output += value ? "true" : "false"
    case .null: output += "null"
    case .reference(let text), .raw(let text): output += text
    case .call(let name, let arguments):
      output += name + "("
      for (index, argument) in arguments.enumerated() {
        if index > 0 { output += ", " }
        writeExpression(argument, indent: indent, into: &output)
      }
      output += ")"
    case .list(let items):
      if items.isEmpty {
        output += "[]"
      } else if items.allSatisfy(\.isSimple) {
        output += "["
        for (index, item) in items.enumerated() {
          if index > 0 { output += ", " }
          writeExpression(item, indent: indent + 1, into: &output)
        }
        output += "]"
      } else {
        output += "[\n"
        for item in items {
          output += Self.pad(indent + 1)
          writeExpression(item, indent: indent + 1, into: &output)
          output += ",\n"
        }
        output += Self.pad(indent) + "]"
      }
    case .object(let items):
      if items.isEmpty {
        output += "{}"
        return
      }
      output += "{\n"
      var run: [(String, HCLExpression)] = []
      for item in items {
        let key = HCLQuoting.objectKey(item.key)
        if item.value.isMultiLine {
          writeAligned(run, indent: indent + 1, into: &output)
          run = []
          output += Self.pad(indent + 1) + key + " = "
          writeExpression(item.value, indent: indent + 1, into: &output)
          output += "\n"
        } else {
          run.append((key, item.value))
        }
      }
      writeAligned(run, indent: indent + 1, into: &output)
      output += Self.pad(indent) + "}"
    }
  }

  /// Indentation strings by depth, built once.
  private static let pads = (0..<32).map { String(repeating: "  ", count: $0) }

  private static func pad(_ depth: Int) -> String {
    depth < pads.count ? pads[depth] : String(repeating: "  ", count: depth)
  }

  /// Runs of spaces that align `=`, built once.
  private static let spaceRuns = (0..<64).map { String(repeating: " ", count: $0) }

  private static func spaces(_ count: Int) -> String {
    count < spaceRuns.count ? spaceRuns[count] : String(repeating: " ", count: count)
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

  /// Values the printer spreads over several lines: non-empty objects, lists of collections,
  /// and calls that take one of those.
  var isMultiLine: Bool {
    switch self {
    case .string, .template, .number, .bool, .null, .reference, .raw: false
    case .object(let items): !items.isEmpty
    case .list(let items): !items.allSatisfy(\.isSimple)
    case .call(_, let arguments): arguments.contains(where: \.isMultiLine)
    }
  }
}
