/// The rules of the `environments:` key, in one place; the README and
/// docs/design/environments.md document the same numbers.
public enum EnvironmentRules {
  /// The top-level key that holds the environments.
  public static let key = "environments"
  /// Keys an environment may not override: they say which service and which spec format this is,
  /// and environments do not nest.
  public static let fixedKeys = ["version", "name", "kind", "environments"]
  /// Environments one spec may have: each is validated, planned and deployed on its own, so a
  /// hostile spec with thousands of them must not cost thousands of validations.
  public static let maxCount = 20
  /// YAML nodes of the spec times its environments: each environment is decoded and validated as
  /// a whole spec. A quarter of what one document may expand to, so that the slowest spec with
  /// environments costs about what the slowest without them does (measured: 20 environments of
  /// a 4,800-node spec took 1.9 s to lint in a release build), and a real spec of a few hundred
  /// nodes can still have all 20.
  public static let maxMergedNodes = SpecLimits.maxExpandedNodes / 4
  /// ecsgen joins the service and environment names (`orders-api-prod`) wherever AWS needs a
  /// unique name, and that joined name must fit the budget a service name alone had
  /// (`AWSLimits.serviceNameMaxLength`, 28). The shortest service name has 2 characters and the
  /// `-` takes one, which leaves 25 for the environment.
  public static let maxNameLength = AWSLimits.serviceNameMaxLength - 2 - 1

  /// `^[a-z]([a-z0-9]|-(?=[a-z0-9]))*$`: a lowercase letter first, then lowercase letters, digits
  /// and single hyphens, never at the end. The name becomes part of AWS names (load balancer,
  /// roles, log group, and the image repository, whose pattern `[a-z0-9]+(?:[._-][a-z0-9]+)*`
  /// refuses `dev-` and `d--v`), a state key and a GitHub environment; this is what all of them
  /// accept.
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
      name.unicodeScalars.last != "-", !name.contains("--")
    else { return false }
    return name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
  }

  /// The most characters a service `name` may have when its environments are `environmentNames`.
  public static func maxServiceNameLength(environmentNames: [String]) -> Int {
    guard let longest = environmentNames.map(\.count).max() else {
      return AWSLimits.serviceNameMaxLength
    }
    return AWSLimits.serviceNameMaxLength - longest - 1
  }
}
