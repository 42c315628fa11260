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

  /// The id of the deploy job's step that reads the image ID in its repository, and of its output.
  static let identityStepID = "image-id"

  /// The deploy job's `outputs`: the image ID its repository holds for this commit, which the
  /// next environment compares with its own.
  static var jobOutputs: YAMLNode {
    .map([(identityStepID, .string("${{ steps.\(identityStepID).outputs.image-id }}"))])
  }

  /// The deploy job's steps that put the build job's image into `repository`, when `condition`
  /// (the tag is not there yet) holds, and then make sure the image there is the one the
  /// environment before (`previousJob`, when it took the same image) ran.
  func pushSteps(
    to repository: String, workflow: Workflow, condition: String, previousJob: String?
  ) -> [YAMLNode] {
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

        """,
        env: [
          localImageEnvironment,
          ("REGISTRY", .string("${{ steps.ecr.outputs.registry }}")),
          ("REPOSITORY", .string(repository)),
        ], condition: condition),
      identityStep(repository: repository, workflow: workflow, previousJob: previousJob),
    ]
  }

  /// Reads the image ID (the digest of the image's configuration, which names its layers: the
  /// same wherever the image is pushed) that the repository holds for this commit, and fails when
  /// it is not the one the previous environment ran. That happens only when the tag was pushed by
  /// another build of the same commit (a re-run after the cache lost the archive): prod would
  /// then run an image nobody tested.
  private func identityStep(
    repository: String, workflow: Workflow, previousJob: String?
  ) -> YAMLNode {
    var env: [(String, YAMLNode?)] = [("REPOSITORY", .string(repository))]
    if let previousJob {
      env.append(
        (
          "PREVIOUS_IMAGE_ID",
          .string("${{ needs.\(previousJob).outputs.\(Self.identityStepID) }}")
        ))
      env.append(("PREVIOUS_JOB", .string(previousJob)))
    }
    return workflow.run(
      "Check that this is the image the previous environment ran",
      """
      image="$(aws ecr batch-get-image --repository-name "$REPOSITORY" --image-ids imageTag="$IMAGE_TAG" --output json)"
      # A single-platform image: the digest of its configuration; an index: its own digest.
      id="$(jq -r '.images[0] | ((.imageManifest | fromjson | .config.digest) // .imageId.imageDigest) // empty' <<< "$image")"
      if [ -z "$id" ]; then
        echo "::error title=Image not found::$REPOSITORY:$IMAGE_TAG is not in the repository"
        exit 1
      fi
      echo "image-id=$id" >> "$GITHUB_OUTPUT"
      echo "- image \\`$REPOSITORY:$IMAGE_TAG\\`, image ID \\`$id\\`" >> "$GITHUB_STEP_SUMMARY"
      if [ -n "${PREVIOUS_JOB:-}" ] && [ "$id" != "$PREVIOUS_IMAGE_ID" ]; then
        echo "::error title=Not the tested image::$REPOSITORY:$IMAGE_TAG is image $id, but $PREVIOUS_JOB ran image $PREVIOUS_IMAGE_ID: this commit's image was built twice (the Actions cache lost the first build's archive). Push a new commit to build and promote one image."
        exit 1
      fi

      """, env: env, id: Self.identityStepID)
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
