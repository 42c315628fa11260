/// The deployment environment a merged spec describes: one entry of the spec's `environments:`
/// (`dev`, `staging`, `prod`), with its overrides already applied to the rest of the spec.
///
/// A spec without `environments:` has no `SpecEnvironment` and behaves exactly as before
/// environments existed.
public struct SpecEnvironment: Sendable, Equatable {
  /// The environment's name, at its key under `environments:`.
  public var name: Located<String>
  /// Where the environment comes in the order the spec writes them (0 for the first): the order
  /// a change is promoted through.
  public var position: Int
  /// Every environment name of the spec, in the order written. Validation needs them all: the
  /// longest decides how long the service name may be.
  public var allNames: [String]

  public init(name: Located<String>, position: Int, allNames: [String]) {
    self.name = name
    self.position = position
    self.allNames = allNames
  }

  /// The characters of the longest environment name, plus the `-` that joins it to the service
  /// name in every AWS name ecsgen derives.
  public var nameBudgetUsed: Int { (allNames.map(\.count).max() ?? 0) + 1 }
}
