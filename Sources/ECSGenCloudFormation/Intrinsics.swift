import Foundation

/// CloudFormation intrinsic functions and pseudo parameters as JSON values.
enum Intrinsic {
  static func ref(_ name: String) -> JSONValue {
    .object([JSONMember("Ref", .string(name))])
  }

  static func getAtt(_ resource: String, _ attribute: String) -> JSONValue {
    .object([JSONMember("Fn::GetAtt", .array([.string(resource), .string(attribute)]))])
  }

  /// `Fn::Sub` of a template built from parts: literal text is escaped (`${` becomes `${!`), so
  /// values from the spec are never read as substitutions.
  static func sub(_ parts: [SubPart]) -> JSONValue {
    let text = parts.map { part in
      switch part {
      case .literal(let text):
        text.utf8.contains(UInt8(ascii: "$"))
          ? text.replacingOccurrences(of: "${", with: "${!") : text
      case .variable(let name): "${\(name)}"
      }
    }.joined()
    return .object([JSONMember("Fn::Sub", .string(text))])
  }

  static func equals(_ lhs: JSONValue, _ rhs: JSONValue) -> JSONValue {
    .object([JSONMember("Fn::Equals", .array([lhs, rhs]))])
  }

  static let partition = "AWS::Partition"
  static let region = "AWS::Region"
  static let accountID = "AWS::AccountId"
}

enum SubPart {
  case literal(String)
  /// A parameter, pseudo parameter, resource or `Resource.Attribute`.
  case variable(String)
}
