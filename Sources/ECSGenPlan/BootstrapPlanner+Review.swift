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
    if let record = plan.web?.loadBalancer.aliasRecord {
      statements.append(
        BootstrapStatement(
          sid: "ReadHostedZone",
          actions: ["route53:GetHostedZone", "route53:ListResourceRecordSets"],
          resources: [
            .accountless(service: "route53", resource: "hostedzone/\(record.hostedZoneID)")
          ]))
    }
    statements.append(
      BootstrapStatement(
        sid: "Describe",
        comment:
          "Describe and list actions of ECS, EC2, Elastic Load Balancing, CloudWatch Logs and Application Auto Scaling take no resource or are read by prefix.",
        actions: [
          "application-autoscaling:DescribeScalableTargets",
          "application-autoscaling:DescribeScalingPolicies",
          "application-autoscaling:ListTagsForResource", "ec2:DescribeAccountAttributes",
          "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroupRules",
          "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
          "ecs:DescribeClusters", "ecs:DescribeServices", "ecs:DescribeTaskDefinition",
          "ecs:ListTagsForResource", "elasticloadbalancing:DescribeListenerAttributes",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancerAttributes",
          "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTags",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetGroups", "logs:DescribeLogGroups",
          "logs:ListTagsForResource", "logs:ListTagsLogGroup",
        ],
        resources: [.any]))
    return statements
  }
}
