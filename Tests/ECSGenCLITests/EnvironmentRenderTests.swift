import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// `render` and `check` of a spec with environments: `DIR/NAME/ENV/TARGET/`.
@Suite struct EnvironmentRenderTests {
  /// A directory holding `specs/payments.yaml`, the three-environment example (`specs/environments.yaml`).
  func repository() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: directory.path + "/specs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: GoldenFile.packageRoot + "/specs/environments.yaml",
      toPath: directory.path + "/specs/payments.yaml")
    return directory
  }

  func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func eachEnvironmentHasItsOwnFolderAndState() throws {
    let directory = try repository()
    let output = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(output.status == .clean, "\(output.standardError)")
    for environment in ["dev", "staging", "prod"] {
      let folder = "\(directory.path)/infra/payments-api/\(environment)"
      let versions = try #require(contents("\(folder)/terraform/versions.tf"))
      #expect(versions.contains("\"ecsgen/payments-api/\(environment)/terraform.tfstate\""))
      let main = try #require(contents("\(folder)/terraform/main.tf"))
      #expect(main.contains("Environment = \"\(environment)\""))
      #expect(contents("\(folder)/cloudformation/template.json") != nil)
    }
    // Nothing in the layout of a spec without environments; one workflow for the service.
    #expect(contents("\(directory.path)/infra/payments-api/terraform/main.tf") == nil)
    let workflow = try #require(
      contents("\(directory.path)/infra/payments-api/github-actions/deploy-payments-api.yml"))
    #expect(workflow.contains("  deploy-prod:\n"))
    #expect(!output.standardError.contains("[environments-workflow]"))
    #expect(output.standardError.contains("rendered 1 of 1 spec\n"))
    let check = CheckRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(check.status == .clean, "\(check.standardOutput)")
    #expect(check.standardError.contains("checked 16 generated files: 16 up to date"))
  }

  /// `--workflows-dir`: the service's one workflow goes there, and `check` finds it there.
  @Test func theWorkflowGoesToTheWorkflowsFolderAndCheckFindsItThere() throws {
    let directory = try repository()
    _ = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    let output = RenderRunner(
      workflowsDirectory: ".github/workflows", baseDirectory: directory.path
    ).run(paths: ["specs"])
    #expect(output.status == .clean, "\(output.standardError)")
    #expect(output.standardOutput.contains("wrote .github/workflows/deploy-payments-api.yml"))
    #expect(
      output.standardOutput.contains(
        "removed infra/payments-api/github-actions/deploy-payments-api.yml"))
    let workflow = try #require(
      contents("\(directory.path)/.github/workflows/deploy-payments-api.yml"))
    #expect(workflow.contains("--out infra --workflows-dir .github/workflows"))
    let check = CheckRunner(workflowsDirectory: ".github/workflows", baseDirectory: directory.path)
    #expect(check.run(paths: ["specs/payments.yaml"]).status == .clean)
    // Without the option, `check` expects it in infra/ and says where it is missing.
    let elsewhere = CheckRunner(baseDirectory: directory.path).run(paths: ["specs/payments.yaml"])
    #expect(elsewhere.status == .findings)
    #expect(
      elsewhere.standardOutput.contains(
        "infra/payments-api/github-actions/deploy-payments-api.yml: missing"))
  }

  /// `render --env` renders one environment, so it leaves the workflow of all of them alone.
  @Test func renderEnvLeavesTheServicesWorkflowAlone() throws {
    let directory = try repository()
    _ = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    let path = "\(directory.path)/infra/payments-api/github-actions/deploy-payments-api.yml"
    let before = try #require(contents(path))
    for environment in ["dev", "prod"] {
      let output = RenderRunner(baseDirectory: directory.path, environment: environment)
        .run(paths: ["specs"])
      #expect(output.status == .clean)
      #expect(!output.standardOutput.contains("github-actions"), "\(output.standardOutput)")
      #expect(contents(path) == before)
    }
  }

  @Test func renderEnvRendersOneEnvironment() throws {
    let directory = try repository()
    let output = RenderRunner(baseDirectory: directory.path, environment: "staging")
      .run(paths: ["specs"])
    #expect(output.status == .clean)
    let root = "\(directory.path)/infra/payments-api"
    #expect(contents("\(root)/staging/terraform/main.tf") != nil)
    #expect(contents("\(root)/dev/terraform/main.tf") == nil)
    #expect(contents("\(root)/prod/terraform/main.tf") == nil)
  }

  @Test func renderEnvOfAnEnvironmentTheSpecLacksIsAnError() throws {
    let directory = try repository()
    let output = RenderRunner(baseDirectory: directory.path, environment: "qa")
      .run(paths: ["specs"])
    #expect(output.status == .findings)
    #expect(output.standardError.contains("[unknown-environment]"))
    #expect(output.standardError.contains("its environments are `dev`, `staging`, `prod`"))
    #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/infra"))
  }

  /// A spec that gains environments: the output of its single deployment is stale.
  @Test func outputFromBeforeTheEnvironmentsIsLeftOver() throws {
    let directory = try repository()
    _ = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    let flat = "\(directory.path)/infra/payments-api/terraform"
    try FileManager.default.createDirectory(atPath: flat, withIntermediateDirectories: true)
    try Data("# Generated by ecsgen\n".utf8).write(to: URL(fileURLWithPath: "\(flat)/main.tf"))
    let check = CheckRunner(baseDirectory: directory.path).run(paths: ["specs/payments.yaml"])
    #expect(check.status == .findings)
    #expect(check.standardOutput.contains("infra/payments-api/terraform/main.tf: left over"))
    let render = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(render.standardOutput.contains("removed infra/payments-api/terraform/main.tf"))
    #expect(!render.standardOutput.contains("payments-api/terraform/ (0 files)"))
  }

  /// A deleted spec with environments: all its environments' output is left over.
  @Test func theOutputOfADeletedServiceWithEnvironmentsIsLeftOver() throws {
    let directory = try repository()
    _ = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    try FileManager.default.copyItem(
      atPath: GoldenFile.packageRoot + "/specs/minimal.yaml",
      toPath: directory.path + "/specs/minimal.yaml")
    try FileManager.default.removeItem(atPath: directory.path + "/specs/payments.yaml")
    _ = RenderRunner(baseDirectory: directory.path).run(paths: ["specs/minimal.yaml"])
    let check = CheckRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(check.status == .findings)
    for environment in ["dev", "staging", "prod"] {
      #expect(
        check.standardOutput.contains(
          "infra/payments-api/\(environment)/terraform/main.tf: left over"))
    }
  }

  /// An environment removed from the spec: its output is left over, and the next render removes it.
  @Test func theOutputOfARemovedEnvironmentIsLeftOver() throws {
    let directory = try repository()
    let spec = directory.path + "/specs/payments.yaml"
    let text = try String(contentsOfFile: spec, encoding: .utf8)
    try Data(
      text.replacingOccurrences(
        of: "  dev: {}\n",
        with:
          "  dev: {}\n  qa: {load_balancer: {domain: qa.payments.example.com}, ci: {role_arn: arn:aws:iam::111111111111:role/ecsgen-payments-api-qa-deploy}}\n"
      ).utf8
    )
    .write(to: URL(fileURLWithPath: spec))
    let first = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(first.status == .clean, "\(first.standardError)")
    let qa = "\(directory.path)/infra/payments-api/qa/terraform/main.tf"
    #expect(FileManager.default.fileExists(atPath: qa))
    try Data(text.utf8).write(to: URL(fileURLWithPath: spec))
    let check = CheckRunner(baseDirectory: directory.path).run(paths: ["specs/payments.yaml"])
    #expect(check.status == .findings)
    #expect(check.standardOutput.contains("infra/payments-api/qa/terraform/main.tf: left over"))
    #expect(
      check.standardOutput.contains("infra/payments-api/qa/cloudformation/template.json: left over")
    )
    let render = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(render.standardOutput.contains("removed infra/payments-api/qa/terraform/main.tf"))
    #expect(!FileManager.default.fileExists(atPath: qa))
    #expect(CheckRunner(baseDirectory: directory.path).run(paths: ["specs"]).status == .clean)
  }
}

