import ECSGenDiagnostics

extension SpecValidator {
  /// Paths and names that reach the deploy workflow, its filters and shell steps as they are: a
  /// control character or a Unicode line separator there is never intended, and would make the
  /// generated files hard to review even where every printer escapes it. Free text (`description`,
  /// environment values, commands) may hold any character: the printers escape it.
  func checkControlCharacters(_ spec: ServiceSpec, _ findings: inout Findings) {
    var fields: [(String, Located<String>?)] = [
      ("health_check.path", spec.healthCheck?.path),
      ("ci.branch", spec.ci?.branch),
      ("ci.environment", spec.ci?.environment),
    ]
    if case .build(let build) = spec.image?.value {
      fields += [("image.build", build.context), ("image.dockerfile", build.dockerfile)]
    }
    for (field, value) in fields {
      guard let value, let offset = Self.firstControlCharacter(in: value.value) else { continue }
      let scalar = Array(value.value.unicodeScalars)[offset]
      findings.add(
        .error(
          "control-character", at: value.location,
          "`\(field)` contains the control character U+\(String(scalar.value, radix: 16, uppercase: true)) (character \(offset + 1)); a path or name cannot hold one, so remove it"
        ))
    }
  }

  /// `ci.branch` is written into the deploy job's `if:` expression (`github.ref ==
  /// 'refs/heads/BRANCH'`) and `ci.environment` into values GitHub evaluates `${{ }}` in (the
  /// job's environment and concurrency group). A quote or an expression there would change the
  /// condition (`main' || true || '` deploys from every event), so only the characters branch and
  /// environment names use are allowed.
  func checkWorkflowExpressionText(_ spec: ServiceSpec, _ findings: inout Findings) {
    for (field, value) in [
      ("ci.branch", spec.ci?.branch), ("ci.environment", spec.ci?.environment),
    ] {
      guard let value,
        let bad = value.value.unicodeScalars.first(where: { Self.expressionUnsafe.contains($0) })
      else { continue }
      findings.add(
        .error(
          "workflow-expression", at: value.location,
          "`\(field)` contains `\(bad)`, which the deploy workflow would read as part of a GitHub expression; use letters, digits, spaces (environment only) and `._/+-`"
        ))
    }
  }

  private static let expressionUnsafe = Set("'\"`$\\{}".unicodeScalars)

  /// `image.build` and `image.dockerfile` reach the workflow as action inputs, where GitHub
  /// evaluates `${{ ... }}` before anything runs; a path never needs that sequence.
  func checkBuildPathExpressions(_ spec: ServiceSpec, _ findings: inout Findings) {
    guard case .build(let build) = spec.image?.value else { return }
    for (field, value) in [("image.build", build.context), ("image.dockerfile", build.dockerfile)] {
      guard let value, value.value.contains("${{") else { continue }
      findings.add(
        .error(
          "workflow-expression", at: value.location,
          "`\(field)` contains `${{`, which GitHub would evaluate as an expression in the deploy workflow; write the path itself"
        ))
    }
  }

  static func firstControlCharacter(in text: String) -> Int? {
    text.unicodeScalars.firstIndex {
      switch $0.value {
      case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: true
      default: false
      }
    }.map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) }
  }
}
