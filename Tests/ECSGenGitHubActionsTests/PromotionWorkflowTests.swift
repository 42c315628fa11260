import ECSGenGitHubActions
import ECSGenPlan
import ECSGenSpec
import ECSGenTestSupport
import Foundation
import Testing
import Yams

/// The workflow of `specs/environments.yaml` (dev, staging, prod): its job graph, and
/// its scripts run against stand-in commands.
@Suite struct PromotionWorkflowTests {
  static let fixture = GoldenFile.packageRoot + "/specs/environments.yaml"

  /// The rendered workflow of the fixture, with `edit` applied to the spec's text first.
  func workflow(_ edit: (String) -> String = { $0 }) throws -> String {
    let text = edit(try String(contentsOfFile: Self.fixture, encoding: .utf8))
    let loaded = ServiceSpecLoader.load(text: text, file: "specs/environments.yaml")
    let plans = try DeploymentPlanner().plans(loaded)
    return try #require(
      WorkflowRenderer(outputDirectory: "infra").render(environments: plans).first?.contents)
  }

  func jobs(_ text: String) throws -> Node.Mapping {
    try #require(try Yams.compose(yaml: text)?["jobs"]?.mapping)
  }

  func needs(_ job: Node?) -> [String] {
    job?["needs"]?.sequence?.compactMap(\.string) ?? []
  }

  func role(_ job: Node?) -> String? {
    job?["steps"]?.sequence?.first { $0["name"]?.string?.hasPrefix("Assume the") == true }?[
      "with"]?["role-to-assume"]?.string
  }

  @Test func eachEnvironmentIsDeployedAfterThePreviousOneInItsGitHubEnvironment() throws {
    let jobs = try jobs(try workflow())
    #expect(
      jobs.keys.compactMap(\.string) == [
        "review", "plan-dev", "plan-staging", "plan-prod", "build", "deploy-dev",
        "deploy-staging", "deploy-prod",
      ])
    #expect(needs(jobs["deploy-dev"]) == ["build"])
    #expect(needs(jobs["deploy-staging"]) == ["build", "deploy-dev"])
    #expect(needs(jobs["deploy-prod"]) == ["build", "deploy-staging"])
    for environment in ["dev", "staging", "prod"] {
      let deploy = jobs["deploy-\(environment)"]
      #expect(deploy?["environment"]?.string == environment)
      #expect(deploy?["env"]?["INFRA"]?.string == "infra/payments-api/\(environment)")
      #expect(
        deploy?["concurrency"]?["group"]?.string == "ecsgen-deploy-payments-api-\(environment)")
      #expect(deploy?["concurrency"]?["cancel-in-progress"]?.bool == false)
      #expect(deploy?["if"]?.string?.contains("github.event_name == 'push'") == true)
    }
    // Each job watches its own environment's service.
    let text = try workflow()
    for environment in ["dev", "prod"] {
      let watch = try RenderedWorkflow.step(
        "Watch the rollout", job: "deploy-\(environment)", in: text)
      #expect(watch.environment.contains { $0 == ("CLUSTER", "payments-api-\(environment)") })
      #expect(watch.environment.contains { $0 == ("SERVICE", "payments-api-\(environment)") })
    }
    // Each job assumes its own environment's role: the spec's `ci.role_arn` per environment.
    #expect(
      role(jobs["deploy-dev"]) == "arn:aws:iam::111111111111:role/ecsgen-payments-api-dev-deploy")
    #expect(
      role(jobs["deploy-staging"])
        == "arn:aws:iam::111111111111:role/ecsgen-payments-api-staging-deploy")
    #expect(
      role(jobs["deploy-prod"]) == "arn:aws:iam::222222222222:role/ecsgen-payments-api-prod-deploy")
  }

  @Test func withoutARoleInTheSpecEachDeployReadsItsEnvironmentsVariable() throws {
    let jobs = try jobs(
      try workflow {
        $0.replacing(#/\n    ci:\n      role_arn: [^\n]*/#, with: "")
          .replacing(#/\nci:\n  role_arn: [^\n]*/#, with: "")
      })
    for environment in ["dev", "staging", "prod"] {
      // The same name in each job: GitHub reads it from the job's environment first.
      #expect(role(jobs["deploy-\(environment)"]) == "${{ vars.ECSGEN_DEPLOY_ROLE_ARN }}")
    }
  }

  @Test func aPullRequestPlansEveryEnvironmentWithItsOwnReadOnlyRole() throws {
    let jobs = try jobs(try workflow())
    for environment in ["dev", "staging", "prod"] {
      let plan = jobs["plan-\(environment)"]
      #expect(plan?["if"]?.string == "github.event_name == 'pull_request'")
      // No GitHub environment: prod's required reviewers would hold a pull request's plan.
      #expect(plan?["environment"] == nil)
      #expect(role(plan) == "${{ vars.ECSGEN_PLAN_ROLE_ARN_\(environment.uppercased()) }}")
      #expect(plan?["env"]?["INFRA"]?.string == "infra/payments-api/\(environment)")
      #expect(
        plan?["concurrency"]?["group"]?.string
          == "ecsgen-review-payments-api-\(environment)-${{ github.event.pull_request.number }}")
    }
    // Lint and check once, without any AWS role.
    let review = jobs["review"]
    #expect(review?["permissions"]?["id-token"] == nil)
    let names = review?["steps"]?.sequence?.compactMap { $0["name"]?.string } ?? []
    #expect(names.contains("Lint the spec"))
    #expect(names.contains("Check the committed output is up to date"))
    for job in jobs.keys.compactMap(\.string) where job != "review" {
      let steps = jobs[job]?["steps"]?.sequence?.compactMap { $0["name"]?.string } ?? []
      #expect(!steps.contains("Lint the spec"), "\(job)")
    }
  }

  /// Runs a step with stand-in commands that record their arguments.
  func run(
    _ name: String, job: String, in text: String, commands: [String],
    extra: [String: String] = [:]
  ) throws -> (ScriptResult, calls: String, summary: String) {
    let step = try RenderedWorkflow.step(name, job: job, in: text)
    let directory = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for command in commands {
      try Shell.stub(command, in: directory, script: "echo \"\(command) $*\" >> \"$CALLS\"\n")
    }
    var environment = step.evaluated([
      "github.sha": "c0ffee", "steps.ecr.outputs.registry": "222222222222.dkr.ecr.example",
    ])
    environment["CALLS"] = directory + "/calls"
    environment["GITHUB_STEP_SUMMARY"] = directory + "/summary"
    environment["RUNNER_TEMP"] = directory
    environment.merge(extra) { $1 }
    let result = try Shell.run(
      step.run, environment: environment, directory: directory, binDirectory: directory)
    func read(_ file: String) -> String {
      (try? String(contentsOfFile: directory + "/" + file, encoding: .utf8)) ?? ""
    }
    return (result, read("calls"), read("summary"))
  }

  @Test func eachDeployUsesItsOwnStateAndRootConfiguration() throws {
    let text = try workflow()
    for environment in ["dev", "prod"] {
      let (result, calls, _) = try run(
        "Terraform init", job: "deploy-\(environment)", in: text, commands: ["terraform"],
        extra: ["STATE_BUCKET": "state-\(environment)", "STATE_REGION": "eu-west-2"])
      #expect(result.status == 0, "\(result.standardOutput)")
      #expect(calls.contains("-chdir=infra/payments-api/\(environment)/terraform init"))
      #expect(calls.contains("bucket=state-\(environment)"))
      // Its own state variables, which a pull request's plan job reads too.
      let step = try RenderedWorkflow.step("Terraform init", job: "deploy-\(environment)", in: text)
      let suffix = environment.uppercased()
      #expect(
        step.environment.contains {
          $0 == ("STATE_BUCKET", "${{ vars.ECSGEN_STATE_BUCKET_\(suffix) }}")
        })
      let plan = try RenderedWorkflow.step("Terraform init", job: "plan-\(environment)", in: text)
      #expect(
        plan.environment.contains {
          $0 == ("STATE_REGION", "${{ vars.ECSGEN_STATE_REGION_\(suffix) }}")
        })
      // Without the bucket, the error names this environment's state key.
      let (missing, _, _) = try run(
        "Terraform init", job: "deploy-\(environment)", in: text, commands: ["terraform"])
      #expect(missing.status == 1)
      #expect(
        missing.standardOutput.contains("ecsgen/payments-api/\(environment)/terraform.tfstate"))
    }
  }

  @Test func eachPlanIsInTheSummaryUnderItsEnvironmentsName() throws {
    let text = try workflow()
    for environment in ["dev", "staging", "prod"] {
      let (result, calls, summary) = try run(
        "Terraform plan", job: "plan-\(environment)", in: text, commands: ["terraform"])
      #expect(result.status == 0, "\(result.standardError)")
      #expect(calls.contains("-chdir=infra/payments-api/\(environment)/terraform plan"))
      #expect(
        summary.hasPrefix("### Terraform plan for payments-api in environment \(environment)\n"))
    }
  }

  /// The image is built once and the same archive is pushed to each environment's repository.
  @Test func theBuildJobsImageIsPushedToEachEnvironmentsRepository() throws {
    let text = try workflow()
    let jobs = try jobs(text)
    let build = jobs["build"]?["steps"]?.sequence ?? []
    #expect(build.contains { $0["name"]?.string == "Build the image" })
    #expect(jobs["build"]?["permissions"]?["id-token"] == nil)
    for environment in ["dev", "staging", "prod"] {
      let steps = jobs["deploy-\(environment)"]?["steps"]?.sequence ?? []
      #expect(!steps.contains { $0["uses"]?.string?.hasPrefix("docker/build-push-action") == true })
      let restore = steps.first { $0["name"]?.string == "Restore the image the build job built" }
      #expect(
        restore?["with"]?["key"]?.string == jobs["build"]?["steps"]?[1]?["with"]?["key"]?.string)
      let (result, calls, _) = try run(
        "Push the image to this environment's repository", job: "deploy-\(environment)",
        in: text, commands: ["docker"])
      #expect(result.status == 0, "\(result.standardError)")
      let repository = "222222222222.dkr.ecr.example/payments-api-\(environment):c0ffee"
      #expect(calls.contains("docker tag payments-api-dev:c0ffee \(repository)\n"))
      #expect(calls.contains("docker push \(repository)\n"))
    }
  }

  /// An environment that builds its image differently cannot take the shared one: it builds its
  /// own, and says so by not needing the build job.
  @Test func anEnvironmentWithAnotherImageBuildsItsOwn() throws {
    let jobs = try jobs(
      try workflow {
        $0.replacingOccurrences(
          of: "  prod:\n", with: "  prod:\n    image:\n      build: services/payments-prod\n")
      })
    #expect(needs(jobs["deploy-prod"]) == ["deploy-staging"])
    let steps = jobs["deploy-prod"]?["steps"]?.sequence ?? []
    #expect(steps.contains { $0["uses"]?.string?.hasPrefix("docker/build-push-action") == true })
    #expect(needs(jobs["deploy-staging"]) == ["build", "deploy-dev"])
  }

  @Test func cloudFormationDeploysEachEnvironmentsStack() throws {
    let text = try workflow {
      $0.replacingOccurrences(of: "\nci:\n", with: "\nci:\n  deploy_with: cloudformation\n")
    }
    for environment in ["dev", "prod"] {
      let step = try RenderedWorkflow.step(
        "Deploy the stack", job: "deploy-\(environment)", in: text)
      #expect(step.environment.contains { $0 == ("STACK", "payments-api-\(environment)") })
      let preview = try RenderedWorkflow.step(
        "Preview the CloudFormation change set", job: "plan-\(environment)", in: text)
      #expect(preview.run.contains("CloudFormation change set for payments-api in environment"))
    }
  }
}

