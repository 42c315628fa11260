import ECSGenDiagnostics
import Yams

/// Decodes scalar and collection values by the type the field expects, always from the scalar's
/// text: `FEATURE: on` in `environment` is the string "on", and `cpu: "1 vCPU"` and `cpu: 1024` mean
/// the same. Every failure is reported as a `wrong-type` diagnostic at the value and gives nil.
struct ValueReader {
  let context: DecodingContext

  func string(_ node: Node, field: String) -> Located<String>? {
    guard let scalar = scalar(node, field: field, expected: "a string") else { return nil }
    return Located(scalar.string, at: context.location(of: node))
  }

  func integer(_ node: Node, field: String) -> Located<Int>? {
    number(node, field: field, expected: "a whole number such as `3`", size: { $0 }) {
      Quantities.nonNegativeInteger($0)
    }
  }

  func bool(_ node: Node, field: String) -> Located<Bool>? {
    if case .scalar(let scalar) = node,
      ["yes", "no", "on", "off", "y", "n"].contains(scalar.string.lowercased())
    {
      context.markUndecodable(field)
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`\(field)` must be `true` or `false`, but is `\(scalar.string)`",
          notes: [
            "YAML 1.1 read `\(scalar.string)` as a boolean, YAML 1.2 and ecsgen do not; write `true` or `false`"
          ]))
      return nil
    }
    return parse(node, field: field, expected: "`true` or `false`") { Self.boolean(from: $0) }
  }

  func seconds(_ node: Node, field: String) -> Located<Int>? {
    number(
      node, field: field, expected: "a duration such as `30`, `30s`, `2m30s`, `1h` or `7d`",
      size: { $0 }
    ) {
      Quantities.seconds(from: $0)
    }
  }

  func memory(_ node: Node, field: String) -> Located<MemorySize>? {
    number(
      node, field: field, expected: "a memory size such as `512`, `512 MiB`, `2 GB` or `2GiB`",
      size: \.mebibytes
    ) {
      text in
      Quantities.mebibytes(from: text).map {
        MemorySize(
          mebibytes: $0, writtenAsPlainNumber: Quantities.nonNegativeInteger(text) != nil)
      }
    }
  }

  func cpu(_ node: Node, field: String) -> Located<CPUSize>? {
    number(
      node, field: field, expected: "CPU units such as `256` or a size such as `0.25 vCPU`",
      size: \.units
    ) {
      text in
      Quantities.cpuUnits(from: text).map {
        CPUSize(units: $0, writtenAsPlainNumber: Quantities.nonNegativeInteger(text) != nil)
      }
    }
  }

  func gibibytes(_ node: Node, field: String) -> Located<Int>? {
    number(node, field: field, expected: "a size in GiB such as `30` or `30 GiB`", size: { $0 }) {
      Quantities.gibibytes(from: $0)
    }
  }

  /// A port (`5432`) or an inclusive range of ports (`8000-8100`); the bounds are checked later.
  func portRange(_ node: Node, field: String) -> Located<PortRange>? {
    number(
      node, field: field, expected: "a port such as `5432` or a range such as `8000-8100`",
      size: { max($0.from, $0.to) }
    ) {
      PortRange(text: $0)
    }
  }

  /// One of `Value`'s raw values, or one of `aliases`.
  func choice<Value: RawRepresentable & CaseIterable>(
    _ node: Node, field: String, aliases: [String: Value] = [:]
  ) -> Located<Value>? where Value.RawValue == String {
    let allowed =
      Value.allCases.map { "`\($0.rawValue)`" } + aliases.keys.sorted().map { "`\($0)`" }
    return parse(node, field: field, expected: "one of " + allowed.joined(separator: ", ")) {
      Value(rawValue: $0) ?? aliases[$0]
    }
  }

  /// Exactly `word`; anything else is reported as not being `expected`.
  func word(_ node: Node, _ word: String, field: String, expected: String) -> Located<String>? {
    parse(node, field: field, expected: expected) { $0 == word ? $0 : nil }
  }

  /// A list of strings.
  func stringList(_ node: Node, field: String) -> Located<[Located<String>]>? {
    guard case .sequence(let sequence) = node else {
      report(node, field: field, expected: "a list of strings such as `[\"a\", \"b\"]`")
      return nil
    }
    var items: [Located<String>] = []
    for (index, item) in sequence.enumerated() {
      if let string = string(item, field: "\(field)[\(index)]") { items.append(string) }
    }
    return Located(items, at: context.location(of: node))
  }

  /// A mapping from user-chosen names to scalars (`environment`, `secrets`, `tags`).
  func stringMap(_ node: Node, field: String) -> [MapEntry<String>]? {
    guard case .mapping(let mapping) = node else {
      report(node, field: field, expected: "a mapping of names to values")
      return nil
    }
    var entries: [MapEntry<String>] = []
    for (key, value) in mapping {
      guard let name = string(key, field: "a key of `\(field)`") else { continue }
      if value.isNull {
        context.report(
          .error(
            "missing-value", at: context.location(of: key),
            "`\(field).\(name.value)` has no value; write `\"\"` for an empty string"))
        continue
      }
      guard let text = string(value, field: "\(field).\(name.value)") else { continue }
      entries.append(MapEntry(key: name, value: text))
    }
    return entries
  }

  /// YAML 1.2 core booleans only: YAML 1.1's `yes`/`no`/`on`/`off` are refused rather than
  /// guessed, because the same words are ordinary strings in `environment`.
  static func boolean(from text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE": true
    case "false", "False", "FALSE": false
    default: nil
    }
  }

  private func scalar(_ node: Node, field: String, expected: String) -> Node.Scalar? {
    guard case .scalar(let scalar) = node else {
      report(node, field: field, expected: expected)
      return nil
    }
    return scalar
  }

  private func parse<Value>(
    _ node: Node, field: String, expected: String, _ convert: (String) -> Value?
  ) -> Located<Value>? {
    guard let scalar = scalar(node, field: field, expected: expected) else { return nil }
    guard let value = convert(scalar.string) else {
      context.markUndecodable(field)
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`\(field)` must be \(expected), but is `\(scalar.string)`"))
      return nil
    }
    return Located(value, at: context.location(of: node))
  }

  /// A number read by `convert`, refused with `out-of-range` when it is above
  /// `SpecLimits.maxNumber`. Bounding every number where it is read keeps all later arithmetic
  /// (percentages of counts, products of sizes) far from `Int`'s limits, so no stage can trap.
  private func number<Value>(
    _ node: Node, field: String, expected: String, size: (Value) -> Int,
    _ convert: (String) -> Value?
  ) -> Located<Value>? {
    if case .scalar(let scalar) = node, Quantities.hasOversizedNumber(scalar.string) {
      reportTooLarge(node, field: field, text: scalar.string)
      return nil
    }
    guard let value = parse(node, field: field, expected: expected, convert) else { return nil }
    if size(value.value) > SpecLimits.maxNumber {
      reportTooLarge(node, field: field, text: String(size(value.value)))
      return nil
    }
    return value
  }

  private func reportTooLarge(_ node: Node, field: String, text: String) {
    context.markUndecodable(field)
    context.report(
      .error(
        "out-of-range", at: context.location(of: node),
        "`\(field)` is `\(text.count > 40 ? text.prefix(40) + "..." : text)`, larger than any number ecsgen reads (at most \(SpecLimits.maxNumber)); no AWS setting comes near it, so check the value"
      ))
  }

  private func report(_ node: Node, field: String, expected: String) {
    context.markUndecodable(field)
    context.report(
      .error(
        "wrong-type", at: context.location(of: node),
        "`\(field)` must be \(expected), but this is \(node.kindDescription)"))
  }
}
