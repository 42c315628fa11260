import ECSGenCloudFormation
import ECSGenPlan
import ECSGenSpec
import Testing

/// EFS volumes and ECS Exec in the template.
@Suite struct VolumeTemplateTests {
  func template(_ yaml: String) throws -> String {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    return try CloudFormationRenderer().render(DeploymentPlanner().plan(loaded)).map(\.contents)
      .joined()
  }

  @Test func volumesMountPointsAndExec() throws {
    let text = try template(
      """
      name: hello
      image: nginx:1.27
      port: 80
      exec: true
      volumes:
        - name: uploads
          file_system: fs-0123456789abcdef0
          access_point: fsap-0123456789abcdef0
          path: /mnt/uploads
          security_group: sg-0123456789abcdef0
      """)
    #expect(text.contains(#""FilesystemId": "fs-0123456789abcdef0""#))
    #expect(text.contains(#""TransitEncryption": "ENABLED""#))
    #expect(text.contains(#""AccessPointId": "fsap-0123456789abcdef0""#))
    #expect(text.contains(#""IAM": "ENABLED""#))
    #expect(text.contains(#""SourceVolume": "uploads""#))
    #expect(text.contains(#""ContainerPath": "/mnt/uploads""#))
    #expect(text.contains(#""EnableExecuteCommand": true"#))
    #expect(text.contains(#""elasticfilesystem:AccessPointArn""#))
    #expect(text.contains(#""FromPort": 2049"#))
    #expect(text.contains(#""ExecuteCommand": {"#))
  }

  @Test func noVolumesNoKeys() throws {
    let text = try template("name: hello\nimage: nginx:1.27\nport: 80\n")
    #expect(!text.contains("\"Volumes\""))
    #expect(!text.contains("MountPoints"))
  }
}
