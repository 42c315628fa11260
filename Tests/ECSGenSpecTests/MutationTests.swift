import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing

/// Mutated copies of the example and invalid specs: whatever the bytes, loading never traps, a
/// file without a spec always says why, and every diagnostic points inside the file.
@Suite struct MutationTests {
  /// A small deterministic generator, so that a failure can be reproduced from its iteration.
  struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(max(bound, 1)))
    }
  }

  static let tokens: [[UInt8]] =
    [
      "*a", "&a ", "[", "]", "{", "}", ": ", "- ", "\t", "\"", "'", "#", "\n", "|", ">", "? ",
      "---\n", "~", "!!str ", "99999999999999999999", "1.5h", "0.0001 GB", "<<: ",
    ].map { Array($0.utf8) } + [[0xFF], [0x00], [0xC3]]

  @Test func mutatedSpecsNeverTrapAndAlwaysExplainThemselves() throws {
    let directories = ["specs", "specs/invalid"]
    let seeds = try directories.flatMap { directory in
      try GoldenFile.files(in: directory, suffix: ".yaml").map { name in
        try #require(
          FileManager.default.contents(atPath: "\(GoldenFile.packageRoot)/\(directory)/\(name)"))
      }
    }.map { Array($0) }
    #expect(seeds.count > 10)
    var generator = Generator(state: 2026)
    var refused = 0
    for iteration in 0..<400 {
      var bytes = seeds[generator.next(seeds.count)]
      for _ in 0...generator.next(6) {
        let position = generator.next(bytes.count + 1)
        switch generator.next(3) {
        case 0:
          bytes.insert(contentsOf: Self.tokens[generator.next(Self.tokens.count)], at: position)
        case 1 where !bytes.isEmpty:
          bytes.removeSubrange(position..<min(bytes.count, position + 1 + generator.next(20)))
        default: if position < bytes.count { bytes[position] = UInt8(generator.next(256)) }
        }
      }
      let loaded = ServiceSpecLoader.load(bytes: bytes, file: "mutant.yaml")
      if loaded.spec == nil {
        refused += 1
        #expect(loaded.hasErrors, "iteration \(iteration): no spec and no error")
      }
      let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
      for diagnostic in loaded.diagnostics {
        #expect(
          diagnostic.location.line >= 1 && diagnostic.location.line <= lines + 1
            && diagnostic.location.column >= 1,
          "iteration \(iteration): \(diagnostic.location) outside the file")
      }
    }
    // The mutations must reach the reader's refusals, or the test proves little.
    #expect(refused > 40)
  }
}