/// The check that each environment runs the image the previous one ran.
@Suite struct PromotedImageTests {
  /// `batch-get-image` output for an image whose configuration has digest `config`.
  func batchGetImage(config: String) -> String {
    let manifest = #"{\"schemaVersion\":2,\"config\":{\"digest\":\"\#(config)\"},\"layers\":[]}"#
    return
      #"{"images":[{"imageId":{"imageDigest":"sha256:manifest"},"imageManifest":"\#(manifest)"}]}"#
  }

  func run(
    job: String, config: String, previous: String
  ) throws -> (ScriptResult, output: String, summary: String) {
    let text = try PromotionWorkflowTests().workflow()
    let step = try RenderedWorkflow.step(
      "Check that this is the image the previous environment ran", job: job, in: text)
    let directory = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Shell.stub(
      "aws", in: directory, script: "cat <<'JSON'\n\(batchGetImage(config: config))\nJSON\n")
    var environment = step.evaluated([
      "github.sha": "c0ffee", "needs.deploy-dev.outputs.image-id": previous,
      "needs.deploy-staging.outputs.image-id": previous,
    ])
    environment["GITHUB_OUTPUT"] = directory + "/output"
    environment["GITHUB_STEP_SUMMARY"] = directory + "/summary"
    let result = try Shell.run(
      step.run, environment: environment, directory: directory, binDirectory: directory)
    func read(_ file: String) -> String {
      (try? String(contentsOfFile: directory + "/" + file, encoding: .utf8)) ?? ""
    }
    return (result, read("output"), read("summary"))
  }

