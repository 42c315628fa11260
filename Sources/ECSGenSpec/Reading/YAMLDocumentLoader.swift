import ECSGenDiagnostics
import Yams

/// Parses spec text into a Yams node tree, turning every YAML failure into a positioned diagnostic.
enum YAMLDocumentLoader {
  /// The root node, or the diagnostics that explain why there is none.
  static func load(_ rawText: String, file: String) -> Result<Node, Diagnostic> {
    let source: SourceLines
    switch SourceLines.read(rawText, file: file) {
    case .success(let lines): source = lines
    case .failure(let problem): return .failure(problem)
    }
    if let problem = YAMLPreflight(file: file).check(source) {
      return .failure(problem)
    }
    // From here on the parser, the checks and every position see the same LF-only text.
    let text = source.text
    do {
      // The basic resolver tags every scalar as a string: ecsgen decodes scalars from their text by
      // the type each field expects, so Yams' regex-based type guessing would be wasted work.
      // ecsgen reads nodes, never Yams' constructed Swift values, so the parser gets a constructor
      // with no maps instead of building the default maps on every parse.
      // The encoding is given, not `.default`: that reads the process environment on every
      // parse (7% of linting 1,000 specs) and prints to standard output when YAMS_DEFAULT_ENCODING
      // is set.
      guard
        let root = try Parser(
          yaml: text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8
        ).singleRoot(),
        !root.isNull
      else {
        return .failure(
          .error(
            "empty-file", at: SourceLocation(file: file, line: 1, column: 1),
            "the spec is empty; a spec is a YAML mapping with at least `name`, `image` and `port`",
            notes: ["see specs/minimal.yaml in the ecsgen repository for the smallest valid spec"]
          ))
      }
      if !NodeCounter.fits(root, limit: SpecLimits.maxExpandedNodes) {
        let alias = YAMLPreflight(file: file).firstAlias(in: source)
        return .failure(
          .error(
            "document-too-large",
            at: SourceLocation(file: file, line: alias?.line ?? 1, column: alias?.column ?? 1),
            "the document expands to more than \(SpecLimits.maxExpandedNodes) YAML nodes\(alias == nil ? "" : " through its aliases (a \"billion laughs\" document)"); a spec needs a few hundred, so write the values out instead"
          ))
      }
      return .success(root)
    } catch let error as YamlError {
      return .failure(diagnostic(for: error, source: source, file: file))
    } catch {
      return .failure(
        .error(
          "yaml-syntax", at: SourceLocation(file: file, line: 1, column: 1),
          "the file could not be read as YAML: \(error)"))
    }
  }

  private static func diagnostic(
    for error: YamlError, source: SourceLines, file: String
  ) -> Diagnostic {
    func at(_ mark: Mark) -> SourceLocation {
      let position = source.clamped(line: mark.line, column: mark.column)
      return SourceLocation(file: file, line: position.line, column: position.column)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      if let tab = TabIndentation.find(in: source, near: mark) {
        return .error(
          "tab-indentation", at: SourceLocation(file: file, line: tab.line, column: tab.column),
          "this line is indented with a tab; YAML allows only spaces for indentation, so replace the tab with spaces"
        )
      }
      var notes: [String] = []
      if let context, context.mark.line != mark.line || context.mark.column != mark.column {
        notes.append(
          "the construct started at line \(context.mark.line), column \(context.mark.column)")
      }
      if problem.contains("mapping values are not allowed") {
        notes.append(
          "a value that contains `: ` or ends with `:` (such as a Secrets Manager ARN with a JSON key) must be in quotes"
        )
      }
      return .error(
        "yaml-syntax", at: at(mark),
        "the file is not valid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")",
        notes: notes)
    case .composer(let context, let problem, let mark, _):
      if problem.contains("another document") {
        return .error(
          "multiple-documents", at: at(mark),
          "the file holds more than one YAML document; a spec describes one service, so put each service in its own file"
        )
      }
      return .error(
        "yaml-syntax", at: at(mark),
        "the file is not valid YAML: \(problem)\(context.map { " \($0.text)" } ?? "")")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let found =
        DuplicateKeyFinder.secondOccurrence(of: key, in: source)
        ?? DuplicateKeyFinder.secondOccurrence(of: key, onLine: context.mark.line, in: source)
      let location =
        found.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
        ?? at(context.mark)
      return .error(
        "duplicate-key", at: location,
        "the key `\(key)` appears twice in the same mapping; YAML keeps only one of them, so delete or merge the other",
        notes: ["the first `\(key)` is at line \(context.mark.line), column \(context.mark.column)"]
      )
    case .reader(let problem, let offset, let value, _):
      // The text is valid UTF-8 (checked before parsing), so this is a character YAML forbids,
      // such as a control character; `offset` counts bytes.
      let position = source.position(ofByteOffset: offset ?? 0)
      let character = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true)))" : ""
      return .error(
        "yaml-syntax", at: SourceLocation(file: file, line: position.line, column: position.column),
        "the file contains a character YAML does not allow\(character): \(problem); remove it or write it as an escape in a double-quoted string"
      )
    default:
      return .error(
        "yaml-syntax", at: SourceLocation(file: file, line: 1, column: 1),
        "the file could not be read as YAML: \(error)")
    }
  }
}

