import ECSGenPlan
import ECSGenSpec
import ECSGenTerraform
import Testing

/// EFS volumes and ECS Exec in Terraform: the task definition's `volume` blocks, the main
/// container's `mountPoints`, and the service's exec flag.
@Suite struct VolumeRenderingTests {
  static let spec = """
    name: hello
    image: nginx:1.27
    port: 80
    exec: true
    volumes:
      - name: uploads
        file_system: fs-0123456789abcdef0
        access_point: fsap-0123456789abcdef0
        path: /mnt/uploads
        read_only: true
        security_group: sg-0123456789abcdef0
    """

  func main(_ yaml: String) throws -> String {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    let plan = try DeploymentPlanner().plan(loaded)
    return TerraformRenderer().render(plan)
      .filter { $0.path.hasSuffix("main.tf") || $0.path.hasSuffix("outputs.tf") }
      .map(\.contents).joined()
  }

  @Test func volumeBlockWithEncryptionAndIAM() throws {
    let text = try main(Self.spec)
    #expect(text.contains(#"file_system_id     = "fs-0123456789abcdef0""#))
    #expect(text.contains(#"transit_encryption = "ENABLED""#))
    #expect(text.contains(#"access_point_id = "fsap-0123456789abcdef0""#))
    #expect(text.contains(#"iam             = "ENABLED""#))
    #expect(text.contains(#"sourceVolume  = "uploads""#))
    #expect(text.contains(#"containerPath = "/mnt/uploads""#))
    #expect(text.contains("readOnly      = true"))
    #expect(text.contains("enable_execute_command             = true"))
    #expect(text.contains(#""ssmmessages:CreateControlChannel""#))
    #expect(text.contains(#"output "execute_command""#))
    #expect(text.contains(#"--container hello --interactive --command \"/bin/sh\"""#))
  }

  @Test func noVolumeNoMountPoints() throws {
    let text = try main("name: hello\nimage: nginx:1.27\nport: 80\n")
    #expect(!text.contains("mountPoints"))
    #expect(!text.contains("efs_volume_configuration"))
    #expect(!text.contains("ssmmessages"))
    #expect(!text.contains(#"output "execute_command""#))
  }
}
