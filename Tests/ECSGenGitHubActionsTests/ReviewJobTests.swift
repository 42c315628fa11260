import ECSGenGitHubActions
import ECSGenPlan
import ECSGenRendering
import ECSGenTestSupport
import Foundation
import Testing

/// The review job: the layout it checks, where it gets ecsgen, and the image tag it plans with.
@Suite struct ReviewJobTests {
  func workflow(
    _ spec: String = "minimal.yaml", out: String = "infra", workflowsDir: String? = nil
  ) throws -> String {
    let paths = OutputPaths(outputDirectory: out, workflowsDirectory: workflowsDir)
    return try #require(
      WorkflowRenderer(paths: paths).render(try ExampleSpecs.plan(spec)).first?.contents)
  }

  // Defect 2: the layout used at render time reaches the check step and `on.paths`.
  @Test func theCheckStepUsesTheRenderLayoutAndThePathsNameTheWorkflowsRealLocation() throws {
    let moved = try workflow(workflowsDir: ".github/workflows")
    let check = try RenderedWorkflow.step(
      "Check the committed output is up to date", job: "review", in: moved)
    #expect(
      check.run
        == #""$ECSGEN" check "$SPEC" --out infra --workflows-dir .github/workflows --format github"#
    )
    let elsewhere = try workflow(out: "./deploy/infra/", workflowsDir: "ci/workflows/")
    #expect(elsewhere.contains("      - ci/workflows/deploy-hello-web.yml\n"))
    #expect(elsewhere.contains("      - deploy/infra/hello-web/**\n"))
    #expect(!elsewhere.contains(".github/workflows/deploy-hello-web.yml"))
    let plain = try RenderedWorkflow.step(
      "Check the committed output is up to date", job: "review", in: try workflow())
    #expect(plain.run == #""$ECSGEN" check "$SPEC" --out infra --format github"#)
    let spaced = try RenderedWorkflow.step(
      "Check the committed output is up to date", job: "review",
      in: try workflow(out: "my infra"))
    #expect(spaced.run.contains("--out 'my infra' "))
  }

  // Defect 3: no placeholder repository or tag; the ref is a commit from a repository variable.
  @Test func ecsgenComesFromRepositoryVariablesWithoutAPlaceholder() throws {
    for spec in ExampleSpecs.files {
      for text in try ExampleSpecs.rendered(spec, target: .githubActions).map(\.contents) {
        #expect(!text.contains("ecsgen/ecsgen"))
        #expect(!text.contains("'v\(ToolInfo.version)'"))
        #expect(text.contains("ECSGEN_REPOSITORY: ${{ vars.ECSGEN_REPOSITORY }}\n"))
        #expect(text.contains("ECSGEN_REF: ${{ vars.ECSGEN_REF }}\n"))
      }
    }
  }

  // Defect 3: the binary is cached, with the pinned commit in the key, and built only on a miss.
  @Test func theBinaryIsCachedUnderTheCommitAndBuiltOnlyOnAMiss() throws {
    let text = try workflow()
    #expect(
      text.contains("uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5\n"))
    #expect(
      text.contains(
        "key: ecsgen-${{ runner.os }}-${{ runner.arch }}-swift\(ToolInfo.buildSwiftVersion)-${{ vars.ECSGEN_REF }}\n"
      ))
    let build = try RenderedWorkflow.step("Build ecsgen", job: "review", in: text)
    #expect(build.condition == "steps.ecsgen-cache.outputs.cache-hit != 'true'")
    #expect(build.run.contains("--static-swift-stdlib"))
    let lint = try RenderedWorkflow.step("Lint the spec", job: "review", in: text)
    let binary = lint.environment.first { $0.0 == "ECSGEN" }?.1
    #expect(binary == "${{ runner.temp }}/ecsgen-bin/ecsgen")
    #expect(text.contains("path: ${{ runner.temp }}/ecsgen-bin\n"))
  }

  // Defect 3: an unconfigured source fails with one clear error, a commit passes.
  @Test(arguments: [
    ("", "", false), ("https://example.com/ecsgen.git", "", false),
    ("https://example.com/ecsgen.git", "v0.1.0", false),
    ("https://example.com/ecsgen.git", "966666e", false),
    ("", "966666e0a1b2c3d4e5f60718293a4b5c6d7e8f90", false),
    ("https://example.com/ecsgen.git", "966666e0a1b2c3d4e5f60718293a4b5c6d7e8f90", true),
  ])
  func theSourceCheckAcceptsOnlyARepositoryAndAFullCommit(
    repository: String, ref: String, passes: Bool
  ) throws {
    let step = try RenderedWorkflow.step(
      "Check that the ecsgen source is configured", job: "review", in: try workflow())
    let directory = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let result = try Shell.run(
      step.run,
      environment: step.evaluated(["vars.ECSGEN_REPOSITORY": repository, "vars.ECSGEN_REF": ref]),
      directory: directory)
    #expect((result.status == 0) == passes)
    let errors = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("::error") }
    #expect(errors.count == (passes ? 0 : 1), "\(result.standardOutput)")
    if !passes {
      #expect(errors.first?.contains("ecsgen \(ToolInfo.version)") == true)
    }
  }

  // Defect 9: Terraform plans with the tag of the last apply, this commit's only without one.
  @Test func theTerraformPlanUsesTheDeployedImageTag() throws {
    let step = try RenderedWorkflow.step(
      "Terraform plan", job: "review", in: try workflow("lambda-agent.yaml"))
    let directory = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // A stand-in terraform: `output` answers from $DEPLOYED, `plan` records the tag it got.
    try Shell.stub(
      "terraform", in: directory,
      script: """
        case "$*" in
          *"output -raw image_tag"*) [ -n "$DEPLOYED" ] && echo -n "$DEPLOYED" || exit 1 ;;
          *" plan "*) echo "planned with $TF_VAR_image_tag" > "$RECORD" ;;
        esac
        """)
    for (deployed, expected) in [("abc123", "abc123"), ("", "pr-merge-sha")] {
      var environment = step.evaluated(["github.sha": "pr-merge-sha"])
      environment["DEPLOYED"] = deployed
      environment["RECORD"] = directory + "/record"
      environment["RUNNER_TEMP"] = directory
      environment["GITHUB_STEP_SUMMARY"] = directory + "/summary"
      let result = try Shell.run(
        step.run, environment: environment, directory: directory, binDirectory: directory)
      #expect(result.status == 0, "\(result.standardError)")
      let record = try String(contentsOfFile: directory + "/record", encoding: .utf8)
      #expect(record == "planned with \(expected)\n")
    }
  }

  // Defect 9: the change set keeps the stack's current image tag.
  @Test func theChangeSetKeepsTheCurrentImageTag() throws {
    let step = try RenderedWorkflow.step(
      "Preview the CloudFormation change set", job: "review",
      in: try workflow("internal-cloudformation.yaml"))
    #expect(step.run.contains(#"[{ParameterKey: "ImageTag", UsePreviousValue: true}]"#))
    #expect(!step.run.contains("--arg ImageTag"))
  }

  // Found by review: a change set that fails for any reason other than "no changes" fails the
  // review instead of showing an empty table.
  @Test func aFailedChangeSetFailsTheReviewUnlessItHasNoChanges() throws {
    let step = try RenderedWorkflow.step(
      "Preview the CloudFormation change set", job: "review",
      in: try workflow("internal-cloudformation.yaml"))
    let directory = try Shell.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (reason, expected) in [
      ("The submitted information didn't contain changes.", Int32(0)),
      ("Parameter TaskSubnetIds has an invalid value", Int32(1)),
    ] {
      try Shell.stub(
        "aws", in: directory,
        script: """
          case "$*" in
            *describe-stacks*) echo UPDATE_COMPLETE ;;
            *"wait change-set-create-complete"*) exit 255 ;;
            *"describe-change-set"*StatusReason*) echo "\(reason)" ;;
          esac
          exit 0
          """)
      var environment = step.evaluated(["github.sha": "c0ffee"])
      environment["RUNNER_TEMP"] = directory
      environment["GITHUB_STEP_SUMMARY"] = directory + "/summary"
      let result = try Shell.run(
        step.run, environment: environment, directory: directory, binDirectory: directory)
      #expect(result.status == expected, "\(reason): \(result.standardOutput)")
    }
  }
}
