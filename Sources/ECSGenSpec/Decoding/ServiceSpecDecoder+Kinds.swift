import ECSGenDiagnostics
import Yams

/// The keys that belong to one kind: `queue` (worker), `schedule`, `on` and `timeout` (job).
/// Whether the spec's kind accepts them is the validator's question; the decoder reads them
/// whatever the kind, so that every mistake in them is reported at once.
extension ServiceSpecDecoder {
  /// The `kind` written at the top of `root`, when it is one ecsgen knows; the decoder reports
  /// anything else when it reads `kind` itself.
  static func writtenKind(_ root: Node) -> ServiceKind? {
    guard case .mapping(let mapping) = root else { return nil }
    for (key, value) in mapping {
      if case .scalar(let name) = key, name.string == "kind", case .scalar(let kind) = value {
        return ServiceKind(rawValue: kind.string)
      }
    }
    return nil
  }

  func decodeKindKeys(_ top: MappingReader, into spec: inout ServiceSpec) {
    for (key, _) in KindKeys.owners where top.value(key) != nil {
      spec.keyLocations[key] = top.keyLocation(key)
    }
    spec.queue = top.value("queue").flatMap(decodeQueue)
    spec.schedule = top.value("schedule").flatMap(decodeSchedule)
    spec.eventTrigger = top.value("on").flatMap(decodeEventTrigger)
    spec.timeout = top.value("timeout").flatMap { values.seconds($0, field: "timeout") }
  }

  private func decodeQueue(_ node: Node) -> QueueSpec? {
    guard let map = section(node, "queue", SpecKeys.queue) else { return nil }
    var queue = QueueSpec(location: map.location)
    func string(_ key: String) -> Located<String>? {
      map.value(key).flatMap { values.string($0, field: map.field(key)) }
    }
    func seconds(_ key: String) -> Located<Int>? {
      map.value(key).flatMap { values.seconds($0, field: map.field(key)) }
    }
    queue.arn = string("arn")
    queue.kmsKeyARN = string("kms_key_arn")
    queue.urlEnvironmentName = string("url_env")
    queue.visibilityTimeout = seconds("visibility_timeout")
    queue.retention = seconds("retention")
    queue.maxReceiveCount = map.value("max_receive_count").flatMap {
      values.integer($0, field: map.field("max_receive_count"))
    }
    queue.fifo = map.value("fifo").flatMap { values.bool($0, field: map.field("fifo")) }
    if let subscriptions = map.value("subscriptions") {
      queue.subscriptions = decodeList(subscriptions, path: "queue.subscriptions") {
        decodeSubscription($0, path: $1)
      }
    }
    return queue
  }

  private func decodeSubscription(_ node: Node, path: String) -> QueueSubscriptionSpec? {
    guard let map = section(node, path, SpecKeys.subscription) else { return nil }
    var subscription = QueueSubscriptionSpec(location: map.location)
    subscription.topicARN = map.value("topic_arn").flatMap {
      values.string($0, field: map.field("topic_arn"))
    }
    if map.value("topic_arn") == nil {
      context.report(
        .error(
          "missing-key", at: map.location,
          "a subscription needs the `topic_arn` of the SNS topic that delivers into the queue, such as `arn:aws:sns:eu-west-2:123456789012:orders-events`"
        ))
    }
    subscription.filterPolicy = map.value("filter_policy").flatMap {
      json($0, field: map.field("filter_policy"))
    }
    subscription.filterPolicyScope = map.value("filter_policy_scope").flatMap {
      values.choice($0, field: map.field("filter_policy_scope"))
    }
    subscription.rawMessageDelivery = map.value("raw_message_delivery").flatMap {
      values.bool($0, field: map.field("raw_message_delivery"))
    }
    return subscription
  }

  /// `schedule: cron(...)` is short for `schedule: {expression: cron(...)}`.
  private func decodeSchedule(_ node: Node) -> ScheduleSpec? {
    if case .scalar = node {
      var schedule = ScheduleSpec(location: context.location(of: node))
      schedule.expression = values.string(node, field: "schedule")
      return schedule
    }
    guard let map = section(node, "schedule", SpecKeys.schedule) else { return nil }
    var schedule = ScheduleSpec(location: map.location)
    schedule.expression = map.value("expression").flatMap {
      values.string($0, field: map.field("expression"))
    }
    if map.value("expression") == nil {
      context.report(
        .error(
          "missing-key", at: map.location,
          "`schedule` needs an `expression`, such as `cron(0 3 * * ? *)` or `rate(15 minutes)`"))
    }
    schedule.timeZone = map.value("time_zone").flatMap {
      values.string($0, field: map.field("time_zone"))
    }
    schedule.retry = decodeRetry(map)
    return schedule
  }

