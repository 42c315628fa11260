import ECSGenPlan
import ECSGenRendering

/// The image of a promotion workflow: built once, by the build job, and pushed unchanged by each
/// environment's deploy job to that environment's own repository, so that prod runs the image
/// that dev and staging ran, not a rebuild of the same commit.
///
/// Each environment has its own repository, possibly in another account, and a deploy job holds
/// only its own environment's role, so no job can copy the image from the previous environment's
/// repository. The build job hands the image over as a `docker save` archive through the
/// Actions cache (the only pinned action that carries files between jobs), under a key with the
/// commit: a re-run of the build finds this commit's archive and does not build a different one.
/// A run on the branch reads only caches written on the branch, so a pull request cannot plant
/// an image there.
struct SharedImage {
  /// The plan whose image settings the build job uses (the first environment that builds one).
  let plan: DeploymentPlan
  let image: BuiltImagePlan

  static let jobID = "build"

  /// The cache key of this commit's image archive.
  var cacheKey: String {
    "\(plan.ci.toolSource.cacheKeyPrefix)-image-\(plan.service.name)-${{ github.sha }}"
  }

  /// Whether a plan builds the same image as the build job (same context, Dockerfile and
  /// platform); an environment that overrides any of them builds its own in its deploy job.
  func matches(_ other: DeploymentPlan) -> Bool {
    guard case .built(let built) = other.image else { return false }
    return built.buildContext == image.buildContext && built.dockerfile == image.dockerfile
      && other.task.cpuArchitecture == plan.task.cpuArchitecture
  }

  private static let archivePath = "${{ runner.temp }}/ecsgen-image"
  private static let cacheComment =
    "zizmor: ignore[cache-poisoning] the key holds the commit, and a run on the branch reads only caches that runs on the branch wrote"

  private var localImageEnvironment: (String, YAMLNode?) {
    ("LOCAL_IMAGE", .string(image.repositoryName))
  }

  func job(_ workflow: Workflow) -> YAMLNode {
    let missed = "steps.image-cache.outputs.cache-hit != 'true'"
    let with: [(String, YAMLNode?)] = [
      ("context", .string(image.buildContext)),
      ("file", image.dockerfile.map(YAMLNode.string)),
      ("platforms", .string(plan.task.cpuArchitecture == "ARM64" ? "linux/arm64" : "linux/amd64")),
      ("push", .bool(false)),
      ("load", .bool(true)),
      ("provenance", .bool(false)),
      ("tags", .string("\(image.repositoryName):${{ github.sha }}")),
    ]
    let steps: [YAMLNode] = [
      workflow.checkout(),
      cacheStep(
        "Look for this commit's image in the cache", id: "image-cache", condition: nil,
        with: [("lookup-only", .bool(true))]),
      .map([
        ("name", .string("Build the image")),
        ("if", .string(missed)),
        ("uses", PinnedAction.buildPush.uses),
        ("with", .map(with.filter { $0.1 != nil })),
      ]),
      workflow.run(
        "Save the image for the deploy jobs",
        """
        # The cache saves this folder when the job ends; each environment's deploy job restores it.
        mkdir -p "$RUNNER_TEMP/ecsgen-image"
        docker save --output "$RUNNER_TEMP/ecsgen-image/image.tar" "$LOCAL_IMAGE:$IMAGE_TAG"
        echo "Built $LOCAL_IMAGE:$IMAGE_TAG, image ID $(docker image inspect --format '{{.Id}}' "$LOCAL_IMAGE:$IMAGE_TAG")"

        """, env: [localImageEnvironment], condition: missed),
    ]
    return .map([
      ("name", .string("Build the image")),
      (
        "if",
        .string("github.event_name == 'push' && github.ref == 'refs/heads/\(plan.ci.branch)'")
      ),
      ("runs-on", .string(plan.ci.runner)),
      (
        "permissions", .map([("contents", .commented("read", comment: "check out the repository"))])
      ),
      ("env", .map([("IMAGE_TAG", .string("${{ github.sha }}"))])),
      ("steps", .sequence(steps)),
    ])
  }

  /// The deploy job's steps that put the build job's image into `repository`, when `condition`
  /// (the tag is not there yet) holds.
  func pushSteps(to repository: String, workflow: Workflow, condition: String) -> [YAMLNode] {
    [
      cacheStep(
        "Restore the image the build job built", id: nil, condition: condition,
        with: [("fail-on-cache-miss", .bool(true))]),
      workflow.run(
        "Push the image to this environment's repository",
        """
        docker load --input "$RUNNER_TEMP/ecsgen-image/image.tar"
        docker tag "$LOCAL_IMAGE:$IMAGE_TAG" "$REGISTRY/$REPOSITORY:$IMAGE_TAG"
        docker push "$REGISTRY/$REPOSITORY:$IMAGE_TAG"
        # The image ID is the same in every environment: the same layers and configuration.
        echo "- pushed \\`$REPOSITORY:$IMAGE_TAG\\`, image ID \\`$(docker image inspect --format '{{.Id}}' "$LOCAL_IMAGE:$IMAGE_TAG")\\`" >> "$GITHUB_STEP_SUMMARY"

        """,
        env: [
          localImageEnvironment,
          ("REGISTRY", .string("${{ steps.ecr.outputs.registry }}")),
          ("REPOSITORY", .string(repository)),
        ], condition: condition),
    ]
  }

  private func cacheStep(
    _ name: String, id: String?, condition: String?, with extra: [(String, YAMLNode?)]
  ) -> YAMLNode {
    var entries = [YAMLEntry("name", .string(name))]
    if let id { entries.append(YAMLEntry("id", .string(id))) }
    if let condition { entries.append(YAMLEntry("if", .string(condition))) }
    entries.append(YAMLEntry("uses", PinnedAction.cache.uses, comments: [Self.cacheComment]))
    entries.append(
      YAMLEntry(
        "with",
        .map([("path", .string(Self.archivePath)), ("key", .string(cacheKey))] + extra)))
    return .mapping(entries)
  }
}
