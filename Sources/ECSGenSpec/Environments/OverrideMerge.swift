import Yams

/// Applies one environment's overrides to the rest of the spec, on the YAML nodes, before
/// decoding: the merged document is decoded and validated like any spec, and every key and value in
/// it is the node the user wrote, so a diagnostic points at the override line when the override
/// caused it and at the base line when the value was inherited.
///
/// The rules, which the README documents:
/// - a mapping overridden by a mapping merges key by key, recursively (`load_balancer`,
///   `environment`, `tags`, ...), keeping the base's key order and adding new keys after it;
/// - anything else replaces: scalars, lists (`command`, `network.egress`, `allowed_cidrs`), and a
///   value whose shape changes (an `image` reference replaced by an `image: {build: ...}` mapping);
/// - an override written as null (`key: ~`, `key: null` or `key:` with nothing) removes the
///   inherited key, so the environment gets ecsgen's default (or, for a required key, an error).
enum OverrideMerge {
  /// `base` with `override` applied.
  static func merge(_ base: Node, _ override: Node) -> Node {
    guard case .mapping(let baseMapping) = base, case .mapping(let overrideMapping) = override
    else { return override }
    var overrides: [String: (key: Node, value: Node)] = [:]
    var unnamed: [(Node, Node)] = []
    var order: [String] = []
    for (key, value) in overrideMapping {
      guard case .scalar(let scalar) = key else {
        // Not a plain key: kept as written, so that decoding reports it where it is.
        unnamed.append((key, value))
        continue
      }
      overrides[scalar.string] = (key, value)
      order.append(scalar.string)
    }
    var pairs: [(Node, Node)] = []
    var used: Set<String> = []
    for (key, value) in baseMapping {
      guard case .scalar(let scalar) = key, let override = overrides[scalar.string] else {
        pairs.append((key, value))
        continue
      }
      used.insert(scalar.string)
      if override.value.isNull { continue }
      // The override's key node: the merged key points at the line that changed it.
      pairs.append((override.key, merge(value, override.value)))
    }
    for name in order where !used.contains(name) {
      guard let override = overrides[name], !override.value.isNull else { continue }
      pairs.append((override.key, override.value))
    }
    pairs += unnamed
    // A merged mapping keeps the base's position: what is said about a mapping as a whole (a
    // missing `port`, a load balancer without a certificate) is then the same diagnostic in every
    // environment that has it, and is reported once. A mapping only the override has keeps its own.
    return .mapping(Node.Mapping(pairs, baseMapping.tag, baseMapping.style, baseMapping.mark))
  }

  /// The keys that `override` removes from `base` with a null value, as dotted paths
  /// (`load_balancer.certificate_arn`) with the override's key node: a required key removed this
  /// way is reported at the line that removed it.
  static func removals(_ base: Node, _ override: Node, prefix: String = "") -> [(
    path: String, key: Node
  )] {
    guard case .mapping(let baseMapping) = base, case .mapping(let overrideMapping) = override
    else { return [] }
    var found: [(path: String, key: Node)] = []
    for (key, value) in overrideMapping {
      guard case .scalar(let scalar) = key, let inherited = baseMapping[scalar.string] else {
        continue
      }
      let path = prefix + scalar.string
      if value.isNull {
        found.append((path, key))
      } else {
        found += removals(inherited, value, prefix: path + ".")
      }
    }
    return found
  }
}
