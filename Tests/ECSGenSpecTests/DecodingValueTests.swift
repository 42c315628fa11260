import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Scalars decode from their text by the type the field expects, not by YAML's own guess.
@Suite struct ScalarDecodingTests {
  @Test(arguments: [
    ("on", "on"), ("yes", "yes"), ("true", "true"), ("1.0", "1.0"), ("0x10", "0x10"),
    ("\"\"", ""), ("'~'", "~"),
  ])
  func environmentValuesStayStrings(written: String, expected: String) throws {
    let spec = try #require(load(baseSpec("environment: {FEATURE: \(written)}")).spec)
    #expect(spec.environment?.map(\.value.value) == [expected])
  }

  @Test(arguments: [
    ("\"1 vCPU\"", 1024, false), ("1024", 1024, true), ("0.25 vCPU", 256, false),
    ("\"512\"", 512, true),
  ])
  func cpu(written: String, units: Int, plain: Bool) throws {
    let spec = try #require(load(baseSpec("cpu: \(written)")).spec)
    #expect(spec.cpu?.value == CPUSize(units: units, writtenAsPlainNumber: plain))
  }

  @Test(arguments: [("2GiB", 2048, false), ("512", 512, true), ("1 GB", 1024, false)])
  func memory(written: String, mebibytes: Int, plain: Bool) throws {
    let spec = try #require(load(baseSpec("memory: \(written)")).spec)
    #expect(spec.memory?.value == MemorySize(mebibytes: mebibytes, writtenAsPlainNumber: plain))
  }

  @Test func stringFieldsAcceptNumbersAndBooleansAsText() throws {
    let spec = try #require(load(baseSpec("description: 123\ncluster: true")).spec)
    #expect(spec.description?.value == "123")
    #expect(spec.cluster?.value == "true")
  }

  @Test(arguments: [
    ("x86_64", Platform.linuxAMD64), ("arm64", .linuxARM64), ("linux/amd64", .linuxAMD64),
  ])
  func platformAliases(written: String, expected: Platform) throws {
    let spec = try #require(load(baseSpec("platform: \(written)")).spec)
    #expect(spec.platform?.value == expected)
  }

  @Test(arguments: [("true", true), ("False", false), ("TRUE", true)])
  func booleans(written: String, expected: Bool) throws {
    let spec = try #require(load(baseSpec("read_only_root_filesystem: \(written)")).spec)
    #expect(spec.readOnlyRootFilesystem?.value == expected)
  }

  @Test(arguments: [
    ("true", StickinessSetting.enabled), ("false", .disabled), ("2h", .duration(7200)),
    ("90", .duration(90)),
  ])
  func stickiness(written: String, expected: StickinessSetting) throws {
    let spec = try #require(load(baseSpec(loadBalancer: "stickiness: \(written)")).spec)
    #expect(spec.loadBalancer?.stickiness?.value == expected)
  }

  @Test func durationsAcceptPlainSecondsAndUnits() throws {
    let spec = try #require(load(baseSpec("stop_timeout: 1m30s")).spec)
    #expect(spec.stopTimeout?.value == 90)
  }

  @Test func containerHealthCheckCommandAsList() throws {
    let text = baseSpec("container_health_check:\n  command: [CMD, /bin/check]")
    let spec = try #require(load(text).spec)
    #expect(
      spec.containerHealthCheck?.command?.value
        == .list([Located("CMD", at: at(5, 13)), Located("/bin/check", at: at(5, 18))]))
  }

  @Test func imageBuildMapping() throws {
    let text = baseSpec(
      image: "{build: ., dockerfile: Dockerfile, repository: shop/orders}")
    let spec = try #require(load(text).spec)
    let expected = ImageBuildSpec(
      context: Located(".", at: at(2, 16)), dockerfile: Located("Dockerfile", at: at(2, 31)),
      repository: Located("shop/orders", at: at(2, 55)))
    #expect(spec.image == Located(.build(expected), at: at(2, 8)))
  }

  /// An anchor and alias for a repeated value is ordinary YAML and decodes like the value.
  @Test func aliasesForSmallValues() throws {
    let spec = try #require(load(baseSpec("environment: {A: &v shared, B: *v}")).spec)
    #expect(spec.environment?.map(\.value.value) == ["shared", "shared"])
  }
}

