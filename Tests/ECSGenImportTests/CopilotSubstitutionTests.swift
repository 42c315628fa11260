import ECSGenImport
import Testing

/// `${NAME}` as Copilot read it: the two names Copilot defines are filled in when known; every
/// other variable stays as written and is listed, whoever runs the import.
@Suite struct CopilotSubstitutionTests {
  let known = CopilotSubstitution(applicationName: "shop", environmentName: "prod")

  @Test func knownNamesAreReplaced() {
    let result = known.resolve(
      "/copilot/${COPILOT_APPLICATION_NAME}/${COPILOT_ENVIRONMENT_NAME}/secrets/db")
    #expect(result == .init(value: "/copilot/shop/prod/secrets/db", unresolved: []))
  }

  @Test func unknownNamesStayAndAreListedOnceInOrder() {
    let result = known.resolve("${TAG}-${REGION}-${TAG}-${COPILOT_ENVIRONMENT_NAME}")
    #expect(result.value == "${TAG}-${REGION}-${TAG}-prod")
    #expect(result.unresolved == ["TAG", "REGION"])
  }

  @Test func copilotsOwnNamesStayWhenNotKnown() {
    let result = CopilotSubstitution().resolve(
      "${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}")
    #expect(result.value == "${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}")
    #expect(result.unresolved == ["COPILOT_APPLICATION_NAME", "COPILOT_ENVIRONMENT_NAME"])
  }

  /// `\${NAME}` is text, not a variable: the backslash goes and nothing is listed.
  @Test func escapedReferencesAreText() {
    #expect(known.resolve(#"echo \${name}"#) == .init(value: "echo ${name}", unresolved: []))
    #expect(
      known.resolve(#"${COPILOT_APPLICATION_NAME}\${COPILOT_APPLICATION_NAME}"#)
        == .init(value: "shop${COPILOT_APPLICATION_NAME}", unresolved: []))
    #expect(known.resolve(#"a\b\\c"#).value == #"a\b\\c"#)
  }

  /// Only `${` + a letter or `_` + letters, digits and `_` + `}` is a reference.
  @Test(arguments: [
    "${0accountID}", "${repo-provider}", "$NAME", "${}", "${NAME", "${ NAME}", "$", "${",
    "${NAMÉ}", "100$", "$${x-y}",
  ])
  func notReferencesStayAsWritten(text: String) {
    #expect(known.resolve(text) == .init(value: text, unresolved: []))
  }

  @Test func namesMayHoldDigitsAndUnderscores() {
    let result = known.resolve("${_A1}${a_b_2}")
    #expect(result.unresolved == ["_A1", "a_b_2"])
  }

  @Test func adjacentAndNonASCIIText() {
    let result = known.resolve("é${COPILOT_ENVIRONMENT_NAME}${X}ü\u{2028}")
    #expect(result.value == "éprod${X}ü\u{2028}")
    #expect(result.unresolved == ["X"])
  }

  @Test func aLongValueIsLinear() {
    let text = String(repeating: "${A}", count: 50_000) + String(repeating: "$", count: 100_000)
    let result = known.resolve(text)
    #expect(result.unresolved == ["A"])
    #expect(result.value == text)
  }
}

@Suite struct CopilotSubstitutionListTests {
  @Test func jsonArraysOfStringsAreLists() {
    #expect(CopilotSubstitution.expandedList(#"["sg-1","sg-2"]"#) == ["sg-1", "sg-2"])
    #expect(CopilotSubstitution.expandedList(#"  ["a"]"#) == ["a"])
  }

  @Test(arguments: [#"[]"#, #"[1, 2]"#, #"["a", 1]"#, "sg-1", #"{"a": "b"}"#, "[", ""])
  func otherValuesAreNot(value: String) {
    #expect(CopilotSubstitution.expandedList(value) == nil)
  }
}
