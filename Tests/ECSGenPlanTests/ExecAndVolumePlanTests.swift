import ECSGenPlan
import ECSGenSpec
import Testing

/// `exec:` turns on ECS Exec with the task role's message channels; `volumes:` become EFS
/// volumes with mount permissions and, with a mount-target group, an NFS egress rule.
@Suite struct ExecAndVolumePlanTests {
  func plan(_ yaml: String) throws -> DeploymentPlan {
    let loaded = ServiceSpecLoader.load(text: yaml, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return try DeploymentPlanner().plan(loaded)
  }

  let minimal = """
    name: hello
    image: nginx:1.27
    port: 80

    """

  func taskStatements(_ plan: DeploymentPlan) -> [PolicyStatement] {
    guard case .create(let role) = plan.roles.task else { return [] }
    return role.statements
  }

  @Test func execIsOffByDefault() throws {
    let plan = try plan(minimal)
    #expect(plan.ecsService?.deployment.enableExecuteCommand == false)
    #expect(plan.ecsService?.deployment.executeCommand == nil)
    #expect(taskStatements(plan).isEmpty)
  }

  @Test func execTurnsOnTheServiceFlagAndTheMessageChannels() throws {
    let plan = try plan(minimal + "exec: true\n")
    #expect(plan.ecsService?.deployment.enableExecuteCommand == true)
    let statement = try #require(taskStatements(plan).first)
    #expect(
      statement.actions == [
        "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
      ])
    #expect(statement.resources == [.literal("*")])
    #expect(
      plan.ecsService?.deployment.executeCommand
        == "aws ecs execute-command --cluster hello --task TASK_ID --container hello --interactive --command \"/bin/sh\""
    )
  }

  @Test func aVolumeIsEncryptedAuthorisedAndMountableThroughItsAccessPoint() throws {
    let plan = try plan(
      minimal + """
        volumes:
          - name: uploads
            file_system: fs-0123456789abcdef0
            access_point: fsap-0123456789abcdef0
            path: /mnt/uploads
            security_group: sg-0123456789abcdef0
          - name: reference
            file_system: fs-01234567
            path: /mnt/reference
            read_only: true
            security_group: sg-0123456789abcdef0
        """)
    #expect(
      plan.task.volumes.map(\.name) == ["uploads", "reference"])
    #expect(plan.task.volumes.allSatisfy { $0.transitEncryption == "ENABLED" })
    #expect(plan.task.volumes.allSatisfy { $0.iamAuthorization == "ENABLED" })
    let statements = taskStatements(plan)
    #expect(statements.map(\.sid) == ["MountEFSVolume1", "MountEFSVolume2"])
    #expect(
      statements[0].actions == ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"])
    #expect(
      statements[0].resources == [
        .accountResource(service: "elasticfilesystem", path: "file-system/fs-0123456789abcdef0")
      ])
    #expect(statements[0].conditions.map(\.variable) == ["elasticfilesystem:AccessPointArn"])
    #expect(
      statements[0].conditions.first?.values == [
        .accountResource(
          service: "elasticfilesystem", path: "access-point/fsap-0123456789abcdef0")
      ])
    // Read-only: mount only, and no condition without an access point.
    #expect(statements[1].actions == ["elasticfilesystem:ClientMount"])
    #expect(statements[1].conditions.isEmpty)
    // Both volumes share a mount-target group: one NFS rule, not a duplicate AWS would refuse.
    let nfs = plan.tasksSecurityGroup.egress.filter { $0.fromPort == 2049 }
    #expect(nfs.map(\.name) == ["tcp_2049_to_sg_0123456789abcdef0"])
    #expect(nfs.first?.peer == .securityGroup("sg-0123456789abcdef0"))
  }

  @Test func anEgressRuleTheUserWroteIsNotRepeated() throws {
    let plan = try plan(
      minimal + """
        network:
          egress:
            - port: 2049
              security_groups: [sg-0123456789abcdef0]
        volumes:
          - {name: data, file_system: fs-01234567, path: /data, security_group: sg-0123456789abcdef0}
        """)
    #expect(plan.tasksSecurityGroup.egress.filter { $0.fromPort == 2049 }.count == 1)
  }

  @Test func userStatementsFollowTheRequiredOnes() throws {
    let plan = try plan(
      minimal + """
        exec: true
        roles:
          task:
            statements:
              - actions: ["s3:GetObject"]
                resources: ["arn:aws:s3:::bucket/*"]
        """)
    #expect(taskStatements(plan).map(\.sid) == ["ECSExecChannels", ""])
  }

  @Test func anEnvironmentTurnsExecOnForItselfOnly() throws {
    let loaded = ServiceSpecLoader.load(
      text: minimal + """
        environments:
          dev:
            exec: true
          prod: {}
        """, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plans = try DeploymentPlanner().plans(loaded)
    #expect(plans.map { $0.ecsService?.deployment.enableExecuteCommand } == [true, false])
    #expect(plans.map { taskStatements($0).count } == [1, 0])
  }

  @Test func anEnvironmentReplacesTheVolumeList() throws {
    let loaded = ServiceSpecLoader.load(
      text: minimal + """
        volumes:
          - {name: data, file_system: fs-01234567, path: /data, security_group: sg-01234567}
        environments:
          dev: {}
          prod:
            volumes:
              - {name: prod-data, file_system: fs-89abcdef, path: /data, security_group: sg-89abcdef}
        """, file: "test.yaml")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plans = try DeploymentPlanner().plans(loaded)
    #expect(
      plans.map { $0.task.volumes.map(\.fileSystemID) } == [["fs-01234567"], ["fs-89abcdef"]])
  }
}
