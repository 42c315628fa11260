/// What the manifest audit knows about a value in a Copilot manifest: the keys a mapping may hold,
/// the schema of each value of a map whose keys are the user's own names (`variables`,
/// `sidecars`, `environments`), and the schema of each item of a list.
///
/// Many Copilot keys take either a scalar or a mapping (`count: 2` or `count: {range: ...}`,
/// `exec: true` or `exec: {enable: true}`); the audit checks keys only, so one schema describes
/// both forms: a scalar value has no keys to check. A class, because schemas nest (a sidecar
/// inside `environments.<env>.sidecars`); every property is constant, so it is safely shared.
final class CopilotKeySchema: Sendable {
  /// The keys Copilot reads from a mapping here, in the order its documentation lists them.
  let keys: [CopilotKey]
  /// When the mapping's keys are the user's own names: what each value may hold.
  let namedValues: CopilotKeySchema?
  /// When the value is a list: what each item may hold.
  let items: CopilotKeySchema?
  private let byName: [String: CopilotKey]

  init(
    _ keys: [CopilotKey] = [], namedValues: CopilotKeySchema? = nil,
    items: CopilotKeySchema? = nil
  ) {
    self.keys = keys
    self.namedValues = namedValues
    self.items = items
    // A later key with the same name replaces an earlier one, so a builder can extend a shared
    // list of keys with a variant of one of them.
    self.byName = Dictionary(keys.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The key named `name`, when Copilot reads it here.
  func key(_ name: String) -> CopilotKey? { byName[name] }

  /// The names of the keys allowed here, each once, in documentation order.
  var keyNames: [String] {
    var seen = Set<String>()
    return keys.map(\.name).filter { seen.insert($0).inserted }
  }

  /// This schema with `extra` keys added (replacing keys of the same name).
  func adding(_ extra: [CopilotKey]) -> CopilotKeySchema {
    let replaced = Set(extra.map(\.name))
    return CopilotKeySchema(
      keys.filter { !replaced.contains($0.name) } + extra, namedValues: namedValues, items: items)
  }

  /// This schema without the keys named in `names`.
  func removing(_ names: Set<String>) -> CopilotKeySchema {
    CopilotKeySchema(
      keys.filter { !names.contains($0.name) }, namedValues: namedValues, items: items)
  }

  /// Every key path below this schema, with `<name>` for a user's name and `[]` for a list item,
  /// each with its key. The walk stops at `depthLimit`, so a schema cannot make it loop.
  func keyPaths(prefix: String = "", depthLimit: Int = 12) -> [(path: String, key: CopilotKey)] {
    guard depthLimit > 0 else { return [] }
    var result: [(path: String, key: CopilotKey)] = []
    for key in keys {
      let path = prefix.isEmpty ? key.name : "\(prefix).\(key.name)"
      result.append((path, key))
      if let schema = key.schema {
        result += schema.keyPaths(prefix: path, depthLimit: depthLimit - 1)
      }
    }
    if let namedValues {
      result += namedValues.keyPaths(
        prefix: prefix.isEmpty ? "<name>" : "\(prefix).<name>", depthLimit: depthLimit - 1)
    }
    if let items {
      result += items.keyPaths(prefix: "\(prefix)[]", depthLimit: depthLimit - 1)
    }
    return result
  }
}

/// One key Copilot reads, what becomes of it in ecsgen, and what its value may hold.
struct CopilotKey: Sendable {
  /// The key as written in a manifest.
  let name: String
  let disposition: CopilotKeyDisposition
  /// What the value may hold when it is a mapping or a list; nil when the audit does not look
  /// inside it (a scalar, or a value Copilot passes on unread, such as a filter policy).
  let schema: CopilotKeySchema?
  /// What becomes of the key when its value is a scalar, when that differs from its mapping
  /// form (`efs: true` asked Copilot to create a file system; `efs: {id: ...}` names one).
  var whenScalar: CopilotKeyDisposition? = nil

  /// A key with an ecsgen equivalent, `ecsgenKey`, which the mapper writes.
  static func mapped(_ name: String, to ecsgenKey: String, _ schema: CopilotKeySchema? = nil)
    -> CopilotKey
  {
    CopilotKey(name: name, disposition: .mapped(ecsgenKey), schema: schema)
  }

  /// A key without an ecsgen equivalent; `instruction` says what to do by hand.
  static func byHand(_ name: String, _ instruction: String, _ schema: CopilotKeySchema? = nil)
    -> CopilotKey
  {
    CopilotKey(name: name, disposition: .byHand(instruction), schema: schema)
  }

  /// This key, with another disposition when its value is a scalar.
  func whenScalar(_ disposition: CopilotKeyDisposition) -> CopilotKey {
    var key = self
    key.whenScalar = disposition
    return key
  }

  /// A key that matters to Copilot but leaves nothing to carry over (`reason` says why).
  static func ignored(_ name: String, _ reason: String, _ schema: CopilotKeySchema? = nil)
    -> CopilotKey
  {
    CopilotKey(name: name, disposition: .ignored(reason), schema: schema)
  }

  /// A key inside a key that is reported as a whole (`publish.topics`): known, so that it gets
  /// no "Copilot ignored it", and never reported on its own.
  static func known(_ name: String, _ schema: CopilotKeySchema? = nil) -> CopilotKey {
    ignored(name, "reported with the key that holds it", schema)
  }
}

/// What becomes of a Copilot key in an ecsgen spec.
enum CopilotKeyDisposition: Sendable, Equatable {
  /// ecsgen expresses it as this key; when the mapper did not read it, the user writes it.
  case mapped(String)
  /// ecsgen cannot express it; the text says what to do by hand.
  case byHand(String)
  /// Nothing to carry over; no finding.
  case ignored(String)
}
