import ECSGenSpec
import Testing

@Suite struct QuantitiesTests {
  @Test(arguments: [
    ("30", 30), ("0", 0), ("30s", 30), ("2m30s", 150), ("1h", 3_600), ("7d", 604_800),
    ("1d2h3m4s", 93_784), (" 45s ", 45), ("90m", 5_400),
  ])
  func seconds(text: String, expected: Int) {
    #expect(Quantities.seconds(from: text) == expected)
  }

  /// Fractions, unknown units, a unit without a number, units out of order or repeated, spaces
  /// between components and signs are all refused rather than guessed.
  @Test(arguments: [
    "1.5h", "30x", "s", "2s1m", "", "1h1h", "1h 30m", "-5s", "30S", "h1", "99999999999999999999",
  ])
  func invalidSeconds(text: String) {
    #expect(Quantities.seconds(from: text) == nil)
  }

  @Test(arguments: [
    ("512", 512), ("512 MiB", 512), ("512MB", 512), ("1 GB", 1_024), ("2GiB", 2_048),
    ("0.5 GB", 512), ("1.5 GiB", 1_536), ("2 gb", 2_048), ("0.25 GB", 256),
  ])
  func mebibytes(text: String, expected: Int) {
    #expect(Quantities.mebibytes(from: text) == expected)
  }

  /// 0.3 GB is 307.2 MiB, not a whole number of MiB.
  @Test(arguments: ["0.3 GB", "2 TB", "GB", ".5 GB", "1. GB", "1.2.3 GB", "-512", "512 KiB"])
  func invalidMebibytes(text: String) {
    #expect(Quantities.mebibytes(from: text) == nil)
  }

  @Test(arguments: [
    ("256", 256), ("0.25 vCPU", 256), ("0.5vCPU", 512), ("16 vCPU", 16_384), ("2vcpu", 2_048),
    ("1 VCPU", 1_024),
  ])
  func cpuUnits(text: String, expected: Int) {
    #expect(Quantities.cpuUnits(from: text) == expected)
  }

  /// 0.1 vCPU is 102.4 units; `cpu` is not a unit ecsgen knows.
  @Test(arguments: ["0.1 vCPU", "1 cpu", "vCPU", "one vCPU"])
  func invalidCPUUnits(text: String) {
    #expect(Quantities.cpuUnits(from: text) == nil)
  }

  @Test(arguments: [("30", 30), ("30 GiB", 30), ("30GB", 30)])
  func gibibytes(text: String, expected: Int) {
    #expect(Quantities.gibibytes(from: text) == expected)
  }

  @Test(arguments: ["0.5 GiB", "30 MiB"])
  func invalidGibibytes(text: String) {
    #expect(Quantities.gibibytes(from: text) == nil)
  }

  /// Digits only, and at most 18 of them, so that the value always fits an `Int`.
  @Test func nonNegativeInteger() {
    #expect(Quantities.nonNegativeInteger("123456789012345678") == 123_456_789_012_345_678)
    #expect(Quantities.nonNegativeInteger("1234567890123456789") == nil)
    #expect(Quantities.nonNegativeInteger("+1") == nil)
    #expect(Quantities.nonNegativeInteger(" 1") == nil)
    #expect(Quantities.nonNegativeInteger("") == nil)
    #expect(Quantities.nonNegativeInteger("١") == nil)  // an Arabic-Indic digit is not ASCII
  }
}
