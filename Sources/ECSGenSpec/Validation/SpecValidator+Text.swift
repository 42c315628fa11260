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

  static func firstControlCharacter(in text: String) -> Int? {
    text.unicodeScalars.firstIndex {
      switch $0.value {
      case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: true
      default: false
      }
    }.map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) }
  }
}
