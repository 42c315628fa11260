/// The output formats `ecsgen lint` (and every other command that reports findings) offers.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
  /// `file:line:column: severity: message [rule]`, plus indented `note:` lines.
  case text
  /// A JSON array of `{file, line, column, severity, rule, message, notes}` objects.
  case json
  /// GitHub Actions workflow commands, so findings annotate the pull request diff.
  case github
}

/// Turns diagnostics into the bytes a command prints. Pure: the same input gives the same text.
public struct DiagnosticRenderer: Sendable {
  public var format: DiagnosticFormat
  /// ANSI colours for the text format; callers enable it only on a terminal without `NO_COLOR`.
  public var useColor: Bool

  public init(format: DiagnosticFormat, useColor: Bool = false) {
    self.format = format
    self.useColor = useColor
  }

  /// The whole report for `diagnostics`, already sorted for output. Empty input gives "" for the
  /// line formats and `[]` for JSON, so that a JSON consumer can always parse the output.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    switch format {
    case .text: return diagnostics.map(textLines).joined()
    case .json: return JSONDiagnostics.render(diagnostics)
    case .github: return diagnostics.map(githubLine).joined()
    }
  }

  private func textLines(_ diagnostic: Diagnostic) -> String {
    let label = paint(diagnostic.severity.rawValue + ":", color: diagnostic.severity.ansiColor)
    let location = Self.escapeText(diagnostic.location.description)
    var text =
      "\(paint(location + ":", color: "1")) \(label) "
      + "\(Self.escapeText(diagnostic.message)) [\(Self.escapeText(diagnostic.rule))]\n"
    for note in diagnostic.notes {
      text += "  \(paint("note:", color: Severity.note.ansiColor)) \(Self.escapeText(note))\n"
    }
    return text
  }

  private func paint(_ text: String, color: String) -> String {
    useColor ? "\u{1B}[\(color)m\(text)\u{1B}[0m" : text
  }

  private func githubLine(_ diagnostic: Diagnostic) -> String {
    let command: String
    switch diagnostic.severity {
    case .error: command = "error"
    case .warning: command = "warning"
    case .note: command = "notice"
    }
    let location = diagnostic.location
    let properties = [
      "file=\(Self.escapeProperty(location.file))",
      "line=\(location.line)",
      "col=\(location.column)",
      "title=\(Self.escapeProperty(diagnostic.rule))",
    ].joined(separator: ",")
    let message = ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" })
      .joined(separator: "\n")
    return "::\(command) \(properties)::\(Self.escapeData(message))\n"
  }

  /// Workflow-command escaping for the message part, as GitHub documents it: `%`, CR and LF.
  /// Every value written into a workflow command goes through this or `escapeProperty`.
  public static func escapeData(_ text: String) -> String {
    text.replacingScalars(["%": "%25", "\r": "%0D", "\n": "%0A"])
  }

  /// Workflow-command escaping for `key=value` properties, which also reserve `:` and `,`.
  public static func escapeProperty(_ text: String) -> String {
    text.replacingScalars(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
  }

  /// The text format's escaping: a message is one line, so line breaks, other control characters
  /// (a terminal would act on ESC sequences) and Unicode line separators from a spec are shown as
  /// `\u{...}` instead of being printed.
  public static func escapeText(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        output.append(
          contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        output.append(scalar)
      }
    }
    return String(output)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
    default: false
    }
  }
}

extension Severity {
  fileprivate var ansiColor: String {
    switch self {
    case .error: "1;31"
    case .warning: "1;35"
    case .note: "1;36"
    }
  }
}

extension String {
  /// Replaces Unicode scalars in one pass, so that a replacement is never itself replaced again.
  /// Scalars, not Characters: Swift reads "\r\n" as one Character, which no table entry matches.
  fileprivate func replacingScalars(_ table: [Unicode.Scalar: String]) -> String {
    var result = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if let replacement = table[scalar] {
        result.append(contentsOf: replacement.unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
