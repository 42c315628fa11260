/// Where the review job gets ecsgen from: the same ecsgen that rendered the workflow, built once
/// per commit and cached.
///
/// A full commit SHA, not a release artifact with a checksum: ecsgen publishes no release
/// artifacts, a commit SHA names exactly one source tree in any fork or mirror, and the cache
/// makes the build a one-time cost per commit (the cache key contains the commit). The version
/// of ecsgen and the toolchain it builds with are facts about ecsgen (`ToolInfo`), not choices.
public struct ToolSourcePlan: Sendable, Equatable, Codable {
  /// The repository variable holding the git URL of ecsgen (or of a fork or mirror).
  public var repositoryVariable: String
  /// The repository variable holding the full 40-character commit SHA to build.
  public var refVariable: String
  /// The start of the cache key; the commit SHA, the runner's OS and architecture follow it.
  public var cacheKeyPrefix: String
}

/// How long the deploy job watches a rollout after the apply, and how often it looks.
public struct RolloutWatchPlan: Sendable, Equatable, Codable {
  /// Past this, a deployment that has neither completed nor failed fails the job; see
  /// `DeploymentPlanner.rolloutWatch` for the formula.
  public var timeoutSeconds: Int
  public var pollSeconds: Int
  /// What the bound is made of, in words, for the job's timeout message.
  public var basis: String
}
