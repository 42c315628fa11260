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
