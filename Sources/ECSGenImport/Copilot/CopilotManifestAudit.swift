import Yams

/// Finds the keys of a Copilot workload manifest that the importer did not carry over.
///
/// The mapper records the position of every key it read (`consumedKeys`); the audit walks the
/// whole manifest and reports each other key: a Copilot key without an ecsgen equivalent (with
/// what to do by hand), or a key Copilot does not know (it decoded manifests without rejecting
/// unknown keys, so these are silent mistakes), with "did you mean" where one is close.
public enum CopilotManifestAudit {
  /// How deep the audit follows nested mappings and lists. A real manifest nests about eight
  /// levels (`environments.prod.sidecars.nginx.healthcheck.command`); the cap keeps a hostile
  /// file from costing stack depth.
  public static let maxDepth = 32
  /// How many keys and list items the audit visits. Yams expands aliases, so a file of a few
  /// lines can stand for billions of nodes ("billion laughs"); a real manifest has a few hundred.
  public static let maxVisits = 100_000
  /// How many findings the audit writes before it stops: a real manifest has a handful, and a
  /// file with thousands of unknown keys needs a look, not thousands of comments in the spec.
  public static let maxFindings = 200

  /// The findings for `root` (the manifest's top-level mapping), in manifest order.
  public static func findings(
    in root: Node, workloadType: CopilotWorkloadType, consumedKeys: Set<CopilotKeyPosition>
  ) -> [CopilotImportFinding] {
    findings(
      in: root, schema: CopilotKeyCatalogue.manifest(workloadType),
      manifestKind: "a \(workloadType.rawValue) manifest", consumedKeys: consumedKeys)
  }

  /// The findings for `root` checked against `schema`; `manifestKind` names the manifest in
  /// messages ("a Worker Service manifest").
  static func findings(
    in root: Node, schema: CopilotKeySchema, manifestKind: String,
    consumedKeys: Set<CopilotKeyPosition>
  ) -> [CopilotImportFinding] {
    var walker = CopilotManifestWalker(
      root: schema, manifestKind: manifestKind, consumed: consumedKeys)
    walker.walk(root, schema: schema, path: "", place: "", parentKey: nil, depth: 0)
    // Aliases and merge keys can reach one key along several paths; it is reported once, at the
    // first, and the findings follow the file from top to bottom.
    var seen = Set<String>()
    return walker.findings
      .filter { seen.insert("\($0.line):\($0.column):\($0.message)").inserted }
      .enumerated()
      .sorted {
        ($0.element.line, $0.element.column, $0.offset) < (
          $1.element.line, $1.element.column, $1.offset
        )
      }
      .map(\.element)
  }
}

/// One walk over a manifest, collecting findings.
struct CopilotManifestWalker {
  let root: CopilotKeySchema
  let manifestKind: String
  let consumed: Set<CopilotKeyPosition>
  var findings: [CopilotImportFinding] = []
  var visits = 0
  var stopped = false
  /// Key positions already walked: an aliased mapping is walked once.
  var walked = Set<CopilotKeyPosition>()
  /// Key positions already reported: a key reached again through an alias or a merge key is
  /// reported once, at the first path that reached it, and its message is built once.
  var reported = Set<CopilotKeyPosition>()
  /// Where each key of the manifest lives, for "it belongs at ..." hints; built when first needed.
  var index: CopilotKeyHints.Index?

  init(root: CopilotKeySchema, manifestKind: String, consumed: Set<CopilotKeyPosition>) {
    self.root = root
    self.manifestKind = manifestKind
    self.consumed = consumed
  }

