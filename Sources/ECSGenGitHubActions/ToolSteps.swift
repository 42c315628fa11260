import ECSGenPlan
import ECSGenRendering

/// The review job's ecsgen: the commit named by repository variables, checked first (one clear
/// error when it is not configured, never a placeholder), restored from the cache, and built
/// from source only on a cache miss.
struct ToolSteps {
  let workflow: Workflow
  var source: ToolSourcePlan { workflow.plan.ci.toolSource }

  /// Where the binary is cached and where the steps that run it find it (`runner.temp` is not
  /// available in a job's `env`, so each step names it).
  static let binaryEnvironment: (String, YAMLNode?) = (
    "ECSGEN", .string("${{ runner.temp }}/ecsgen-bin/ecsgen")
  )

  /// The job's environment: the source, from the repository variables.
  var environment: [(String, YAMLNode?)] {
    [
      ("ECSGEN_REPOSITORY", .string("${{ vars.\(source.repositoryVariable) }}")),
      ("ECSGEN_REF", .string("${{ vars.\(source.refVariable) }}")),
    ]
  }

  func steps() -> [YAMLNode] {
    let repository = source.repositoryVariable
    let ref = source.refVariable
    let missed = "steps.ecsgen-cache.outputs.cache-hit != 'true'"
    return [
      workflow.run(
        "Check that the ecsgen source is configured",
        """
        # The same ecsgen that rendered this workflow (ecsgen \(ToolInfo.version)), pinned by commit.
        problem=""
        if [ -z "$ECSGEN_REPOSITORY" ]; then
          problem="the repository variable \(repository) is not set"
        elif [ -z "$ECSGEN_REF" ]; then
          problem="the repository variable \(ref) is not set"
        elif ! [[ "$ECSGEN_REF" =~ ^[0-9a-f]{40}$ ]]; then
          problem="the repository variable \(ref) is not a full 40-character commit SHA"
        fi
        if [ -n "$problem" ]; then
          echo "::error title=ecsgen source not configured::ecsgen cannot be built: $problem. Set \(repository) to the git URL of ecsgen (or of your fork or mirror) and \(ref) to the commit of ecsgen \(ToolInfo.version), which rendered this workflow (see the ecsgen README, Deploy workflow)."
          exit 1
        fi

        """),
      .mapping([
        YAMLEntry("name", .string("Restore ecsgen from the cache")),
        YAMLEntry("id", .string("ecsgen-cache")),
        // zizmor calls a workflow that deploys from a `release` branch a publishing one and any
        // cache in it a poisoning risk; the cache lives only in this pull-request job, and a
        // pull request's cache writes are visible to that pull request alone.
        YAMLEntry(
          "uses", PinnedAction.cache.uses,
          comments: [
            "zizmor: ignore[cache-poisoning] only the pull-request review uses this cache; the deploy job never restores it"
          ]),
        YAMLEntry(
          "with",
          .map([
            ("path", .string("${{ runner.temp }}/ecsgen-bin")),
            // The commit is in the key: a new ECSGEN_REF builds and caches a new binary.
            (
              "key",
              .string(
                "\(source.cacheKeyPrefix)-${{ runner.os }}-${{ runner.arch }}-swift\(ToolInfo.buildSwiftVersion)-${{ vars.\(ref) }}"
              )
            ),
          ])),
      ]),
      .map([
        ("name", .string("Set up Swift")),
        ("if", .string(missed)),
        ("uses", PinnedAction.setupSwift.uses),
        ("with", .map([("swift-version", .string(ToolInfo.buildSwiftVersion))])),
      ]),
      workflow.run(
        "Build ecsgen",
        """
        source="$RUNNER_TEMP/ecsgen-source"
        git init --quiet "$source"
        git -C "$source" fetch --quiet --depth 1 "$ECSGEN_REPOSITORY" "$ECSGEN_REF"
        git -C "$source" checkout --quiet FETCH_HEAD
        # Statically linked, so that the cached binary runs without the Swift toolchain.
        swift build -c release --static-swift-stdlib --package-path "$source" --product ecsgen
        mkdir -p "$RUNNER_TEMP/ecsgen-bin"
        cp "$(swift build -c release --package-path "$source" --show-bin-path)/ecsgen" "$RUNNER_TEMP/ecsgen-bin/ecsgen"

        """, condition: missed),
    ]
  }
}
