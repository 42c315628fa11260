import ECSGenPlan
import ECSGenRendering

/// The workflow of a spec with `environments:`: one per service, over its environments'
/// plans in promotion order.
///
/// Pull request: `review` lints the spec and checks the committed output once; `plan-ENV`, one
/// job per environment, previews that environment's change with its own read-only role, under
/// its name in the job summary. The plan jobs name no GitHub environment: an environment's
/// protection rules (an approval for prod) would hold a pull request's preview.
///
/// Push to the branch: `build` builds the image once (`SharedImage`); `deploy-ENV`, one job per
/// environment, each `needs:` the previous one, so an environment is deployed only after the one
/// before it succeeded, and names its GitHub environment, so it waits for that environment's
/// protection rules and reads the variables scoped to it.
struct PromotionWorkflow {
  /// Non-empty, in promotion order.
  let plans: [DeploymentPlan]
  let paths: OutputPaths

  var first: DeploymentPlan { plans[0] }

  /// The job ids: `plan-ENV` and `deploy-ENV`.
  static func planJobID(_ plan: DeploymentPlan) -> String {
    "plan-\(plan.environment?.name ?? plan.service.name)"
  }

  static func deployJobID(_ plan: DeploymentPlan) -> String {
    "deploy-\(plan.environment?.name ?? plan.service.name)"
  }

  /// The image the build job builds: that of the first environment that builds one.
  var sharedImage: SharedImage? {
    for plan in plans {
      if case .built(let image) = plan.image { return SharedImage(plan: plan, image: image) }
    }
    return nil
  }

  func document() -> YAMLNode {
    let head = Workflow(plan: first, paths: paths)
    var jobs = [YAMLEntry("review", checkJob(head))]
    for plan in plans {
      jobs.append(YAMLEntry(Self.planJobID(plan), planJob(plan), spacedBefore: true))
    }
    let shared = sharedImage
    if let shared {
      jobs.append(YAMLEntry(SharedImage.jobID, shared.job(head), spacedBefore: true))
    }
    var previous: String?
    // The last deploy job that ran the shared image: each later one that runs it checks that it
    // runs the same image, even when environments with an image of their own sit in between.
    var lastSharedImageJob: String?
    for plan in plans {
      let workflow = Workflow(plan: plan, paths: paths)
      let uses = shared.flatMap { $0.matches(plan) ? $0 : nil }
      var needs = (uses == nil ? [] : [SharedImage.jobID]) + (previous.map { [$0] } ?? [])
      let imageJob = uses == nil ? nil : lastSharedImageJob
      // A job reads the outputs only of the jobs it names in `needs`.
      if let imageJob, imageJob != previous { needs.append(imageJob) }
      let job = DeployJob(
        workflow: workflow, name: "Deploy \(plan.environment?.name ?? plan.service.name)",
        needs: needs, sharedImage: uses, previousImageJob: imageJob,
        environment: jobEnvironment(workflow))
      jobs.append(YAMLEntry(Self.deployJobID(plan), job.job(), spacedBefore: true))
      previous = Self.deployJobID(plan)
      if uses != nil { lastSharedImageJob = previous }
    }
    return .mapping([
      YAMLEntry("name", .string("Deploy \(first.service.name)")),
      YAMLEntry(
        "on",
        head.triggers(alsoBuilding: plans.dropFirst().map { Workflow(plan: $0, paths: paths) }),
        spacedBefore: true),
      // Nothing by default: each job asks for exactly what it needs.
      YAMLEntry("permissions", .mapping([]), spacedBefore: true),
      YAMLEntry("env", .mapping([YAMLEntry("SPEC", .string(first.specFile))]), spacedBefore: true),
      YAMLEntry("jobs", .mapping(jobs), spacedBefore: true),
    ])
  }

  /// The region, the open inputs and the output folder of one environment: job-level, because
  /// they differ per environment.
  private func jobEnvironment(_ workflow: Workflow) -> [(String, YAMLNode?)] {
    workflow.regionAndInputs().map { ($0.key, $0.value) } + [
      ("INFRA", .string(workflow.infraDirectory))
    ]
  }