  @Test func eachDeployReportsItsImageIDForTheNextOne() throws {
    let jobs = try PromotionWorkflowTests().jobs(try PromotionWorkflowTests().workflow())
    for environment in ["dev", "staging", "prod"] {
      #expect(
        jobs["deploy-\(environment)"]?["outputs"]?["image-id"]?.string
          == "${{ steps.image-id.outputs.image-id }}")
    }
    let (first, output, summary) = try run(job: "deploy-dev", config: "sha256:aaa", previous: "")
    #expect(first.status == 0, "\(first.standardOutput)")
    #expect(output == "image-id=sha256:aaa\n")
    #expect(summary.contains("image ID `sha256:aaa`"))
  }

  @Test func aLaterEnvironmentRunsOnlyTheImageThePreviousOneRan() throws {
    let jobs = try PromotionWorkflowTests().jobs(try PromotionWorkflowTests().workflow())
    let step = jobs["deploy-prod"]?["steps"]?.sequence?.first {
      $0["id"]?.string == "image-id"
    }
    #expect(
      step?["env"]?["PREVIOUS_IMAGE_ID"]?.string
        == "${{ needs.deploy-staging.outputs.image-id }}")
    let (same, _, _) = try run(job: "deploy-prod", config: "sha256:aaa", previous: "sha256:aaa")
    #expect(same.status == 0, "\(same.standardOutput)")
    let (other, _, _) = try run(job: "deploy-prod", config: "sha256:bbb", previous: "sha256:aaa")
    #expect(other.status == 1)
    #expect(
      other.standardOutput.contains(
        "payments-api-prod:c0ffee is image sha256:bbb, but deploy-staging ran image sha256:aaa"))
  }
}

