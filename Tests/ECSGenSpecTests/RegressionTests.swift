import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Regression tests for bugs found while the rules were first tested: each pins the fixed behaviour.
@Suite struct RegressionTests {
  /// `build:` with no value counts as absent, like every other null, so `build` is missing.
  @Test func nullImageBuildIsMissing() {
    let loaded = load(baseSpec(image: "{build: ~, dockerfile: Dockerfile}"))
    #expect(loaded.findings("missing-key").count == 1, "\(loaded.summary)")
  }

  /// `actions:` with no value leaves a statement without actions, which IAM refuses.
  @Test func nullStatementActionsAreMissing() {
    let text = baseSpec(
      "roles:\n  task:\n    statements:\n      - actions:\n        resources: [arn:aws:s3:::orders/*]"
    )
    let loaded = load(text)
    #expect(loaded.findings("missing-key").count == 1, "\(loaded.summary)")
  }

  /// `cpu: lots` is already a `wrong-type` error; checking memory against the default 256 CPU
  /// units then reports "does not fit cpu 256", a value the user never wrote.
  @Test func undecodableCPUIsNotComparedWithTheDefault() {
    let loaded = load(baseSpec("cpu: lots\nmemory: 4 GB"))
    #expect(loaded.findings("wrong-type").count == 1)
    #expect(loaded.findings("fargate-size").isEmpty, "\(loaded.summary)")
  }

  /// Likewise `memory: lots` is reported as "memory 512 MiB (the default)", though it was written.
  @Test func undecodableMemoryIsNotCalledTheDefault() {
    let loaded = load(baseSpec("cpu: 1 vCPU\nmemory: lots"))
    #expect(loaded.findings("wrong-type").count == 1)
    #expect(loaded.findings("fargate-size").isEmpty, "\(loaded.summary)")
  }

  /// `allowed_cidrs` written as a scalar is a `wrong-type` error, not also "needs allowed_cidrs".
  @Test func undecodableAllowedCIDRsIsNotAlsoMissing() {
    let loaded = load(baseSpec(loadBalancer: "public: false\nallowed_cidrs: 10.0.0.0/8"))
    #expect(loaded.findings("wrong-type").count == 1)
    #expect(loaded.findings("allowed-cidrs").isEmpty, "\(loaded.summary)")
  }

  /// YAML allows a byte order mark at the start of a stream, and Windows editors write one.
  @Test func utf8ByteOrderMark() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(baseSpec().utf8)
    let loaded = ServiceSpecLoader.load(bytes: bytes, file: "spec.yaml")
    #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)")
    #expect(loaded.spec?.name?.value == "orders-api")
  }

  /// A control character is valid UTF-8; the error should point at it, not at 1:1.
  @Test func controlCharacterPosition() {
    let loaded = load(baseSpec("description: a\u{7}b"))
    #expect(loaded.hasErrors)
    #expect(loaded.diagnostics.first?.location.line == 4, "\(loaded.summary)")
    #expect(loaded.diagnostics.first?.location.column == 15)
  }

  /// Yams hashes every mapping key while composing, so an alias inside a flow-collection key
  /// walks the whole aliased tree before any limit applies: with a nine-level alias bomb as the
  /// key this takes minutes. (Shown here with a harmless alias.)
  @Test func aliasInsideAFlowKey() {
    let loaded = load("a: &a [x]\n[*a]: y\n")
    #expect(loaded.findings("unsupported-yaml").count == 1, "\(loaded.summary)")
  }

  /// A quote that starts a word inside a plain scalar (`it 'works`) is an ordinary character, but
  /// the pre-scan takes it as an opening quote and skips every later check of the file.
  @Test func quoteInsidePlainScalarDoesNotHideAnAliasKey() {
    let loaded = load("description: it 'works\na: &a x\n*a : y\n")
    #expect(loaded.findings("unsupported-yaml").count == 1, "\(loaded.summary)")
  }
}