  /// Walks `node`, a value whose keys `schema` describes. `path` is the real key path
  /// (`sidecars.nginx`), `place` the schema's (`sidecars.<name>`); `parentKey` is the key that
  /// holds the value.
  mutating func walk(
    _ node: Node, schema: CopilotKeySchema, path: String, place: String, parentKey: CopilotKey?,
    depth: Int
  ) {
    guard !stopped else { return }
    guard depth < CopilotManifestAudit.maxDepth else {
      stop(
        at: node, path: path, reason: "nests deeper than \(CopilotManifestAudit.maxDepth) levels")
      return
    }
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard !stopped, count(key) else { return }
        walkPair(
          key: key, value: value, schema: schema, path: path, place: place, parentKey: parentKey,
          depth: depth)
      }
    case .sequence(let sequence):
      guard let items = schema.items else { return }
      for item in sequence {
        guard !stopped, count(item) else { return }
        walk(
          item, schema: items, path: "\(path)[]", place: "\(place)[]", parentKey: parentKey,
          depth: depth + 1)
      }
    case .scalar, .alias:
      return
    }
  }

  private mutating func walkPair(
    key: Node, value: Node, schema: CopilotKeySchema, path: String, place: String,
    parentKey: CopilotKey?, depth: Int
  ) {
    let position = Self.position(of: key)
    guard case .scalar(let scalar) = key else {
      guard reported.insert(position).inserted else { return }
      report(
        key, path: path.isEmpty ? "(key)" : "\(path).(key)",
        "Copilot ignored a key that is a \(Self.kindName(key)) here: manifest keys are plain words. Remove it, or write the setting it was meant to be as a key of \(Self.placeName(place))."
      )
      return
    }
    let name = scalar.string
    // `<<: *defaults` merges the keys of an anchored mapping into this one (YAML merge keys,
    // which Copilot's YAML library honours): its keys are checked as keys of this mapping.
    if name == "<<" {
      switch value {
      case .sequence(let sources):
        for source in sources {
          walk(
            source, schema: schema, path: path, place: place, parentKey: parentKey,
            depth: depth + 1)
        }
      default:
        walk(
          value, schema: schema, path: path, place: place, parentKey: parentKey, depth: depth + 1)
      }
      return
    }
    let keyPath = path.isEmpty ? name : "\(path).\(name)"
    if let named = schema.namedValues, schema.keys.isEmpty {
      // The key is one of the user's own names (a variable, a sidecar, an environment).
      if case .mapping = value, !named.keys.isEmpty || named.namedValues != nil {
        walkOnce(
          value, key: position, schema: named, path: keyPath, place: "\(place).<name>",
          parentKey: parentKey, depth: depth + 1)
      } else if !consumed.contains(position), !Self.isNull(value), let parentKey {
        reportUnconsumed(key, keyPath: keyPath, as: parentKey)
      }
      return
    }
    guard let entry = schema.key(name) else {
      if !schema.keys.isEmpty {
        reportUnknown(key, name: name, keyPath: keyPath, schema: schema, place: place)
      }
      return
    }
    let childPlace = place.isEmpty ? name : "\(place).\(name)"
    let isContainer: Bool
    switch value {
    case .mapping, .sequence: isContainer = entry.schema != nil
    default: isContainer = false
    }
    let handledWhole: Bool
    if case .byHand = entry.disposition { handledWhole = true } else { handledWhole = false }
    if isContainer, let childSchema = entry.schema,
      consumed.contains(position) || !handledWhole
    {
      // A key whose meaning is in its children: each child is checked on its own.
      walkOnce(
        value, key: position, schema: childSchema, path: keyPath, place: childPlace,
        parentKey: entry, depth: depth + 1)
      return
    }
    guard !consumed.contains(position), !Self.isNull(value) else { return }
    if case .scalar(let scalar) = value, let scalarDisposition = entry.whenScalar {
      // The scalar form turns a feature on; `false` leaves it off, which needs nothing.
      guard scalar.string != "false" else { return }
      reportUnconsumed(
        key, keyPath: keyPath,
        as: CopilotKey(name: entry.name, disposition: scalarDisposition, schema: nil))
    } else {
      reportUnconsumed(key, keyPath: keyPath, as: entry)
    }
  }

  private mutating func walkOnce(
    _ value: Node, key: CopilotKeyPosition, schema: CopilotKeySchema, path: String, place: String,
    parentKey: CopilotKey?, depth: Int
  ) {
    // The same key position reached again comes through an alias: its findings are known.
    guard walked.insert(key).inserted || key.line == 0 else { return }
    walk(value, schema: schema, path: path, place: place, parentKey: parentKey, depth: depth)
  }

  /// Counts one visit; false (and one finding) once the budget is spent.
  private mutating func count(_ node: Node) -> Bool {
    visits += 1
    guard visits <= CopilotManifestAudit.maxVisits else {
      stop(
        at: node, path: "",
        reason:
          "has more than \(CopilotManifestAudit.maxVisits) keys and list items once its aliases are expanded"
      )
      return false
    }
    return true
  }

  private mutating func stop(at node: Node, path: String, reason: String) {
    guard !stopped else { return }
    stopped = true
    append(
      node, path: path.isEmpty ? "(manifest)" : path,
      "the manifest \(reason), more than a Copilot manifest ever needs, so the audit stopped here and did not check the keys that follow: review them by hand."
    )
  }

  private mutating func reportUnconsumed(_ key: Node, keyPath: String, as entry: CopilotKey) {
    guard reported.insert(Self.position(of: key)).inserted else { return }
    switch entry.disposition {
    case .mapped(let ecsgenKey):
      report(
        key, path: keyPath,
        "this key did not carry over into the spec: write it by hand as ecsgen's `\(ecsgenKey)` (see the spec reference in the README)."
      )
    case .byHand(let instruction):
      report(key, path: keyPath, "\(instruction).")
    case .ignored:
      return
    }
  }

  private mutating func reportUnknown(
    _ key: Node, name: String, keyPath: String, schema: CopilotKeySchema, place: String
  ) {
    guard reported.insert(Self.position(of: key)).inserted else { return }
    let allowed = schema.keyNames
    // A mistake with its own explanation first, then a typo of a key allowed here, then the
    // same key (or a close one) elsewhere in this workload type's manifest.
    let hint =
      CopilotKeyHints.explicit(key: name, place: place, hasLoadBalancer: root.key("http") != nil)
      ?? CopilotKeySpelling.closest(to: name, among: allowed).map { "did you mean `\($0)`?" }
      ?? CopilotKeyHints.elsewhere(key: name, in: keyIndex(), notAt: Self.topLevelPlace(place))
    let shown = Self.shortened(name)
    var message =
      "Copilot ignored `\(shown)`: it is not a key of \(Self.placeName(place)) in \(manifestKind), and Copilot did not reject unknown keys, so this setting never took effect."
    if let hint { message += " " + hint.prefix(1).uppercased() + hint.dropFirst() }
    message += " Keys allowed here: " + allowed.map { "`\($0)`" }.joined(separator: ", ") + "."
    report(key, path: keyPath, message)
  }

  private mutating func keyIndex() -> CopilotKeyHints.Index {
    if let index { return index }
    let built = CopilotKeyHints.Index(root)
    index = built
    return built
  }

  private mutating func report(_ node: Node, path: String, _ message: String) {
    guard findings.count < CopilotManifestAudit.maxFindings else {
      stop(
        at: node, path: path,
        reason: "has more than \(CopilotManifestAudit.maxFindings) keys that did not carry over")
      return
    }
    append(node, path: path, message)
  }

  private mutating func append(_ node: Node, path: String, _ message: String) {
    let position = Self.position(of: node)
    findings.append(
      CopilotImportFinding(
        keyPath: Self.shortened(path), line: position.line, column: position.column,
        message: message))
  }

  // MARK: Helpers

  static func position(of node: Node) -> CopilotKeyPosition {
    // Yams' marks are 1-based (libyaml's 0-based marks plus one); a node built in code has none.
    CopilotKeyPosition(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
  }

  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  static func kindName(_ node: Node) -> String {
    switch node {
    case .mapping: "mapping"
    case .sequence: "list"
    case .scalar, .alias: "value"
    }
  }

  /// `environments.<name>.http` is checked as `http`: hints name the top-level paths.
  static func topLevelPlace(_ place: String) -> String {
    place.hasPrefix("environments.<name>.")
      ? String(place.dropFirst("environments.<name>.".count)) : place
  }

  static func placeName(_ place: String) -> String {
    place.isEmpty ? "the manifest's top level" : "`\(place)`"
  }

  /// A key as shown in a message: at most 80 characters, so a hostile key cannot fill the spec.
  static func shortened(_ text: String) -> String {
    let clean = String(
      text.unicodeScalars.map { scalar in
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .format: "?"
        default: Character(scalar)
        }
      })
    return clean.count <= 80 ? clean : clean.prefix(77) + "..."
  }
}
