/// Parsers for the units a spec accepts. Each returns nil for text it does not accept; the caller
/// turns that into a diagnostic that shows the accepted forms.
public enum Quantities {
  /// Seconds from `90`, `30s`, `2m30s`, `1h`, `7d` (units in descending order, each at most once).
  public static func seconds(from text: String) -> Int? {
    let text = text.trimmingSpaces()
    if let plain = nonNegativeInteger(text) { return plain }
    let units: [(Character, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
    var total = 0
    var digits = ""
    var nextUnit = 0
    var sawComponent = false
    for character in text {
      if character.isASCII && character.isNumber {
        digits.append(character)
        continue
      }
      guard let unitIndex = units.firstIndex(where: { $0.0 == character }), unitIndex >= nextUnit,
        let amount = nonNegativeInteger(digits)
      else { return nil }
      let (product, overflow) = amount.multipliedReportingOverflow(by: units[unitIndex].1)
      guard !overflow, total <= Int.max - product else { return nil }
      total += product
      digits = ""
      nextUnit = unitIndex + 1
      sawComponent = true
    }
    return sawComponent && digits.isEmpty ? total : nil
  }

  /// MiB from `512`, `512 MiB`, `512MB`, `1 GB`, `2GiB`, `0.5 GB` (GB = GiB = 1024 MiB, as Fargate
  /// counts memory; the result must be a whole number of MiB).
  public static func mebibytes(from text: String) -> Int? {
    let text = text.trimmingSpaces()
    if let plain = nonNegativeInteger(text) { return plain }
    return scaled(text, units: ["mib": 1, "mb": 1, "gib": 1024, "gb": 1024])
  }

  /// GiB from `30`, `30 GiB`, `30GB`.
  public static func gibibytes(from text: String) -> Int? {
    let text = text.trimmingSpaces()
    if let plain = nonNegativeInteger(text) { return plain }
    return scaled(text, units: ["gib": 1, "gb": 1])
  }

  /// ECS CPU units from `256` or `0.25 vCPU`, `2vCPU` (1 vCPU = 1024 units, a whole number of units).
  public static func cpuUnits(from text: String) -> Int? {
    let text = text.trimmingSpaces()
    if let plain = nonNegativeInteger(text) { return plain }
    return scaled(text, units: ["vcpu": 1024])
  }

  /// True when `text` holds a run of more than ten digits: a number beyond `SpecLimits.maxNumber`
  /// whatever its unit, refused before it is converted so that no conversion meets `Int`'s limits.
  public static func hasOversizedNumber(_ text: String) -> Bool {
    var run = 0
    for byte in text.utf8 {
      run = (0x30...0x39).contains(byte) ? run + 1 : 0
      if run > 10 { return true }
    }
    return false
  }

  /// A non-negative decimal integer without sign, spaces or separators, that fits an `Int`.
  public static func nonNegativeInteger(_ text: some StringProtocol) -> Int? {
    guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    return Int(text)
  }

  /// `NUMBER [space] UNIT` where NUMBER may have a fraction, converted with `units[unit]` as the
  /// factor; nil unless the product is a whole number.
  private static func scaled(_ text: String, units: [String: Int]) -> Int? {
    let number = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
    let unit = text.dropFirst(number.count).trimmingSpaces().lowercased()
    guard let factor = units[unit], !number.isEmpty else { return nil }
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = nonNegativeInteger(parts[0]) else { return nil }
    let (wholeProduct, overflow) = whole.multipliedReportingOverflow(by: factor)
    guard !overflow else { return nil }
    guard parts.count == 2 else { return wholeProduct }
    let fractionDigits = parts[1]
    guard !fractionDigits.isEmpty, fractionDigits.count <= 6,
      let fraction = nonNegativeInteger(fractionDigits)
    else { return nil }
    var scale = 1
    for _ in fractionDigits { scale *= 10 }
    // whole + fraction/scale, times factor, must be an integer.
    guard (fraction * factor) % scale == 0 else { return nil }
    let (total, sumOverflow) = wholeProduct.addingReportingOverflow(fraction * factor / scale)
    return sumOverflow ? nil : total
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
