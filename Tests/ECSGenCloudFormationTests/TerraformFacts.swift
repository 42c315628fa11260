import ECSGenTerraform

/// Reads values back out of the HCL documents the Terraform renderer built.
struct TerraformFacts {
  let blocks: [HCLBlock]

  init(_ documents: [(path: String, document: HCLDocument)]) {
    blocks = documents.flatMap(\.document.blocks)
  }

  func resource(_ type: String, _ name: String) -> BlockReader? {
    blocks.first { $0.type == "resource" && $0.labels == [type, name] }.map(BlockReader.init)
  }

  /// The container of the task definition, from its `jsonencode([{...}])`.
  var container: ContainerFacts? {
    guard let task = resource("aws_ecs_task_definition", "this"),
      case .call("jsonencode", let arguments)? = task.value("container_definitions"),
      case .list(let containers)? = arguments.first, case .object(let items)? = containers.first
    else { return nil }
    func item(_ key: String) -> HCLExpression? { items.first { $0.key == key }?.value }
    func pairs(_ key: String, _ valueKey: String) -> [String: String] {
      guard case .list(let entries)? = item(key) else { return [:] }
      var result: [String: String] = [:]
      for case .object(let fields) in entries {
        if case .string(let name)? = fields.first(where: { $0.key == "name" })?.value,
          case .string(let value)? = fields.first(where: { $0.key == valueKey })?.value
        {
          result[name] = value
        }
      }
      return result
    }
    var port: Int?
    if case .list(let mappings)? = item("portMappings"), case .object(let fields)? = mappings.first,
      case .number(let number)? = fields.first(where: { $0.key == "containerPort" })?.value
    {
      port = number
    }
    var health: [String: Int] = [:]
    if case .object(let fields)? = item("healthCheck") {
      for field in fields {
        if case .number(let number) = field.value { health[field.key] = number }
      }
    }
    let image: String
    switch item("image") {
    case .string(let reference)?: image = reference
    case .template(let parts)?:
      image = parts.map { part -> String in
        switch part {
        case .literal(let text): text
        case .interpolation(.reference(let name)) where name.hasPrefix("var."): "<input>"
        case .interpolation: "<repository>"
        }
      }.joined()
    default: image = "?"
    }
    var stopTimeout: Int?
    if case .number(let number)? = item("stopTimeout") { stopTimeout = number }
    var readOnly: Bool?
    if case .bool(let flag)? = item("readonlyRootFilesystem") { readOnly = flag }
    return ContainerFacts(
      imageDescription: image, port: port, environment: pairs("environment", "value"),
      secrets: pairs("secrets", "valueFrom"), stopTimeout: stopTimeout, readOnlyRoot: readOnly,
      healthCheck: health)
  }

  /// Metric name → target value of every scaling policy.
  var scalingTargets: [String: Int] {
    var result: [String: Int] = [:]
    for block in blocks
    where block.type == "resource" && block.labels.first == "aws_appautoscaling_policy" {
      let configuration = BlockReader(block).block("target_tracking_scaling_policy_configuration")
      if let metric = configuration?.block("predefined_metric_specification")?.string(
        "predefined_metric_type"), let target = configuration?.number("target_value")
      {
        result[metric] = target
      }
    }
    return result
  }
}

/// The facts of a container that both renderers must agree on.
struct ContainerFacts: Equatable {
  var imageDescription: String
  var port: Int?
  var environment: [String: String]
  var secrets: [String: String]
  var stopTimeout: Int?
  var readOnlyRoot: Bool?
  /// interval, timeout, retries, startPeriod (keys in ECS spelling, lowercased first letter).
  var healthCheck: [String: Int]
}

struct BlockReader {
  let block: HCLBlock

  init(_ block: HCLBlock) {
    self.block = block
  }

  func value(_ name: String) -> HCLExpression? {
    for case .attribute(let key, let value) in block.body where key == name { return value }
    return nil
  }

  func block(_ type: String) -> BlockReader? {
    for case .block(let nested) in block.body where nested.type == type {
      return BlockReader(nested)
    }
    return nil
  }

  func string(_ name: String) -> String? {
    if case .string(let text)? = value(name) { return text }
    return nil
  }

  func number(_ name: String) -> Int? {
    if case .number(let number)? = value(name) { return number }
    return nil
  }

  func bool(_ name: String) -> Bool? {
    if case .bool(let flag)? = value(name) { return flag }
    return nil
  }

  /// A string, number or bool at `block.attribute`, printed as Terraform writes it (`true`,
  /// `60`, `ENABLED`); nil when absent or not a literal.
  func scalar(path: String) -> String? {
    let parts = path.split(separator: ".").map(String.init)
    var reader = self
    for name in parts.dropLast() {
      guard let nested = reader.block(name) else { return nil }
      reader = nested
    }
    guard let last = parts.last else { return nil }
    switch reader.value(last) {
    case .string(let text)?: return text
    case .number(let number)?: return String(number)
    case .bool(let flag)?: return flag ? "true" : "false"
    default: return nil
    }
  }
}
