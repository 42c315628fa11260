import ECSGenSpec

/// The deployment environment a plan is for (`dev`, `staging`, `prod`), for a spec with
/// `environments:`. A plan without one is a spec without environments, planned as before.
///
/// Everything that differs between environments is already resolved in the rest of the plan;
/// this says which environment it is, what its names are built from, and where it stands in the
/// promotion order.
public struct EnvironmentPlan: Sendable, Equatable, Codable {
  /// The environment's name as the spec writes it.
  public var name: String
  /// 0 for the first environment the spec writes: changes are promoted in this order.
  public var position: Int
  /// The environment deployed just before this one, nil for the first: a change reaches this
  /// environment only after it succeeded there.
  public var promotedFrom: String?
  /// `SERVICE-ENVIRONMENT`, what every AWS name that must be unique is derived from (at most 28
  /// characters: validation keeps service name and environment inside that budget).
  public var qualifiedName: String
  /// Every environment of the spec, in promotion order (this one included).
  public var all: [String]

  public init(
    name: String, position: Int, promotedFrom: String?, qualifiedName: String, all: [String]
  ) {
    self.name = name
    self.position = position
    self.promotedFrom = promotedFrom
    self.qualifiedName = qualifiedName
    self.all = all
  }

  init(service: String, _ environment: SpecEnvironment) {
    let position = environment.position
    let all = environment.allNames
    self.init(
      name: environment.name.value, position: position,
      promotedFrom: position > 0 && position - 1 < all.count ? all[position - 1] : nil,
      qualifiedName: "\(service)-\(environment.name.value)", all: all)
  }
}

extension DeploymentPlan {
  /// The folder of this plan's output under the output directory: `NAME`, or `NAME/ENV` for an
  /// environment (one Terraform root configuration, one template, one state per environment).
  public var outputFolder: String {
    environment.map { "\(service.name)/\($0.name)" } ?? service.name
  }

  /// The names of this plan's AWS resources: derived from the service name, or from service and
  /// environment (`orders-api-prod`) for a spec with environments.
  public var resourceNames: ResourceNames {
    ResourceNames(service: environment?.qualifiedName ?? service.name)
  }
}

extension DeploymentPlanner {
  /// One plan per environment of a spec with `environments:`, in the order the spec writes them;
  /// one plan for a spec without. Throws if the spec has errors.
  public func plans(_ loaded: LoadedSpec) throws(PlanningError) -> [DeploymentPlan] {
    guard loaded.spec != nil, !loaded.hasErrors else {
      throw PlanningError(description: "\(loaded.file) has errors; run `ecsgen lint` to see them")
    }
    guard !loaded.environments.isEmpty else { return [try plan(loaded)] }
    var plans: [DeploymentPlan] = []
    for spec in loaded.environments { plans.append(try plan(spec)) }
    return plans
  }
}
