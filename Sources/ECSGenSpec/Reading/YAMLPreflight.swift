import ECSGenDiagnostics

/// A cheap lexical pass over the text before the YAML parser sees it.
///
/// Yams composes documents recursively, once per nesting level, and hashes mapping keys to find
/// duplicates. Both are fine for real specs and dangerous for hostile ones: 10,000 nested brackets
/// overflow the stack, and an alias used as a mapping key makes the key hash walk the whole
/// (possibly exponential) aliased tree. This pass refuses those shapes without parsing: it tracks
/// quotes, comments and block scalars just well enough to tell structure from text.
struct YAMLPreflight {
  let file: String

  /// The first problem found, or nil when the text may be handed to the parser.
  func check(_ source: SourceLines) -> Diagnostic? {
    var scanner = Scanner()
    for (offset, range) in source.ranges.enumerated() {
      if let problem = scanner.scan(line: Array(source.scalars[range])) {
        return diagnostic(problem, line: offset + 1)
      }
    }
    return nil
  }

  /// The position of the first alias (`*name`) in the text, for pointing at an alias bomb.
  func firstAlias(in source: SourceLines) -> (line: Int, column: Int)? {
    var scanner = Scanner()
    for (offset, range) in source.ranges.enumerated() {
      _ = scanner.scan(line: Array(source.scalars[range]))
      if let column = scanner.aliasColumn { return (offset + 1, column) }
    }
    return nil
  }

  private func diagnostic(_ problem: Scanner.Problem, line: Int) -> Diagnostic {
    let location = SourceLocation(file: file, line: line, column: problem.column)
    switch problem.kind {
    case .tooDeep:
      return .error(
        "nesting-too-deep", at: location,
        "the document nests deeper than ecsgen reads (more than \(SpecLimits.maxNestingDepth) levels of indentation and brackets); a service spec needs only a few levels"
      )
    case .aliasKey:
      return .error(
        "unsupported-yaml", at: location,
        "an alias cannot be used as a mapping key in a spec; write the key out")
    case .complexKey:
      return .error(
        "unsupported-yaml", at: location,
        "complex mapping keys (`? key`, or a list or mapping used as a key) are not supported in a spec; use plain `key: value` entries"
      )
    }
  }
}