  private func decodeEventTrigger(_ node: Node) -> EventTriggerSpec? {
    guard let map = section(node, "on", SpecKeys.eventTrigger) else { return nil }
    var trigger = EventTriggerSpec(location: map.location)
    trigger.pattern = map.value("pattern").flatMap { json($0, field: map.field("pattern")) }
    if map.value("pattern") == nil {
      context.report(
        .error(
          "missing-key", at: map.location,
          "`on` needs an EventBridge event `pattern`, such as `{source: [aws.s3], detail-type: [Object Created]}`"
        ))
    }
    trigger.bus = map.value("bus").flatMap { values.string($0, field: map.field("bus")) }
    trigger.eventEnvironmentName = map.value("event_env").flatMap {
      values.string($0, field: map.field("event_env"))
    }
    trigger.retry = decodeRetry(map)
    return trigger
  }

  private func decodeRetry(_ map: MappingReader) -> RetrySpec {
    var retry = RetrySpec()
    retry.retries = map.value("retries").flatMap {
      values.integer($0, field: map.field("retries"))
    }
    retry.maxEventAge = map.value("max_event_age").flatMap {
      values.seconds($0, field: map.field("max_event_age"))
    }
    return retry
  }

  private func decodeList<Item>(
    _ node: Node, path: String, _ item: (Node, String) -> Item?
  ) -> [Item]? {
    guard case .sequence(let sequence) = node else {
      context.markUndecodable(path)
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`\(path)` must be a list, but this is \(node.kindDescription)"))
      return nil
    }
    return sequence.enumerated().compactMap { index, node in item(node, "\(path)[\(index)]") }
  }

  /// A JSON document written as YAML. Plain `true`, `false`, `null` and numbers keep their JSON
  /// type; a quoted scalar is always a string (so `"10"` stays the string an event carries).
  private func json(_ node: Node, field: String) -> Located<JSONValue>? {
    let location = context.location(of: node)
    guard let value = jsonValue(node, field: field) else {
      context.markUndecodable(field)
      return nil
    }
    return Located(value, at: location)
  }

  private func jsonValue(_ node: Node, field: String) -> JSONValue? {
    switch node {
    case .mapping(let mapping):
      var members: [(key: String, value: JSONValue)] = []
      for (key, value) in mapping {
        guard case .scalar(let name) = key else {
          context.report(
            .error(
              "wrong-type", at: context.location(of: key),
              "keys in `\(field)` are plain names, but this key is \(key.kindDescription)"))
          return nil
        }
        guard let member = jsonValue(value, field: "\(field).\(name.string)") else { return nil }
        members.append((name.string, member))
      }
      return .object(members)
    case .sequence(let sequence):
      var items: [JSONValue] = []
      for (index, item) in sequence.enumerated() {
        guard let value = jsonValue(item, field: "\(field)[\(index)]") else { return nil }
        items.append(value)
      }
      return .array(items)
    case .scalar(let scalar):
      guard scalar.style == .plain else { return .string(scalar.string) }
      if node.isNull { return .null }
      if let flag = ValueReader.boolean(from: scalar.string) { return .bool(flag) }
      if Self.isJSONNumber(scalar.string) { return .number(scalar.string) }
      return .string(scalar.string)
    case .alias:
      context.report(
        .error(
          "wrong-type", at: context.location(of: node),
          "`\(field)` must be written out; an alias cannot be used here"))
      return nil
    }
  }

  /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  static func isJSONNumber(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" { rest = rest.dropFirst() }
    let integer = rest.prefix { $0.isASCII && $0.isNumber }
    guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
    rest = rest.dropFirst(integer.count)
    if rest.first == "." {
      let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
      guard !fraction.isEmpty else { return false }
      rest = rest.dropFirst(1 + fraction.count)
    }
    if rest.first == "e" || rest.first == "E" {
      rest = rest.dropFirst()
      if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
      let exponent = rest.prefix { $0.isASCII && $0.isNumber }
      guard !exponent.isEmpty else { return false }
      rest = rest.dropFirst(exponent.count)
    }
    return rest.isEmpty
  }
}
