import ECSGenTerraform
import ECSGenTestSupport
import Testing

/// The Terraform output that the review job plans with (defect 9).
@Suite struct ImageTagOutputTests {
  @Test func aBuiltImageRecordsTheTagOfTheLastApply() throws {
    let files = TerraformRenderer().render(try ExampleSpecs.plan("lambda-agent.yaml"))
    let outputs = try #require(files.first { $0.path == "terraform/outputs.tf" }?.contents)
    #expect(outputs.contains("output \"image_tag\" {\n"))
    #expect(outputs.contains("  value       = var.image_tag\n"))
    let external = TerraformRenderer().render(try ExampleSpecs.plan("minimal.yaml"))
    #expect(external.allSatisfy { !$0.contents.contains("output \"image_tag\"") })
  }
}
