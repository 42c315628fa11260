import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// `exec:` and `volumes:` (EFS). With `baseSpec(extra)`, the extra lines start on line 4.
@Suite struct ExecAndVolumeRuleTests {
  static let volumeWithGroup = """
    volumes:
      - name: uploads
        file_system: fs-0123456789abcdef0
        access_point: fsap-0123456789abcdef0
        path: /mnt/uploads
        security_group: sg-0123456789abcdef0
    """

  @Test func aVolumeWithItsMountTargetGroupIsClean() {
    expectClean(baseSpec(Self.volumeWithGroup))
  }

  @Test func decodesEveryVolumeKey() throws {
    let spec = try #require(load(baseSpec(Self.volumeWithGroup + "\n    read_only: true")).spec)
    let volume = try #require(spec.volumes?.first)
    #expect(volume.name?.value == "uploads")
    #expect(volume.fileSystem?.value == "fs-0123456789abcdef0")
    #expect(volume.accessPoint?.value == "fsap-0123456789abcdef0")
    #expect(volume.path?.value == "/mnt/uploads")
    #expect(volume.readOnly?.value == true)
    #expect(volume.securityGroup?.value == "sg-0123456789abcdef0")
  }

  @Test func aVolumeWithoutAWayToPort2049IsAnErrorNamingBothFixes() throws {
    let text = baseSpec(
      """
      volumes:
        - name: uploads
          file_system: fs-0123456789abcdef0
          path: /mnt/uploads
      """)
    let finding = try #require(expectFinding("efs-egress", .error, at: 5, 5, in: text))
    #expect(finding.message.contains("security_group: sg-"))
    #expect(finding.message.contains("network.egress"))
    #expect(finding.message.contains("2049"))
  }

  @Test func anEgressRuleOpeningTCP2049Suffices() {
    let text = baseSpec(
      """
      network:
        egress:
          - port: 2000-2100
            security_groups: [sg-0123456789abcdef0]
      volumes:
        - name: uploads
          file_system: fs-01234567
          path: /mnt/uploads
      """)
    expectNoFinding("efs-egress", in: text)
  }

  @Test func aUDPRuleOn2049DoesNotCount() {
    let text = baseSpec(
      """
      network:
        egress:
          - port: 2049
            protocol: udp
            security_groups: [sg-0123456789abcdef0]
      volumes:
        - name: uploads
          file_system: fs-01234567
          path: /mnt/uploads
      """)
    #expect(load(text).findings("efs-egress").count == 1)
  }

  @Test func idShapesAreChecked() {
    let text = baseSpec(
      """
      volumes:
        - name: uploads
          file_system: fs-0123456789abcdefg
          access_point: fsap-012345
          path: /mnt/uploads
          security_group: sg-0123456789abcdef0
      """)
    expectFinding("efs-id", .error, at: 6, 18, in: text)
    expectFinding("efs-id", .error, at: 7, 19, in: text)
  }

  @Test(arguments: ["mnt/data", "/", "/mnt/../etc", "/mnt//data", "/mnt/./data"])
  func mountPathsMustBeAbsoluteAndPlain(path: String) {
    let text = baseSpec(
      """
      volumes:
        - name: data
          file_system: fs-01234567
          path: "\(path)"
          security_group: sg-0123456789abcdef0
      """)
    #expect(load(text).findings("efs-mount-path").count == 1, "\(path)")
  }

  @Test func namesAndPathsAreUnique() {
    let text = baseSpec(
      """
      volumes:
        - {name: data, file_system: fs-01234567, path: /data, security_group: sg-01234567}
        - {name: data, file_system: fs-89abcdef, path: /data/, security_group: sg-01234567}
      """)
    #expect(load(text).findings("efs-volume-duplicate").count == 2)
  }

  @Test func execWithAReadOnlyRootWarns() throws {
    let text = baseSpec("read_only_root_filesystem: true\nexec: true")
    let finding = try #require(expectFinding("exec-read-only-root", .warning, at: 5, 7, in: text))
    #expect(finding.message.contains("read_only_root_filesystem: false"))
    expectClean(baseSpec("exec: true"))
  }

  @Test func execIsForServicesOnly() {
    let text = """
      name: nightly
      kind: job
      image: public.ecr.aws/nginx/nginx:1.27
      schedule: rate(1 day)
      exec: true
      """
    #expect(load(text).findings("kind-key").count == 1)
  }

  @Test func anExistingTaskRoleGetsNotesForExecAndEFS() {
    let text = baseSpec(
      "exec: true\nroles:\n  task:\n    arn: \(Fixtures.roleARN)\n" + Self.volumeWithGroup)
    let loaded = load(text)
    #expect(loaded.findings("exec-task-role").map(\.severity) == [.note])
    #expect(loaded.findings("efs-task-role").map(\.severity) == [.note])
  }

  @Test func volumesMustBeAList() {
    let loaded = load(baseSpec("volumes: {name: data}"))
    #expect(loaded.findings("wrong-type").count == 1)
    #expect(loaded.findings("efs-egress").isEmpty)
  }
}