/// `wrong-type` is reported at the value, and the field is then neither decoded nor "missing".
@Suite struct WrongTypeTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var extra: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { extra }
  }

  static let cases: [Case] = [
    Case(
      extra: "cpu: lots", line: 4, column: 6,
      message:
        "`cpu` must be CPU units such as `256` or a size such as `0.25 vCPU`, but is `lots`"),
    Case(extra: "memory: [1]", line: 4, column: 9, message: "but this is a list"),
    Case(
      extra: "environment: [A, B]", line: 4, column: 14, message: "a mapping of names to values"),
    Case(extra: "command: node server.js", line: 4, column: 10, message: "a list of strings"),
    Case(extra: "tags: {Team: [a]}", line: 4, column: 14, message: "`tags.Team` must be a string"),
    Case(
      extra: "read_only_root_filesystem: yes", line: 4, column: 28,
      message: "must be `true` or `false`, but is `yes`"),
    Case(extra: "count: -1", line: 4, column: 8, message: "a whole number"),
    Case(extra: "version: 1.0", line: 4, column: 10, message: "a whole number"),
    Case(
      extra: "kind: Web", line: 4, column: 7, message: "one of `web`, `backend`, `worker`, `job`"),
    Case(extra: "stop_timeout: 1.5m", line: 4, column: 15, message: "a duration such as `30`"),
    Case(
      extra: "health_check:\n  interval: soon", line: 5, column: 13,
      message: "`health_check.interval` must be a duration"),
    Case(
      extra: "roles: [task]", line: 4, column: 8,
      message: "`roles` must be a mapping of keys to values, but this is a list"),
  ]

  @Test(arguments: cases)
  func reportedAtTheValue(_ testCase: Case) throws {
    let text = baseSpec(testCase.extra)
    let finding = try #require(
      expectFinding("wrong-type", .error, at: testCase.line, testCase.column, in: text))
    #expect(finding.message.contains(testCase.message), "\(finding.message)")
  }

  /// YAML 1.1 booleans are refused with a note, since `on` is a string elsewhere in a spec.
  @Test(arguments: ["yes", "no", "on", "Off"])
  func yaml11Boolean(word: String) throws {
    let text = baseSpec("read_only_root_filesystem: \(word)")
    let finding = try #require(expectFinding("wrong-type", .error, at: 4, 28, in: text))
    #expect(finding.notes.contains { $0.hasPrefix("YAML 1.1 read `\(word)` as a boolean") })
  }

  @Test func sameFieldsWithValuesOfTheRightType() {
    expectClean(baseSpec("cpu: 512\nmemory: 1024\nread_only_root_filesystem: true\nkind: web"))
  }

  @Test func wrongSectionTypeListsTheAllowedKeys() throws {
    let text = baseSpec("load_balancer: yes", certificate: false)
    let finding = try #require(expectFinding("wrong-type", .error, at: 4, 16, in: text))
    #expect(finding.notes.first?.hasPrefix("allowed keys: `public`, `idle_timeout`") == true)
  }

  /// The decoder already said what is wrong; "`name` is required" would contradict it.
  @Test(arguments: [("name", baseSpec(name: "[a]")), ("port", baseSpec(port: "eighty"))])
  func undecodableRequiredKeyIsNotAlsoMissing(field: String, text: String) {
    let loaded = load(text)
    #expect(loaded.findings("wrong-type").count == 1, "\(loaded.summary)")
    #expect(
      !loaded.findings("missing-key").contains { $0.message.hasPrefix("`\(field)`") },
      "\(loaded.summary)")
  }
}