/// A pull request plans only the environments whose output it changes.
@Suite struct ChangedEnvironmentTests {
  func git(_ arguments: String, in directory: String) throws {
    let result = try Shell.run(
      "git -c user.name=t -c user.email=t@example.invalid \(arguments)", environment: [:],
      directory: directory)
    #expect(result.status == 0, "\(arguments): \(result.standardError)")
  }

  @Test func onlyEnvironmentsWhoseOutputChangedArePlanned() throws {
    let text = try PromotionWorkflowTests().workflow()
    let repository = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: repository) }
    for environment in ["dev", "prod"] {
      let folder = "\(repository)/infra/payments-api/\(environment)/terraform"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data("# \(environment)\n".utf8).write(to: URL(fileURLWithPath: folder + "/main.tf"))
    }
    try git("init --quiet -b main", in: repository)
    try git("add -A", in: repository)
    try git("commit --quiet -m base", in: repository)
    try git("checkout --quiet -b change", in: repository)
    try Data("# prod, bigger\n".utf8).write(
      to: URL(fileURLWithPath: repository + "/infra/payments-api/prod/terraform/main.tf"))
    try git("commit --quiet -am change", in: repository)
    // What GitHub checks out for a pull request: the merge into the base branch.
    try git("checkout --quiet main", in: repository)
    try git("merge --quiet --no-ff -m merge change", in: repository)
    for (environment, changed) in [("dev", false), ("prod", true)] {
      let step = try RenderedWorkflow.step(
        "Look for changes to this environment", job: "plan-\(environment)", in: text)
      var environmentVariables = step.evaluated([:])
      environmentVariables["GITHUB_OUTPUT"] = repository + "/.output-\(environment)"
      environmentVariables["GITHUB_STEP_SUMMARY"] = repository + "/.summary-\(environment)"
      let result = try Shell.run(
        step.run, environment: environmentVariables, directory: repository)
      #expect(result.status == 0, "\(result.standardError)")
      let output = try String(
        contentsOfFile: repository + "/.output-\(environment)", encoding: .utf8)
      #expect(output == "changed=\(changed)\n")
      let summary = try? String(
        contentsOfFile: repository + "/.summary-\(environment)", encoding: .utf8)
      #expect(
        (summary?.contains("payments-api in environment dev: this pull request does not change")
          ?? false) == !changed)
    }
    let jobs = try PromotionWorkflowTests().jobs(text)
    let steps = jobs["plan-prod"]?["steps"]?.sequence ?? []
    for step in steps.dropFirst(2) {
      #expect(step["if"]?.string == "steps.changes.outputs.changed == 'true'")
    }
  }
}

