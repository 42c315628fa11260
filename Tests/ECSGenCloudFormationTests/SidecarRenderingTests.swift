import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Foundation
import Testing

/// Sidecars and `load_balancer.container` in both renderers: every container is defined, and the
/// service registers the targeted container and port in the target group.
@Suite struct SidecarRenderingTests {
  static let spec = """
    name: shop
    image: public.ecr.aws/nginx/nginx:1.27
    port: 8080
    load_balancer: {container: proxy}
    sidecars:
      - name: proxy
        image: public.ecr.aws/envoyproxy/envoy:v1.31.0
        port: 9000
        cpu: 64
        depends_on: {shop: HEALTHY}
    container_health_check: {command: "curl -f http://localhost:8080/ || exit 1"}

    """

  static func plan() throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: spec, file: "shop.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  @Test func cloudFormationDefinesEveryContainerAndTargetsTheProxy() throws {
    let text = try #require(CloudFormationRenderer().render(try Self.plan()).first?.contents)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let resources = try #require(json["Resources"] as? [String: Any])
    let task = try #require((resources["TaskDefinition"] as? [String: Any])?["Properties"])
    let containers = try #require(
      (task as? [String: Any])?["ContainerDefinitions"] as? [[String: Any]])
    #expect(containers.compactMap { $0["Name"] as? String } == ["shop", "proxy"])
    #expect((containers[1]["Cpu"] as? Int) == 64)
    #expect(containers[0]["DependsOn"] == nil)
    let dependencies = try #require(containers[1]["DependsOn"] as? [[String: String]])
    #expect(dependencies == [["ContainerName": "shop", "Condition": "HEALTHY"]])
    let service = try #require((resources["Service"] as? [String: Any])?["Properties"])
    let balancers = try #require((service as? [String: Any])?["LoadBalancers"] as? [[String: Any]])
    #expect((balancers.first?["ContainerName"] as? String) == "proxy")
    #expect((balancers.first?["ContainerPort"] as? Int) == 9000)
  }

  @Test func terraformDefinesEveryContainerAndTargetsTheProxy() throws {
    let main = try #require(
      TerraformRenderer().render(try Self.plan()).first { $0.path == "terraform/main.tf" }?
        .contents)
    // Alignment spaces collapsed, so that the test reads the values, not the layout.
    let words = main.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("container_name = \"proxy\" container_port = 9000"))
    #expect(words.contains("name = \"proxy\" image = \"public.ecr.aws/envoyproxy/envoy:v1.31.0\""))
    #expect(words.contains("dependsOn = [ { containerName = \"shop\" condition = \"HEALTHY\" }, ]"))
  }
}
