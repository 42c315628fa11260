import ECSGenDiagnostics
import ECSGenSpec
import Foundation
import Testing

/// Input that is not a spec at all gives exactly one positioned error and no spec, never a crash.
@Suite struct BadInputTests {
  /// The one diagnostic of `loaded`, which must have no spec.
  func only(_ loaded: LoadedSpec, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> Diagnostic?
  {
    #expect(loaded.spec == nil, sourceLocation: sourceLocation)
    #expect(loaded.diagnostics.count == 1, "\(loaded.summary)", sourceLocation: sourceLocation)
    return loaded.diagnostics.first
  }

  @Test func mappingValueInsideAValue() throws {
    let finding = try #require(only(load("key: value: other\n")))
    #expect(finding.rule == "yaml-syntax")
    #expect((finding.location.line, finding.location.column) == (1, 11))
    #expect(finding.notes.contains { $0.contains("must be in quotes") })
  }

  @Test func unclosedFlowSequence() throws {
    let finding = try #require(only(load("name: [unclosed\n")))
    #expect(finding.rule == "yaml-syntax")
    #expect(finding.severity == .error)
    #expect(finding.notes == ["the construct started at line 1, column 7"])
  }

  @Test(arguments: ["{\"name\": \n", "name: \"unterminated\n", "a:\n  - b\n c: d\n"])
  func notYAML(text: String) {
    #expect(only(load(text))?.rule == "yaml-syntax")
  }

  @Test(arguments: ["", "# only a comment\n", "  \n\n"])
  func emptyFile(text: String) throws {
    let finding = try #require(only(load(text)))
    #expect(finding.rule == "empty-file")
    #expect((finding.location.line, finding.location.column) == (1, 1))
    #expect(finding.notes.contains { $0.contains("specs/minimal.yaml") })
  }

  /// A lone `---` starts a document with nothing in it.
  @Test func onlyADocumentMarker() {
    let loaded = load("---\n")
    #expect(loaded.spec == nil)
    #expect(loaded.diagnostics.map(\.rule) == ["empty-file"])
  }

  @Test func emptyBytes() {
    #expect(only(ServiceSpecLoader.load(bytes: [], file: "spec.yaml"))?.rule == "empty-file")
  }

  @Test(arguments: [
    ("- a\n- b\n", "a list"), ("[1, 2]\n", "a list"), ("hello world\n", "a scalar"),
  ])
  func topLevelNotMapping(text: String, kind: String) throws {
    let finding = try #require(only(load(text)))
    #expect(finding.rule == "top-level-not-mapping")
    #expect((finding.location.line, finding.location.column) == (1, 1))
    #expect(finding.message.hasSuffix("but this file holds \(kind)"))
  }

  /// Yams reports the first occurrence; the user needs the second.
  @Test func duplicateTopLevelKey() throws {
    let finding = try #require(only(load("name: a\nimage: nginx:1\nname: b\n")))
    #expect(finding.rule == "duplicate-key")
    #expect((finding.location.line, finding.location.column) == (3, 1))
    #expect(finding.notes == ["the first `name` is at line 1, column 1"])
  }

  @Test func duplicateNestedKey() throws {
    let text = "name: a\nload_balancer:\n  public: true\n  idle_timeout: 5\n  public: false\n"
    let finding = try #require(only(load(text)))
    #expect(finding.rule == "duplicate-key")
    #expect((finding.location.line, finding.location.column) == (5, 3))
  }

  /// The same key in two different mappings is not a duplicate.
  @Test func sameKeyInSiblingMappings() {
    let text = baseSpec(
      "health_check:\n  interval: 10\n"
        + "container_health_check:\n  interval: 10\n  command: [CMD, /bin/check]"
    )
    expectClean(text)
  }

  @Test func duplicateKeyInFlowMapping() {
    let text = "name: a\nenvironment: {A: \"1\", A: \"2\"}\n"
    let loaded = load(text)
    #expect(loaded.diagnostics.first?.rule == "duplicate-key")
    #expect(loaded.diagnostics.first?.location.column == 23)
  }

  @Test(arguments: [
    ("name: a\nload_balancer:\n\tpublic: true\n", 3), ("name: a\n\tport: 80\n", 2),
  ])
  func tabIndentation(text: String, line: Int) throws {
    let finding = try #require(only(load(text)))
    #expect(finding.rule == "tab-indentation")
    #expect((finding.location.line, finding.location.column) == (line, 1))
  }

  /// A tab inside a value is text, not indentation.
  @Test func tabInsideAValue() {
    expectClean(baseSpec("description: \"a\tb\""))
  }

  /// The column counts Unicode scalars, so `é` counts once.
  @Test(arguments: [
    (Array("name: é\nimage: ab".utf8) + [0xFF], 2, 10), ([0x80] + Array("name: a".utf8), 1, 1),
    (Array("name: caf".utf8) + [0xC3], 1, 10), (Array("name: caf".utf8) + [0xC3, 0x28], 1, 10),
  ])
  func invalidUTF8(bytes: [UInt8], line: Int, column: Int) throws {
    let finding = try #require(only(ServiceSpecLoader.load(bytes: bytes, file: "spec.yaml")))
    #expect(finding.rule == "invalid-utf8")
    #expect((finding.location.line, finding.location.column) == (line, column))
  }

  @Test func validUTF8Bytes() {
    let loaded = ServiceSpecLoader.load(
      bytes: Array(baseSpec("description: Bestellungen für Köln ✓").utf8), file: "spec.yaml")
    #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)")
    #expect(loaded.spec?.description?.value == "Bestellungen für Köln ✓")
  }

  @Test func multipleDocuments() throws {
    let finding = try #require(only(load("name: a\n---\nname: b\n")))
    #expect(finding.rule == "multiple-documents")
    #expect((finding.location.line, finding.location.column) == (2, 1))
    #expect(only(load("---\nname: a\n---\nname: b\n"))?.rule == "multiple-documents")
  }

  @Test func singleExplicitDocument() {
    expectClean("---\n" + baseSpec() + "...\n")
  }

  @Test func fileTooLarge() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: SpecLimits.maxFileBytes + 1)
    let finding = try #require(only(ServiceSpecLoader.load(bytes: bytes, file: "spec.yaml")))
    #expect(finding.rule == "file-too-large")
    #expect((finding.location.line, finding.location.column) == (1, 1))
    #expect(finding.message.contains("1048577 bytes"))
  }

  /// Exactly 1 MiB is still read (this one is all comment, so it is empty).
  @Test func fileOfExactlyTheLimit() {
    let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: SpecLimits.maxFileBytes)
    #expect(only(ServiceSpecLoader.load(bytes: bytes, file: "spec.yaml"))?.rule == "empty-file")
  }

  @Test func fileTooLargeOnDisk() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("ecsgen-large-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(repeating: UInt8(ascii: "#"), count: SpecLimits.maxFileBytes + 1).write(to: url)
    let loaded = try ServiceSpecLoader.load(path: url.path)
    #expect(loaded.findings("file-too-large").count == 1)
    #expect(loaded.spec == nil)
  }

  @Test func unreadablePaths() {
    #expect(throws: SpecReadError.self) {
      try ServiceSpecLoader.load(path: "/nonexistent/ecsgen/spec.yaml")
    }
    #expect(throws: SpecReadError.self) {
      try ServiceSpecLoader.load(path: FileManager.default.temporaryDirectory.path)
    }
  }

  @Test func aliasAsKey() throws {
    let finding = try #require(only(load("a: &a x\n*a : y\n")))
    #expect(finding.rule == "unsupported-yaml")
    #expect((finding.location.line, finding.location.column) == (2, 1))
  }

  @Test func complexKey() throws {
    let finding = try #require(only(load("? a\n: b\n")))
    #expect(finding.rule == "unsupported-yaml")
    #expect((finding.location.line, finding.location.column) == (1, 1))
  }
}