extension YAMLPreflight {
  /// Line-by-line state machine. Columns are 1-based and count Unicode scalars, like libyaml.
  fileprivate struct Scanner {
    struct Problem {
      enum Kind { case tooDeep, aliasKey, complexKey }
      var kind: Kind
      var column: Int
    }

    /// The column of the first alias on the line last scanned, if any.
    private(set) var aliasColumn: Int?
    private var flowDepth = 0
    private var openQuote: Unicode.Scalar?
    /// Lines indented more than this belong to a `|` or `>` block scalar and are text.
    private var blockScalarParentIndent: Int?

    mutating func scan(line: [Unicode.Scalar]) -> Problem? {
      aliasColumn = nil
      let indent = line.prefix { $0 == " " }.count
      if let parentIndent = blockScalarParentIndent {
        let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        if isBlank || indent > parentIndent { return nil }
        blockScalarParentIndent = nil
      }
      // Each block nesting level needs at least one more column of indentation (or a `- `
      // indicator, which takes two), so the column of the first token bounds the block depth.
      var blockColumn = indent
      while blockColumn < line.count, line[blockColumn] == "-" || line[blockColumn] == " " {
        blockColumn += 1
      }
      var index = indent
      // True where a YAML node may start: at the start of the line, after `- `, `: `, `? `, and
      // after `[`, `{` and `,` inside brackets. Quotes, aliases and brackets mean something only
      // there; elsewhere (`it 'works`) they are plain text.
      var atNodeStart = true
      var lastSignificantIndex: Int?
      // The column of the node that owns a `|` or `>` at the end of the line: the key before it
      // (`- k: |` is owned by `k`, at column 2), or the `-` of a sequence item (`- |`). The block
      // scalar's text is indented further than that column; a line that is not belongs to the
      // structure again and is scanned, however deep the line that opened the scalar was.
      var ownerColumn = indent
      var nodeStart = indent
      func isSpace(_ offset: Int) -> Bool {
        offset >= line.count || line[offset] == " " || line[offset] == "\t" || line[offset] == "\r"
      }
      while index < line.count {
        let scalar = line[index]
        if let quote = openQuote {
          if quote == "\"" && scalar == "\\" {
            index += 2
            continue
          }
          if scalar == quote {
            if quote == "'" && index + 1 < line.count && line[index + 1] == "'" {
              index += 2
              continue
            }
            openQuote = nil
            lastSignificantIndex = index
          }
          index += 1
          continue
        }
        if isSpace(index) {
          index += 1
          continue
        }
        if scalar == "#" && (index == 0 || isSpace(index - 1)) { break }
        lastSignificantIndex = index
        if atNodeStart && flowDepth == 0 { nodeStart = index }
        if atNodeStart {
          switch scalar {
          case "\"", "'":
            openQuote = scalar
            atNodeStart = false
            index += 1
            continue
          case "*":
            if isAliasKey(line, from: index) {
              return Problem(kind: .aliasKey, column: index + 1)
            }
            if aliasColumn == nil { aliasColumn = index + 1 }
          case "&", "!":
            // An anchor or a tag: the node itself follows it.
            while index < line.count, !isSpace(index), !",[]{}".unicodeScalars.contains(line[index])
            {
              index += 1
            }
            continue
          case "?" where isSpace(index + 1):
            return Problem(kind: .complexKey, column: index + 1)
          case "-" where isSpace(index + 1):
            if flowDepth == 0 { ownerColumn = index }
            index += 1
            continue
          default: break
          }
        }
        switch scalar {
        case "[", "{":
          if atNodeStart || flowDepth > 0 {
            flowDepth += 1
            atNodeStart = true
          } else {
            atNodeStart = false
          }
        case "]", "}":
          if flowDepth > 0 {
            flowDepth -= 1
            // A collection followed by `:` is being used as a mapping key.
            var next = index + 1
            while next < line.count, line[next] == " " { next += 1 }
            if next < line.count, line[next] == ":", isSpace(next + 1) || flowDepth > 0 {
              return Problem(kind: .complexKey, column: index + 1)
            }
          }
          atNodeStart = false
        case ",":
          atNodeStart = flowDepth > 0
        case ":":
          if flowDepth == 0 && isSpace(index + 1) { ownerColumn = nodeStart }
          // In brackets, `a:b` is one plain scalar; `"a":b` (after a quote) is a key and value.
          atNodeStart =
            isSpace(index + 1)
            || (flowDepth > 0 && index > 0 && (line[index - 1] == "\"" || line[index - 1] == "'"))
        default:
          atNodeStart = false
        }
        if blockColumn + flowDepth + 1 > SpecLimits.maxNestingDepth {
          return Problem(kind: .tooDeep, column: index + 1)
        }
        index += 1
      }
      if blockColumn + 1 > SpecLimits.maxNestingDepth {
        return Problem(kind: .tooDeep, column: blockColumn + 1)
      }
      if openQuote == nil, flowDepth == 0, let lastIndex = lastSignificantIndex,
        startsBlockScalar(line, lastIndex: lastIndex)
      {
        blockScalarParentIndent = ownerColumn
      }
      return nil
    }

    /// `*name :` (an alias followed by a key indicator).
    private func isAliasKey(_ line: [Unicode.Scalar], from start: Int) -> Bool {
      var index = start + 1
      while index < line.count, !" \t,[]{}".unicodeScalars.contains(line[index]) {
        if line[index] == ":" && (index + 1 == line.count || line[index + 1] == " ") {
          return true
        }
        index += 1
      }
      while index < line.count, line[index] == " " { index += 1 }
      return index < line.count && line[index] == ":"
        && (index + 1 == line.count || line[index + 1] == " ")
    }

    /// A line whose last token is `|` or `>` (with optional chomping and indentation indicators).
    private func startsBlockScalar(_ line: [Unicode.Scalar], lastIndex: Int) -> Bool {
      var index = lastIndex
      while index >= 0, "+-0123456789".unicodeScalars.contains(line[index]) { index -= 1 }
      guard index >= 0, line[index] == "|" || line[index] == ">" else { return false }
      return index == 0 || line[index - 1] == " "
    }
  }
}
