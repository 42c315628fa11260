/// A JSON document in the plan (a state machine definition, an event pattern, a filter policy),
/// whose leaves may refer to values that only exist once deployed (the task definition's ARN).
/// Renderers write it in their own syntax: Terraform as `jsonencode({...})` with references,
/// CloudFormation as an object with `Ref`/`Fn::GetAtt`. Object members keep the order they were
/// built in, so that the output is deterministic.
public indirect enum PlanDocument: Sendable, Equatable, Codable {
  case object([PlanDocumentMember])
  case array([PlanDocument])
  case string(String)
  /// The number's text (`10`, `2.5`), as written.
  case number(String)
  case bool(Bool)
  case null
  /// A value of the deployed infrastructure; a list where `PlanReference.isList`.
  case reference(PlanReference)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let bool = try? container.decode(Bool.self) {
      self = .bool(bool)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number == number.rounded() ? String(Int(number)) : String(number))
    } else if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if let array = try? container.decode([PlanDocument].self) {
      self = .array(array)
    } else {
      let members = try container.decode([String: PlanDocument].self)
      if members.count == 1, case .string(let name)? = members["$ref"],
        let reference = PlanReference(rawValue: name)
      {
        self = .reference(reference)
      } else {
        self = .object(
          members.keys.sorted().compactMap { key in members[key].map { .init(key, $0) } })
      }
    }
  }

  /// Plain JSON, references as `{"$ref": "taskDefinitionARN"}`; for `plan.json`.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .object(let members):
      var container = encoder.container(keyedBy: MemberKey.self)
      for member in members { try container.encode(member.value, forKey: MemberKey(member.key)) }
    case .array(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .number(let text):
      var container = encoder.singleValueContainer()
      if let integer = Int(text) {
        try container.encode(integer)
      } else {
        try container.encode(text)
      }
    case .bool(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .reference(let reference):
      var container = encoder.container(keyedBy: MemberKey.self)
      try container.encode(reference.rawValue, forKey: MemberKey("$ref"))
    }
  }

  private struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

public struct PlanDocumentMember: Sendable, Equatable, Codable {
  public var key: String
  public var value: PlanDocument

  public init(_ key: String, _ value: PlanDocument) {
    self.key = key
    self.value = value
  }
}

/// A value of the deployed infrastructure that a plan refers to by what it is; each renderer
/// resolves it to its own reference (`aws_ecs_task_definition.this.arn`, `{"Ref": "TaskDefinition"}`).
public enum PlanReference: String, Sendable, Equatable, Codable, CaseIterable {
  /// The ECS cluster's ARN (the created cluster, or the existing one's ARN built from its name).
  case clusterARN
  /// The task definition's ARN, with its revision.
  case taskDefinitionARN
  /// The task subnets (a list): fixed in the spec or an input.
  case taskSubnetIDs
  /// The tasks' security group and the spec's extra groups (a list).
  case taskSecurityGroupIDs
  case taskRoleARN
  case executionRoleARN
  /// A worker's created queue.
  case queueARN
  case queueURL
  /// The dead-letter queue of a worker's created queue or of a job.
  case deadLetterQueueARN
  case stateMachineARN
  /// A job's EventBridge rule.
  case eventRuleARN

  /// Whether the value is a list of strings rather than one string.
  public var isList: Bool {
    self == .taskSubnetIDs || self == .taskSecurityGroupIDs
  }
}
