/// Turns a Lambda function name into a valid service name: lowercase letters, digits and single
/// hyphens, starting with a letter, at most 28 characters, not starting with `internal-`.
enum ServiceNaming {
  static let maxLength = 28

  static func serviceName(forFunction function: String) -> String {
    var name = ""
    for character in function.lowercased() {
      if (character >= "a" && character <= "z") || (character >= "0" && character <= "9") {
        name.append(character)
      } else if !name.isEmpty && !name.hasSuffix("-") {
        name.append("-")
      }
    }
    if name.hasPrefix("internal-") { name = "svc-" + name }
    if let first = name.first, !(first >= "a" && first <= "z") { name = "fn-" + name }
    if name.isEmpty { name = "service" }
    name = String(name.prefix(maxLength))
    while name.hasSuffix("-") { name.removeLast() }
    return name.count >= 2 ? name : name + "-svc"
  }
}
