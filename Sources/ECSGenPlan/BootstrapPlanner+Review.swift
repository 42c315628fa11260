/// What the read-only plan role may do: read this service's resources so that `terraform plan`
/// can refresh them (or preview a CloudFormation change set), and read the state.
extension BootstrapPlanner {
  func reviewStatements(_ bucket: StateBucketPlan?) -> [BootstrapStatement] {
    var statements = readState(bucket)
    if !usesTerraform {
      statements.append(
        BootstrapStatement(
          sid: "PreviewStack",
          comment:
            "A change set only describes a change; this role can create and delete one but never execute it.",
          actions: [
            "cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet",
            "cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks",
          ],
          resources: [regional("cloudformation", "stack/\(plan.ci.stackName)/*")]))
      statements.append(
        BootstrapStatement(
          sid: "ValidateTemplate", comment: "ValidateTemplate takes no resource.",
          actions: ["cloudformation:ValidateTemplate"], resources: [.any]))
    }
    statements.append(
      BootstrapStatement(
        sid: "ReadServiceRoles",
        actions: [
          "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies",
          "iam:ListRolePolicies",
        ],
        resources: serviceRoles))
    if let repository = repositoryName {
      statements.append(
        BootstrapStatement(
          sid: "ReadImageRepository",
          actions: [
            "ecr:DescribeImages", "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy",
            "ecr:ListTagsForResource",
          ],
          resources: [regional("ecr", "repository/\(repository)")]))
    }
    if let record = plan.ownLoadBalancer?.loadBalancer.aliasRecord {
      statements.append(
        BootstrapStatement(
          sid: "ReadHostedZone",
          actions: ["route53:GetHostedZone", "route53:ListResourceRecordSets"],
          resources: [
            .accountless(service: "route53", resource: "hostedzone/\(record.hostedZoneID)")
          ]))
    }
    statements += hardeningReviewStatements()
    statements += kindReviewStatements()
    statements.append(describeStatement())
    return statements
  }

  /// Describe and list actions that take no resource or read by prefix. The Elastic Load
  /// Balancing ones only for `web`, the only kind with a load balancer; CloudWatch's alarms for
  /// a worker with a wake-up alarm (DescribeAlarms reads by name prefix).
  private func describeStatement() -> BootstrapStatement {
    let loadBalancer = [
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
    ]
    var alarms: [String] = []
    if case .worker(let worker) = plan.workload, worker.backlogScaling?.wakeUp != nil {
      alarms = ["cloudwatch:DescribeAlarms"]
    }
    let actions =
      [
        "application-autoscaling:DescribeScalableTargets",
        "application-autoscaling:DescribeScalingPolicies",
        "application-autoscaling:ListTagsForResource",
      ] + alarms + [
        "ec2:DescribeAccountAttributes",
        "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroupRules",
        "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
        "ecs:DescribeClusters", "ecs:DescribeServices", "ecs:DescribeTaskDefinition",
        "ecs:ListTagsForResource",
      ] + (plan.web == nil ? [] : loadBalancer) + [
        "logs:DescribeLogGroups", "logs:ListTagsForResource", "logs:ListTagsLogGroup",
      ]
    let services =
      plan.web == nil
      ? (alarms.isEmpty
        ? "ECS, EC2, CloudWatch Logs and Application Auto Scaling"
        : "ECS, EC2, CloudWatch, CloudWatch Logs and Application Auto Scaling")
      : "ECS, EC2, Elastic Load Balancing, CloudWatch Logs and Application Auto Scaling"
    return BootstrapStatement(
      sid: "Describe",
      comment: "Describe and list actions of \(services) take no resource or are read by prefix.",
      actions: actions, resources: [.any])
  }
}