/// `ecsgen diff SPEC FROM TO`.
@Suite struct DiffCommandTests {
  let spec = "specs/environments.yaml"

  @Test func printsOneLinePerDifferingKey() {
    let output = DiffRunner(baseDirectory: GoldenFile.packageRoot).run(
      spec: spec, from: "dev", to: "staging")
    #expect(output.status == .clean)
    #expect(output.standardOutput.hasPrefix("payments-api: dev -> staging, 5 keys differ"))
    #expect(
      output.standardOutput.contains(
        "  workload.web.entry.loadBalancer.loadBalancer.domain: \"dev.payments.example.com\" -> \"staging.payments.example.com\"\n"
      )
    )
  }

  @Test func anUnknownEnvironmentCannotBeCompared() {
    let output = DiffRunner(baseDirectory: GoldenFile.packageRoot).run(
      spec: spec, from: "dev", to: "qa")
    #expect(output.status == .toolFailure)
    #expect(
      output.standardError.contains("no environment `qa`; its environments are dev, staging, prod"))
  }

  @Test func aSpecWithErrorsIsReported() {
    let output = DiffRunner(baseDirectory: GoldenFile.packageRoot).run(
      spec: "specs/invalid/environment-prod-only.yaml", from: "dev", to: "prod")
    #expect(output.status == .findings)
    #expect(output.standardError.contains("[fargate-size]"))
  }
}

/// Found by review: names across specs, and `--env` for a spec without environments.
@Suite struct EnvironmentNamesAcrossSpecsTests {
  @Test func aServiceNamedLikeAnotherSpecsEnvironmentIsRefused() throws {
    let directory = try EnvironmentRenderTests().repository()
    let minimal = try String(
      contentsOfFile: GoldenFile.packageRoot + "/specs/minimal.yaml", encoding: .utf8)
    try minimal.replacingOccurrences(of: "name: hello-web", with: "name: payments-api-prod")
      .write(toFile: directory.path + "/specs/zz.yaml", atomically: false, encoding: .utf8)
    let output = RenderRunner(baseDirectory: directory.path).run(paths: ["specs"])
    #expect(output.status == .findings)
    #expect(
      output.standardError.contains(
        "specs/zz.yaml:3:7: error: this spec's AWS names start with `payments-api-prod`, as those of specs/payments.yaml (environment prod) do"
      ), "\(output.standardError)")
  }

  @Test func envForASpecWithoutEnvironmentsSaysWhyNothingWasRendered() throws {
    let out = try TemporaryDirectory()
    let output = RenderRunner(outputDirectory: out.path, environment: "prod")
      .run(paths: [GoldenFile.packageRoot + "/specs/minimal.yaml"])
    #expect(output.status == .clean)
    #expect(output.standardError.contains("this spec has no `environments:`"))
    #expect(output.standardError.contains("rendered 0 of 1 spec; 1 without environments"))
  }
}
