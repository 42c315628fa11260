import ECSGenSpec
import Foundation

/// One key of the resolved plan whose value differs between two environments.
public struct PlanDifference: Sendable, Equatable {
  /// The key's path in the plan (`task.memoryMiB`, `tags[2].value`).
  public var path: String
  /// The value in each environment as JSON text, nil where the key is absent.
  public var from: String?
  public var to: String?

  public init(path: String, from: String?, to: String?) {
    self.path = path
    self.from = from
    self.to = to
  }
}

/// What one environment's resolved plan does differently from another's, key by key, for
/// `ecsgen diff`.
///
/// Names differ between every two environments by construction (`orders-api-dev-task`,
/// `orders-api-prod-task`), and listing them would hide what a reviewer looks for. So the second
/// environment is also planned as if it had the first one's name: a key is listed when that plan
/// differs from the first, which is what the spec makes different (a name among them only when
/// the spec changes it: a load balancer in another VPC, a log group written out). The values
/// shown are the real ones of each environment; in paths, `NAME-ENV` stands for the
/// environment's qualified name (`scaling.policies[NAME-ENV-cpu]`).
public enum EnvironmentDifference {
  /// The differences from environment `from` to `to` of a spec without errors.
  public static func between(
    _ from: String, and to: String, of loaded: LoadedSpec
  ) throws(PlanningError) -> [PlanDifference] {
    guard
      let first = loaded.environments.first(where: { $0.deploymentEnvironment?.name.value == from }
      ),
      var second = loaded.environments.first(where: { $0.deploymentEnvironment?.name.value == to })
    else {
      let names = loaded.environments.compactMap { $0.deploymentEnvironment?.name.value }
      throw PlanningError(
        description:
          "\(loaded.file) has no environment `\(names.contains(from) ? to : from)`; its environments are \(names.isEmpty ? "none" : names.joined(separator: ", "))"
      )
    }
    guard !loaded.hasErrors else {
      throw PlanningError(description: "\(loaded.file) has errors; run `ecsgen lint` to see them")
    }
    let planner = DeploymentPlanner()
    let base = try planner.plan(first)
    let real = try planner.plan(second)
    second.deploymentEnvironment = first.deploymentEnvironment
    let renamed = try planner.plan(second)
    let baseName = base.resourceNames.service
    let from = flatten(base, qualifiedName: baseName)
    let compared = flatten(renamed, qualifiedName: baseName)
    let to = flatten(real, qualifiedName: real.resourceNames.service)
    return Set(from.keys).union(compared.keys).sorted().compactMap { path in
      from[path] == compared[path]
        ? nil : PlanDifference(path: path, from: from[path], to: to[path])
    }
  }

  /// The leaves of `plan` by path, with `qualifiedName` written `NAME-ENV` in the paths and the
  /// encoding's `_0` of enum payloads left out.
  static func flatten(_ plan: DeploymentPlan, qualifiedName: String) -> [String: String] {
    var leaves: [String: String] = [:]
    for (path, value) in flatten(plan) {
      let readable = path.replacingOccurrences(of: "._0", with: "")
        .replacingOccurrences(of: qualifiedName, with: "NAME-ENV")
      leaves[readable] = value
    }
    return leaves
  }

  /// Every leaf of the plan's JSON encoding, by path.
  static func flatten(_ plan: DeploymentPlan) -> [String: String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(plan),
      let tree = try? JSONDecoder().decode(JSONTree.self, from: data)
    else { return [:] }
    var leaves: [String: String] = [:]
    tree.flatten(path: "", into: &leaves)
    return leaves
  }
}

/// A decoded JSON value, only to walk the plan's encoding leaf by leaf.
private enum JSONTree: Decodable {
  case object([String: JSONTree])
  case array([JSONTree])
  case leaf(String)

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .leaf("null")
    } else if let flag = try? container.decode(Bool.self) {
      self = .leaf(flag ? "true" : "false")
    } else if let integer = try? container.decode(Int.self) {
      self = .leaf(String(integer))
    } else if let number = try? container.decode(Double.self) {
      self = .leaf(String(number))
    } else if let string = try? container.decode(String.self) {
      let encoder = JSONEncoder()
      encoder.outputFormatting = .withoutEscapingSlashes
      let quoted = try? encoder.encode(string)
      self = .leaf(quoted.map { String(decoding: $0, as: UTF8.self) } ?? string)
    } else if let array = try? container.decode([JSONTree].self) {
      self = .array(array)
    } else {
      self = .object(try container.decode([String: JSONTree].self))
    }
  }

  /// The value of an object's `name` or `key` member, without quotes.
  var label: String? {
    guard case .object(let members) = self else { return nil }
    for key in ["name", "key"] {
      if case .leaf(let text) = members[key], text.hasPrefix("\"") {
        return String(text.dropFirst().dropLast())
      }
    }
    return nil
  }

  func flatten(path: String, into leaves: inout [String: String]) {
    switch self {
    case .object(let members):
      for (key, member) in members {
        member.flatten(path: path.isEmpty ? key : "\(path).\(key)", into: &leaves)
      }
      if members.isEmpty { leaves[path] = "{}" }
    case .array(let items):
      // Items with a name (environment variables, secrets, tags, rules) by that name, so that one
      // item more in one environment does not shift every item after it.
      let labels = items.map(\.label)
      let named = labels.allSatisfy { $0 != nil } && Set(labels).count == labels.count
      for (index, item) in items.enumerated() {
        let label = named ? (labels[index] ?? "") : String(index)
        item.flatten(path: "\(path)[\(label)]", into: &leaves)
      }
      if items.isEmpty { leaves[path] = "[]" }
    case .leaf(let text):
      leaves[path] = text
    }
  }
}
