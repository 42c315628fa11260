import Foundation

/// Copilot's `${NAME}` substitutions in manifest values. Copilot filled in
/// `${COPILOT_APPLICATION_NAME}` and `${COPILOT_ENVIRONMENT_NAME}` itself and every other
/// `${VAR}` from the shell that ran `copilot deploy`. The importer resolves the two it can know
/// and never reads its own process environment (the spec must not depend on who imported it), so
/// every other variable stays for the user, as a TODO.
///
/// The syntax is Copilot's (its `interpolate.go`, taken from docker compose): a name is a letter
/// or `_` followed by letters, digits and `_` (`${0ACCOUNT}` and `${repo-name}` are not
/// variables and stay as written); `\${NAME}` is an escape that stands for the text `${NAME}`;
/// only the braced form counts (`$NAME` is plain text). Copilot substituted values only, never
/// keys, and refused to deploy when a variable was not set; a manifest that deployed therefore
/// had every variable it uses set somewhere.
public struct CopilotSubstitution: Sendable, Equatable {
  /// The variables Copilot itself defines.
  public static let applicationNameVariable = "COPILOT_APPLICATION_NAME"
  public static let environmentNameVariable = "COPILOT_ENVIRONMENT_NAME"
  /// The variables Copilot filled in itself (every other came from the deploying shell).
  public static let copilotNames: Set<String> = [applicationNameVariable, environmentNameVariable]

  /// The Copilot application's name, when known.
  public var applicationName: String?
  /// The environment the value is for, when known (an `environments:` override or an
  /// environment manifest).
  public var environmentName: String?

  public init(applicationName: String? = nil, environmentName: String? = nil) {
    self.applicationName = applicationName
    self.environmentName = environmentName
  }

  /// A value after substitution, and the variables left in it.
  public struct Result: Sendable, Equatable {
    /// The value with every known variable replaced; unknown ones stay as `${NAME}`.
    public var value: String
    /// The names of the variables that stayed, in order of first appearance, each once.
    public var unresolved: [String]

    public init(value: String, unresolved: [String]) {
      self.value = value
      self.unresolved = unresolved
    }
  }

  /// `text` with the variables this substitution knows replaced.
  ///
  /// An escaped `\${NAME}` becomes `${NAME}` and is not listed: it was never a variable. Unknown
  /// variables stay as written, so that the user sees exactly what Copilot would have filled in.
  /// (Copilot replaced every occurrence of a variable's text at once, so `\${A}` next to `${A}`
  /// came out substituted too; here each occurrence is read on its own, as the escape means.)
  public func resolve(_ text: String) -> Result {
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var unresolved: [String] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\\", let reference = Self.reference(in: scalars, at: index + 1) {
        // `\${NAME}`: drop the backslash, keep the reference as text.
        output.append(contentsOf: scalars[(index + 1)..<reference.end])
        index = reference.end
        continue
      }
      if scalar == "$", let reference = Self.reference(in: scalars, at: index) {
        if let known = value(of: reference.name) {
          output.append(contentsOf: known.unicodeScalars)
        } else {
          output.append(contentsOf: scalars[index..<reference.end])
          if !unresolved.contains(reference.name) { unresolved.append(reference.name) }
        }
        index = reference.end
        continue
      }
      output.append(scalar)
      index += 1
    }
    return Result(value: String(output), unresolved: unresolved)
  }

  /// The list a string value stood for in Copilot: after substitution, Copilot read every string
  /// value that parses as a non-empty JSON array of strings (`["sg-1","sg-2"]`, typically from a
  /// variable such as `${SECURITY_GROUPS}`) as that list, unless it was a literal block scalar
  /// (`|`). It did so for every string value, with or without a variable in it. Nil when
  /// `value` is not such an array.
  public static func expandedList(_ value: String) -> [String]? {
    guard value.first == "[" || value.first?.isWhitespace == true,
      let data = value.data(using: .utf8),
      let list = try? JSONSerialization.jsonObject(with: data) as? [String], !list.isEmpty
    else { return nil }
    return list
  }

  /// The value of a variable this substitution knows.
  func value(of name: String) -> String? {
    switch name {
    case Self.applicationNameVariable: applicationName
    case Self.environmentNameVariable: environmentName
    default: nil
    }
  }

  /// The `${NAME}` reference starting at `start`, with the index after its `}`.
  static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (name: String, end: Int)? {
    guard start + 1 < scalars.count, scalars[start] == "$", scalars[start + 1] == "{" else {
      return nil
    }
    var index = start + 2
    guard index < scalars.count, isNameStart(scalars[index]) else { return nil }
    var name = String.UnicodeScalarView()
    while index < scalars.count, isNameCharacter(scalars[index]) {
      name.append(scalars[index])
      index += 1
    }
    guard index < scalars.count, scalars[index] == "}" else { return nil }
    return (String(name), index + 1)
  }

  static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    isNameStart(scalar) || ("0"..."9").contains(scalar)
  }
}