/// Found by review: the workflow of environments that do not all build the same image.
@Suite struct MixedImageWorkflowTests {
  /// Staging builds with another Dockerfile; dev and prod share the build job's image.
  func mixed() throws -> String {
    try PromotionWorkflowTests().workflow {
      $0.replacingOccurrences(
        of: "  staging:\n",
        with: "  staging:\n    image:\n      build: services/payments-debug\n")
    }
  }

  @Test func prodStillChecksTheImageDevRanWhenStagingBuildsItsOwn() throws {
    let jobs = try PromotionWorkflowTests().jobs(try mixed())
    let step = jobs["deploy-prod"]?["steps"]?.sequence?.first { $0["id"]?.string == "image-id" }
    #expect(
      step?["env"]?["PREVIOUS_IMAGE_ID"]?.string == "${{ needs.deploy-dev.outputs.image-id }}")
    #expect(PromotionWorkflowTests().needs(jobs["deploy-prod"]).contains("deploy-dev"))
    #expect(PromotionWorkflowTests().needs(jobs["deploy-prod"]).contains("deploy-staging"))
  }

  @Test func aPushToAnyEnvironmentsBuildContextRunsTheWorkflow() throws {
    let on = try #require(try Yams.compose(yaml: try mixed())?["on"])
    let paths = on["push"]?["paths"]?.sequence?.compactMap(\.string) ?? []
    #expect(paths.contains("services/payments/**"))
    #expect(paths.contains("services/payments-debug/**"))
    #expect(on["pull_request"]?["paths"]?.sequence?.compactMap(\.string) == paths)
  }
}