/// Unknown keys are errors, with a suggestion when a known key is close.
@Suite struct UnknownKeyTests {
  @Test(arguments: ["healthcheck", "healthCheck", "health-check", "helth_check"])
  func suggestsHealthCheck(key: String) throws {
    let text = baseSpec("\(key):\n  path: /health")
    let finding = try #require(expectFinding("unknown-key", .error, at: 4, 1, in: text))
    #expect(
      finding.message
        == "unknown key `\(key)` at the top level of a spec; did you mean `health_check`?")
  }

  @Test func nestedKeyNamesItsSection() throws {
    let text = baseSpec(loadBalancer: "publik: true")
    let finding = try #require(expectFinding("unknown-key", .error, at: 5, 3, in: text))
    #expect(finding.message == "unknown key `publik` in `load_balancer`; did you mean `public`?")
  }

  @Test func unrelatedKeyListsTheAllowedKeys() throws {
    let finding = try #require(
      expectFinding("unknown-key", .error, at: 4, 1, in: baseSpec("frobnicate: 1")))
    #expect(finding.message == "unknown key `frobnicate` at the top level of a spec")
    #expect(finding.notes.first?.hasPrefix("allowed keys: `version`, `name`, `kind`") == true)
  }

  @Test func knownKeyIsNotReported() {
    expectNoFinding("unknown-key", in: baseSpec("health_check:\n  path: /health"))
  }
}

/// `key: ~`, `key: null` and `key:` mean "not written".
@Suite struct NullValueTests {
  @Test(arguments: ["cpu: ~", "cpu: null", "cpu:", "health_check:", "environment: NULL"])
  func nullCountsAsAbsent(extra: String) throws {
    let loaded = load(baseSpec(extra))
    #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)")
    let spec = try #require(loaded.spec)
    #expect(spec.cpu == nil)
    #expect(spec.healthCheck == nil)
    #expect(spec.environment == nil)
  }

  @Test func nullRequiredKeyIsMissing() throws {
    let finding = try #require(
      expectFinding("missing-key", .error, at: 1, 1, in: baseSpec(name: "~")))
    #expect(finding.message == "`name` is required; for example `name: orders-api`")
  }

  @Test func nullMapEntryIsMissingValue() throws {
    let text = baseSpec("environment:\n  EMPTY:\n  SET: x")
    let finding = try #require(expectFinding("missing-value", .error, at: 5, 3, in: text))
    #expect(finding.message == "`environment.EMPTY` has no value; write `\"\"` for an empty string")
    #expect(load(text).spec?.environment?.map(\.key.value) == ["SET"])
  }

  @Test func emptyStringMapEntryIsAValue() {
    expectClean(baseSpec("environment:\n  EMPTY: \"\""))
  }
}

/// `missing-key` errors that the decoder reports (the validator's are in `IdentityRuleTests`).
@Suite struct DecoderMissingKeyTests {
  @Test func imageMappingNeedsBuild() {
    expectFinding("missing-key", .error, at: 2, 8, in: baseSpec(image: "{dockerfile: Dockerfile}"))
    expectNoFinding("missing-key", in: baseSpec(image: "{build: .}"))
  }

  @Test func containerHealthCheckNeedsCommand() {
    expectFinding(
      "missing-key", .error, at: 5, 3, in: baseSpec("container_health_check:\n  retries: 3"))
    expectNoFinding(
      "missing-key", in: baseSpec("container_health_check:\n  command: [CMD, /bin/check]"))
  }

  @Test func policyStatementNeedsActionsAndResources() {
    let statement = "roles:\n  task:\n    statements:\n      - effect: Allow\n"
    // Absent: reported at the statement; empty: at the key.
    expectFinding(
      "missing-key", .error, at: 7, 9, in: baseSpec(statement + "        actions: [s3:GetObject]"))
    expectFinding(
      "missing-key", .error, at: 9, 9,
      in: baseSpec(statement + "        resources: [\"*\"]\n        actions: []"))
    expectNoFinding(
      "missing-key",
      in: baseSpec(statement + "        actions: [s3:GetObject]\n        resources: [\"*\"]"))
  }
}
