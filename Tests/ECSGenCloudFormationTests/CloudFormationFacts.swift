import Foundation

/// Reads values back out of a printed CloudFormation template.
struct CloudFormationFacts {
  let resources: [String: [String: Any]]

  init(json: String) throws {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    resources = object?["Resources"] as? [String: [String: Any]] ?? [:]
  }

  func resource(_ logicalID: String) -> PropertiesReader? {
    (resources[logicalID]?["Properties"] as? [String: Any]).map(PropertiesReader.init)
  }

  var container: ContainerFacts? {
    guard let task = resource("TaskDefinition"),
      let container = (task.properties["ContainerDefinitions"] as? [[String: Any]])?.first
    else { return nil }
    func pairs(_ key: String, _ valueKey: String) -> [String: String] {
      var result: [String: String] = [:]
      for entry in container[key] as? [[String: Any]] ?? [] {
        if let name = entry["Name"] as? String, let value = entry[valueKey] as? String {
          result[name] = value
        }
      }
      return result
    }
    var health: [String: Int] = [:]
    for (key, value) in container["HealthCheck"] as? [String: Any] ?? [:] {
      if let number = value as? Int {
        health[key.prefix(1).lowercased() + key.dropFirst()] = number
      }
    }
    let image: String
    if let reference = container["Image"] as? String {
      image = reference
    } else if let sub = (container["Image"] as? [String: Any])?["Fn::Sub"] as? String {
      // `${Repository.RepositoryUri}:${ImageTag}` in the same shape as the Terraform template.
      image = sub.replacingOccurrences(
        of: #"\$\{[A-Za-z]+\.[A-Za-z]+\}"#, with: "<repository>", options: .regularExpression
      ).replacingOccurrences(of: #"\$\{[A-Za-z]+\}"#, with: "<input>", options: .regularExpression)
    } else {
      image = "?"
    }
    return ContainerFacts(
      imageDescription: image,
      port: ((container["PortMappings"] as? [[String: Any]])?.first?["ContainerPort"]) as? Int,
      environment: pairs("Environment", "Value"), secrets: pairs("Secrets", "ValueFrom"),
      stopTimeout: container["StopTimeout"] as? Int,
      readOnlyRoot: container["ReadonlyRootFilesystem"] as? Bool, healthCheck: health)
  }

  /// Metric name → target value of every scaling policy.
  var scalingTargets: [String: Int] {
    var result: [String: Int] = [:]
    for (_, resource) in resources
    where resource["Type"] as? String == "AWS::ApplicationAutoScaling::ScalingPolicy" {
      let configuration =
        (resource["Properties"] as? [String: Any])?["TargetTrackingScalingPolicyConfiguration"]
        as? [String: Any]
      let metric =
        (configuration?["PredefinedMetricSpecification"] as? [String: Any])?["PredefinedMetricType"]
        as? String
      if let metric, let target = configuration?["TargetValue"] as? Int { result[metric] = target }
    }
    return result
  }
}

struct PropertiesReader {
  let properties: [String: Any]

  func string(_ key: String) -> String? { properties[key] as? String }
  func int(_ key: String) -> Int? { properties[key] as? Int }
  func object(_ key: String) -> [String: Any]? { properties[key] as? [String: Any] }

  /// A string, number or bool at `Object.Property`, spelled as Terraform writes it; nil when
  /// absent or not a literal.
  func scalar(path: String) -> String? {
    var current: Any? = properties
    for part in path.split(separator: ".") {
      current = (current as? [String: Any])?[String(part)]
    }
    // JSONSerialization reads both JSON booleans and integers as NSNumber; booleans are its
    // boolean subclass (`__NSCFBoolean` on Linux and macOS).
    if let number = current as? NSNumber, String(describing: type(of: number)).contains("Boolean") {
      return number.boolValue ? "true" : "false"
    }
    if let number = current as? Int { return String(number) }
    if let text = current as? String { return text }
    return nil
  }

  /// The value of `name` in a `[{Key, Value}]` attribute list.
  func attribute(_ list: String, _ name: String) -> String? {
    (properties[list] as? [[String: Any]])?.first { $0["Key"] as? String == name }?["Value"]
      as? String
  }
}
