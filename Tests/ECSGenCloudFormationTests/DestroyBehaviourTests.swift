import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Foundation
import Testing

/// Defect 6 of issue 9: destroying the infrastructure and creating it again must work. The log
/// group is deleted unless the spec keeps it (a kept group under its fixed name blocks the next
/// create), and the two tools say the same; the image repository is emptied on destroy only when
/// the spec asks for it.
@Suite struct DestroyBehaviourTests {
  static func outputs(_ extra: String) throws -> (
    TerraformResources, CloudFormationFacts, [String: Any]
  ) {
    let text = "name: hello\nimage:\n  build: .\(extra)\nport: 80\n"
    let loaded = ServiceSpecLoader.load(text: text, file: "destroy.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plan = try DeploymentPlanner().plan(loaded)
    let json = try #require(CloudFormationRenderer().render(plan).first?.contents)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let resources = object?["Resources"] as? [String: Any] ?? [:]
    return (
      TerraformResources(TerraformRenderer().documents(plan)), try CloudFormationFacts(json: json),
      resources
    )
  }

  static func policies(_ resources: [String: Any], _ id: String) -> [String?] {
    let resource = resources[id] as? [String: Any]
    return [resource?["DeletionPolicy"] as? String, resource?["UpdateReplacePolicy"] as? String]
  }

  @Test func byDefaultDestroyDeletesTheLogGroupAndKeepsImages() throws {
    let (terraform, cloudFormation, resources) = try Self.outputs("")
    let logGroup = try #require(terraform.resources["aws_cloudwatch_log_group.this"])
    #expect(logGroup.bool("skip_destroy") == false)
    #expect(Self.policies(resources, "LogGroup") == ["Delete", "Delete"])
    let repository = try #require(terraform.resources["aws_ecr_repository.this"])
    #expect(repository.bool("force_delete") == false)
    #expect(cloudFormation.resource("Repository")?.scalar(path: "EmptyOnDelete") == "false")
    // Nothing is left behind to adopt, so nothing is imported.
    let (_, blocks) = try Self.terraformBlocks("")
    #expect(!blocks.contains { $0.type == "import" })
  }

  /// The Terraform blocks and the required version for a spec with `extra` under `image`.
  static func terraformBlocks(_ extra: String) throws -> (String?, [HCLBlock]) {
    let text = "name: hello\nimage:\n  build: .\(extra)\nport: 80\n"
    let plan = try DeploymentPlanner().plan(ServiceSpecLoader.load(text: text, file: "d.yaml"))
    let blocks = TerraformRenderer().documents(plan).flatMap(\.document.blocks)
    let terraform = blocks.first { $0.type == "terraform" }.map(BlockReader.init)
    return (terraform?.string("required_version"), blocks)
  }

  /// A kept group is still there when the service is created again: the Terraform imports it
  /// when (and only when) a group of exactly that name exists, instead of failing with
  /// `ResourceAlreadyExistsException`.
  @Test func terraformAdoptsAKeptLogGroup() throws {
    let (version, blocks) = try Self.terraformBlocks("\nlogs:\n  on_destroy: keep")
    let imports = blocks.filter { $0.type == "import" }.map(BlockReader.init)
    #expect(imports.count == 1)
    #expect(imports.first?.value("to") == .reference("aws_cloudwatch_log_group.this"))
    let forEach = try #require(imports.first?.value("for_each"))
    #expect(String(describing: forEach).contains("/ecs/hello"))
    #expect(
      blocks.contains { $0.type == "data" && $0.labels == ["aws_cloudwatch_log_groups", "kept"] })
    // The default state's S3 lock file needs Terraform 1.10, which covers the import block.
    #expect(version == ">= 1.10")
    // With a DynamoDB lock, `for_each` in the import block alone asks for Terraform 1.7.
    let (dynamoVersion, _) = try Self.terraformBlocks(
      "\nlogs:\n  on_destroy: keep\nterraform:\n  backend:\n    s3:"
        + " {bucket: b, key: k, region: eu-west-2, dynamodb_table: t}")
    #expect(dynamoVersion == ">= 1.7")
  }

  @Test func theSpecCanKeepLogsAndDeleteImages() throws {
    let (terraform, cloudFormation, resources) = try Self.outputs(
      "\n  delete_images_on_destroy: true\nlogs:\n  on_destroy: keep")
    let logGroup = try #require(terraform.resources["aws_cloudwatch_log_group.this"])
    #expect(logGroup.bool("skip_destroy") == true)
    // Kept on delete and on replacement, but not when the first create rolls back: a failed
    // first create leaves nothing that blocks the next one.
    #expect(Self.policies(resources, "LogGroup") == ["RetainExceptOnCreate", "Retain"])
    let repository = try #require(terraform.resources["aws_ecr_repository.this"])
    #expect(repository.bool("force_delete") == true)
    #expect(cloudFormation.resource("Repository")?.scalar(path: "EmptyOnDelete") == "true")
  }

  @Test func aWrongValueIsAnErrorThatListsTheChoices() {
    let loaded = ServiceSpecLoader.load(
      text: "name: hello\nimage: nginx:1.27\nport: 80\nlogs:\n  on_destroy: retain\n",
      file: "destroy.yaml")
    #expect(loaded.hasErrors)
    #expect(
      loaded.diagnostics.contains {
        $0.rule == "wrong-type" && $0.message.contains("`keep`") && $0.message.contains("`delete`")
      })
  }
}