  /// Lint and check, once for all environments: they need no AWS role.
  private func checkJob(_ workflow: Workflow) -> YAMLNode {
    let review = ReviewJob(workflow: workflow)
    let tools = ToolSteps(workflow: workflow)
    let steps =
      [workflow.checkout()] + tools.steps() + [
        workflow.run(
          "Lint the spec", "\"$ECSGEN\" lint \"$SPEC\" --format github",
          env: [ToolSteps.binaryEnvironment]),
        workflow.run(
          "Check the committed output is up to date",
          // Every environment's files and this workflow, in the layout they were rendered in.
          "\"$ECSGEN\" check \"$SPEC\" \(review.checkOptions) --format github",
          env: [ToolSteps.binaryEnvironment]),
      ]
    return .map([
      ("name", .string("Review")),
      ("if", .string("github.event_name == 'pull_request'")),
      ("runs-on", .string(first.ci.reviewRunner)),
      (
        "permissions", .map([("contents", .commented("read", comment: "check out the repository"))])
      ),
      ("env", .map(tools.environment)),
      ("steps", .sequence(steps)),
    ])
  }

  /// One environment's preview, with that environment's read-only role, when the pull request
  /// changes that environment's output (every later step is conditional on it).
  private func planJob(_ plan: DeploymentPlan) -> YAMLNode {
    let workflow = Workflow(plan: plan, paths: paths)
    let changed = "steps.\(Self.changesStepID).outputs.changed == 'true'"
    let preview =
      [
        workflow.assumeRole(
          .string("${{ vars.\(plan.ci.planRoleVariable) }}"), name: "Assume the read-only role")
      ] + ReviewJob(workflow: workflow).previewSteps()
    let steps =
      [
        .map([
          ("name", .string("Check out")),
          ("uses", PinnedAction.checkout.uses),
          // The merge commit and its first parent, the base branch: enough to see what the pull
          // request changes.
          ("with", .map([("persist-credentials", .bool(false)), ("fetch-depth", .int(2))])),
        ]),
        changesStep(workflow),
      ] + preview.map { Self.adding(condition: changed, to: $0) }
    return .map([
      ("name", .string("Plan \(plan.environment?.name ?? plan.service.name)")),
      ("if", .string("github.event_name == 'pull_request'")),
      ("runs-on", .string(plan.ci.reviewRunner)),
      ("permissions", workflow.assumeRolePermissions),
      ("concurrency", ReviewJob.concurrency(plan)),
      ("env", .map(jobEnvironment(workflow) + [("IMAGE_TAG", .string("${{ github.sha }}"))])),
      ("steps", .sequence(steps)),
    ])
  }

  static let changesStepID = "changes"

  /// Whether the pull request changes this environment's committed output: `ecsgen check` in
  /// `review` makes sure that output is what the spec renders, so an environment whose output
  /// is the same as on the base branch has nothing to plan. When git cannot tell, it plans.
  private func changesStep(_ workflow: Workflow) -> YAMLNode {
    let subject =
      "\(workflow.plan.service.name) in environment \(workflow.plan.environment?.name ?? "")"
    return workflow.run(
      "Look for changes to this environment",
      """
      # HEAD is GitHub's merge of the pull request into its base branch; HEAD^1 is the base.
      if git diff --quiet HEAD^1 HEAD -- "$INFRA"; then
        echo "changed=false" >> "$GITHUB_OUTPUT"
        echo "### \(subject): this pull request does not change $INFRA, so it is not planned" >> "$GITHUB_STEP_SUMMARY"
      else
        echo "changed=true" >> "$GITHUB_OUTPUT"
      fi

      """, id: Self.changesStepID)
  }

  /// `step` with `condition` as its `if:` (both, when it has one already).
  static func adding(condition: String, to step: YAMLNode) -> YAMLNode {
    guard case .mapping(var entries) = step else { return step }
    if let index = entries.firstIndex(where: { $0.key == "if" }),
      case .string(let existing) = entries[index].value
    {
      entries[index].value = .string("(\(existing)) && \(condition)")
    } else {
      let position = entries.firstIndex { $0.key != "name" && $0.key != "id" } ?? entries.count
      entries.insert(YAMLEntry("if", .string(condition)), at: position)
    }
    return .mapping(entries)
  }
}