/// Counts the nodes of a composed document as if its aliases were expanded, stopping as soon as the
/// count passes the limit, so the walk costs at most `limit` steps whatever the document is.
enum NodeCounter {
  static func fits(_ root: Node, limit: Int) -> Bool {
    var pending = [root]
    var count = 0
    while let node = pending.popLast() {
      count += 1
      if count > limit { return false }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          pending.append(key)
          pending.append(value)
        }
      case .sequence(let sequence):
        pending.append(contentsOf: sequence)
      case .scalar, .alias:
        break
      }
    }
    return true
  }
}

/// Finds a tab in the indentation of the line libyaml stopped at, or of the line before it (libyaml
/// sometimes reports the position after the offending line).
enum TabIndentation {
  static func find(in source: SourceLines, near mark: Mark) -> (line: Int, column: Int)? {
    for lineNumber in [mark.line, mark.line - 1] {
      guard let line = source.line(lineNumber) else { continue }
      var column = 1
      for scalar in line {
        if scalar == "\t" { return (lineNumber, column) }
        if scalar != " " { break }
        column += 1
      }
    }
    return nil
  }
}

/// Yams reports a duplicated key with the position of its first occurrence; users need the second.
/// This finds two lines that start the same key at the same indentation with no shallower line
/// between them, which is how duplicates look in block-style YAML.
enum DuplicateKeyFinder {
  static func secondOccurrence(of key: String, in source: SourceLines) -> (
    line: Int, column: Int
  )? {
    var seenAtIndent: [Int: Int] = [:]
    let candidates = [key, "\"\(key)\"", "'\(key)'"].map { Array(($0 + ":").unicodeScalars) }
    for (offset, range) in source.ranges.enumerated() {
      let lineNumber = offset + 1
      let scalars = source.scalars[range]
      var indent = scalars.prefix { $0 == " " }.count
      var content = scalars.dropFirst(indent)
      if content.isEmpty || content.first == "#" { continue }
      seenAtIndent = seenAtIndent.filter { $0.key <= indent }
      if content.starts(with: ["-", " "]) {
        // A new sequence item starts a new mapping: forget keys at and below its indentation.
        seenAtIndent = seenAtIndent.filter { $0.key < indent }
        content = content.dropFirst(2)
        indent += 2
      }
      for candidate in candidates where content.starts(with: candidate) {
        if seenAtIndent[indent] == nil {
          seenAtIndent[indent] = lineNumber
        } else {
          return (lineNumber, indent + 1)
        }
      }
    }
    return nil
  }

  /// The second `key:` on one line, for flow mappings (`{A: 1, A: 2}`).
  static func secondOccurrence(of key: String, onLine lineNumber: Int, in source: SourceLines)
    -> (line: Int, column: Int)?
  {
    guard let slice = source.line(lineNumber) else { return nil }
    let line = Array(slice)
    var starts: [Int] = []
    for candidate in [key, "\"\(key)\"", "'\(key)'"] {
      let pattern = Array((candidate + ":").unicodeScalars)
      for start in occurrences(of: pattern, in: line)
      where start == 0 || " {,".unicodeScalars.contains(line[start - 1]) {
        starts.append(start)
      }
    }
    let sorted = starts.sorted()
    return sorted.count >= 2 ? (lineNumber, sorted[1] + 1) : nil
  }
}

extension DuplicateKeyFinder {
  /// Start offsets of `pattern` in `text` (Knuth-Morris-Pratt), in time linear in both: a key of
  /// half a megabyte repeated on one line must not take quadratic time to locate.
  static func occurrences(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
    guard !pattern.isEmpty, pattern.count <= text.count else { return [] }
    var failure = [Int](repeating: 0, count: pattern.count)
    var matched = 0
    for index in 1..<pattern.count {
      while matched > 0 && pattern[index] != pattern[matched] { matched = failure[matched - 1] }
      if pattern[index] == pattern[matched] { matched += 1 }
      failure[index] = matched
    }
    var starts: [Int] = []
    matched = 0
    for (index, scalar) in text.enumerated() {
      while matched > 0 && scalar != pattern[matched] { matched = failure[matched - 1] }
      if scalar == pattern[matched] { matched += 1 }
      if matched == pattern.count {
        starts.append(index - pattern.count + 1)
        matched = failure[matched - 1]
      }
    }
    return starts
  }
}
