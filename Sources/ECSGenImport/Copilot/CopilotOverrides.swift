import ECSGenRendering
import Yams

/// Copilot's `environments:` overrides, and their translation into ecsgen's.
///
/// Each environment is mapped from the whole manifest as Copilot saw it there (the override
/// merged over the rest), and the spec's environment then holds what differs from the mapping
/// of the rest. So every environment of the spec means what Copilot deployed, whatever the
/// mapping derived from several keys (a Spot share, a Fargate size), and lint checks each.
enum CopilotOverrides {
  /// `override` over `base` as Copilot merged them: mappings key by key at every depth; a
  /// scalar or list replaces the value whole; a null keeps the base value. Choosing an image
  /// `location` drops the base's `build` and the other way round, as Copilot did; so does
  /// `count.spot` with the autoscaling keys of `count` (`path` is the key path of `base`).
  static func merge(_ base: Node, _ override: Node, path: [String] = []) -> Node {
    guard case .mapping(let baseMapping) = base, case .mapping(let overrideMapping) = override
    else { return CopilotValue.isNull(override) ? base : override }
    var pairs: [(Node, Node)] = baseMapping.map { ($0.key, $0.value) }
    let overrideKeys = Set(overrideMapping.compactMap { $0.key.scalar?.string })
    let exclusive = [("location", "build"), ("build", "location")]
    for (chosen, dropped) in exclusive where overrideKeys.contains(chosen) {
      pairs.removeAll { $0.0.scalar?.string == dropped }
    }
    if path == ["count"] {
      // A fixed Spot count and autoscaling exclude each other: an environment that sets one
      // drops the other that the rest of the manifest set.
      let dropped: Set<String> =
        overrideKeys.contains("spot")
        ? autoscalingCountKeys
        : (overrideKeys.isDisjoint(with: autoscalingCountKeys.subtracting(["cooldown"]))
          ? [] : ["spot"])
      pairs.removeAll { dropped.contains($0.0.scalar?.string ?? "") }
    }
    for (key, value) in overrideMapping {
      if let index = pairs.firstIndex(where: { $0.0.scalar?.string == key.scalar?.string }) {
        let childPath = path + [key.scalar?.string ?? ""]
        pairs[index] = (key, merge(pairs[index].1, value, path: childPath))
      } else if !CopilotValue.isNull(value) {
        pairs.append((key, value))
      }
    }
    return .mapping(
      // The override's position, so that comments point at the lines that changed.
      Node.Mapping(pairs, baseMapping.tag, baseMapping.style, overrideMapping.mark))
  }

  /// The keys of `count` that set autoscaling, which Copilot dropped when an environment set
  /// `spot` (and the other way round).
  static let autoscalingCountKeys: Set<String> = [
    "range", "cooldown", "cpu_percentage", "memory_percentage", "requests", "response_time",
    "queue_delay",
  ]

  /// The entries an environment of the spec needs so that ecsgen's merge of them over `base`
  /// gives `merged`: new or changed keys, mappings compared key by key (ecsgen merges those),
  /// and `~` for a key the environment does not have.
  static func difference(_ base: [YAMLEntry], _ merged: [YAMLEntry]) -> [YAMLEntry] {
    var result: [YAMLEntry] = []
    for entry in merged {
      var changed = entry
      changed.spacedBefore = false
      guard let old = base.first(where: { $0.key == entry.key }) else {
        result.append(changed)
        continue
      }
      if case .mapping(let oldEntries) = old.value, case .mapping(let newEntries) = entry.value,
        !oldEntries.isEmpty
      {
        let inner = difference(oldEntries, newEntries)
        if !inner.isEmpty {
          changed.value = .mapping(inner)
          result.append(changed)
        }
      } else if stripped(old.value) != stripped(entry.value) {
        result.append(changed)
      }
    }
    for entry in base where !merged.contains(where: { $0.key == entry.key }) {
      result.append(YAMLEntry(entry.key, .null, comments: ["Not set in this environment."]))
    }
    return result
  }

  /// A node without comments or spacing, to compare values.
  static func stripped(_ node: YAMLNode) -> YAMLNode {
    switch node {
    case .sequence(let items): .sequence(items.map(stripped))
    case .mapping(let entries):
      .mapping(entries.map { YAMLEntry($0.key, stripped($0.value)) })
    case .commented(let text, _): .string(text)
    default: node
    }
  }
}
