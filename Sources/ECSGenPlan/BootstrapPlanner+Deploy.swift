import ECSGenSpec

/// What the deploy role may do: create, change and replace exactly this service's resources,
/// push its image, and write its state. ARNs are scoped by name wherever AWS allows it; each
/// wildcard says why it is there.
extension BootstrapPlanner {
  func deployStatements(_ bucket: StateBucketPlan?) -> [BootstrapStatement] {
    var statements: [BootstrapStatement] = []
    statements += stateStatements(bucket)
    if !usesTerraform {
      statements.append(
        BootstrapStatement(
          sid: "DeployStack",
          actions: [
            "cloudformation:CreateChangeSet", "cloudformation:CreateStack",
            "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack",
            "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents",
            "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet",
            "cloudformation:GetTemplateSummary", "cloudformation:UpdateStack",
          ],
          resources: [regional("cloudformation", "stack/\(plan.ci.stackName)/*")]))
    }
    statements += ecsStatements() + logStatements() + roleStatements() + imageStatements()
    // Only a `web` service has a load balancer (and the DNS record in front of it).
    statements += networkStatements() + (plan.web == nil ? [] : loadBalancerStatements())
    statements += hardeningDeployStatements()
    statements += listenerRuleStatements()
    statements += dnsStatements() + scalingStatements()
    statements += kindDeployStatements()
    return statements
  }

  private func stateStatements(_ bucket: StateBucketPlan?) -> [BootstrapStatement] {
    guard let bucket, usesTerraform else { return [] }
    var statements = [
      BootstrapStatement(
        sid: "ListStateBucket", actions: ["s3:ListBucket"], resources: [.stateBucket]),
      BootstrapStatement(
        sid: "WriteState", actions: ["s3:GetObject", "s3:PutObject"],
        resources: [.stateObject(key: bucket.stateKey)]),
    ]
    if let lock = bucket.lockKey {
      statements.append(
        BootstrapStatement(
          sid: "LockState", actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
          resources: [.stateObject(key: lock)]))
    }
    if let table = bucket.dynamoDBTable {
      statements.append(
        BootstrapStatement(
          sid: "LockStateTable",
          actions: [
            "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem",
            "dynamodb:PutItem",
          ],
          resources: [regional("dynamodb", "table/\(table)")]))
    }
    return statements
  }

  private func ecsStatements() -> [BootstrapStatement] {
    let cluster = plan.cluster.name
    var statements: [BootstrapStatement] = []
    if case .create = plan.cluster {
      statements.append(
        BootstrapStatement(
          sid: "Cluster",
          actions: [
            "ecs:CreateCluster", "ecs:DeleteCluster", "ecs:DescribeClusters",
            "ecs:ListTagsForResource", "ecs:PutClusterCapacityProviders", "ecs:TagResource",
            "ecs:UntagResource", "ecs:UpdateCluster", "ecs:UpdateClusterSettings",
          ],
          resources: [regional("ecs", "cluster/\(cluster)")]))
    }
    if let service = plan.ecsService {
      statements.append(
        BootstrapStatement(
          sid: "Service",
          actions: [
            "ecs:CreateService", "ecs:DeleteService", "ecs:DescribeServices",
            "ecs:ListTagsForResource", "ecs:TagResource", "ecs:UntagResource",
            "ecs:UpdateService",
          ],
          resources: [regional("ecs", "service/\(cluster)/\(service.deployment.serviceName)")]))
    }
    statements += [
      BootstrapStatement(
        sid: "TagTaskDefinitions", actions: ["ecs:ListTagsForResource", "ecs:TagResource"],
        resources: [regional("ecs", "task-definition/\(plan.task.family):*")]),
      BootstrapStatement(
        sid: "TaskDefinitions",
        comment:
          "ECS authorizes registering and describing task definitions on no resource: the ARN does not exist before the call.",
        actions: [
          "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition",
          "ecs:RegisterTaskDefinition",
        ],
        resources: [.any]),
    ]
    // A job has no service: the deploy job watches no rollout and lists no tasks.
    guard plan.ecsService != nil else { return statements }
    statements += [
      BootstrapStatement(
        sid: "WatchRollout", actions: ["ecs:DescribeTasks"],
        resources: [regional("ecs", "task/\(cluster)/*")]),
      BootstrapStatement(
        sid: "ListTasks",
        comment: "ListTasks is scoped to a cluster by a condition, not by a resource.",
        actions: ["ecs:ListTasks"], resources: [.any],
        conditions: [
          BootstrapCondition(
            test: "ArnEquals", variable: "ecs:cluster",
            values: [.resource(regional("ecs", "cluster/\(cluster)"))])
        ]),
    ]
    return statements
  }

  private func logStatements() -> [BootstrapStatement] {
    let group = plan.logs.groupName
    return [
      BootstrapStatement(
        sid: "LogGroup",
        actions: [
          "logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DeleteLogGroup",
          "logs:DeleteRetentionPolicy", "logs:DisassociateKmsKey", "logs:ListTagsForResource",
          "logs:ListTagsLogGroup", "logs:PutRetentionPolicy", "logs:TagLogGroup",
          "logs:TagResource", "logs:UntagLogGroup", "logs:UntagResource",
        ],
        resources: [
          regional("logs", "log-group:\(group)"), regional("logs", "log-group:\(group):*"),
        ]),
      BootstrapStatement(
        sid: "DescribeLogGroups",
        comment: "DescribeLogGroups lists groups by prefix; CloudWatch Logs scopes it to no group.",
        actions: ["logs:DescribeLogGroups"], resources: [.any]),
    ]
  }

  private func roleStatements() -> [BootstrapStatement] {
    var statements: [BootstrapStatement] = []
    let created = createdRoles
    if !created.isEmpty {
      statements.append(
        BootstrapStatement(
          sid: "TaskRoles",
          actions: [
            "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy", "iam:GetRole", "iam:GetRolePolicy",
            "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
            "iam:ListRolePolicies", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
          ],
          resources: created))
    }
    statements += [
      BootstrapStatement(
        sid: "PassTaskRoles", actions: ["iam:PassRole"], resources: serviceRoles,
        conditions: [
          BootstrapCondition(
            test: "StringEquals", variable: "iam:PassedToService",
            values: ["ecs-tasks.amazonaws.com"])
        ]),
      BootstrapStatement(
        sid: "ServiceLinkedRoles",
        comment: serviceLinkedRolesComment,
        actions: ["iam:CreateServiceLinkedRole"],
        resources: [global("iam", "role/aws-service-role/*")],
        conditions: [
          BootstrapCondition(
            test: "StringEquals", variable: "iam:AWSServiceName",
            values: serviceLinkedRoleServices.map { .literal($0) })
        ]),
    ]
    return statements
  }

  private func imageStatements() -> [BootstrapStatement] {
    guard let repository = repositoryName else { return [] }
    return [
      BootstrapStatement(
        sid: "ImageRepository",
        actions: [
          "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
          "ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository",
          "ecr:DescribeImages", "ecr:DescribeRepositories", "ecr:GetDownloadUrlForLayer",
          "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy", "ecr:InitiateLayerUpload",
          "ecr:ListTagsForResource", "ecr:PutImage", "ecr:PutImageScanningConfiguration",
          "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource",
          "ecr:UntagResource", "ecr:UploadLayerPart",
        ],
        resources: [regional("ecr", "repository/\(repository)")]),
      BootstrapStatement(
        sid: "RegistryLogin",
        comment: "An ECR login token is for the whole registry; the action takes no resource.",
        actions: ["ecr:GetAuthorizationToken"], resources: [.any]),
      BootstrapStatement(
        sid: "RepositoryEncryption",
        comment:
          "A KMS-encrypted repository makes ECR create a grant on the AWS managed key, whose id is not known in advance; only through ECR.",
        actions: ["kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"], resources: [.any],
        conditions: [
          BootstrapCondition(
            test: "StringEquals", variable: "kms:ViaService",
            values: [.serviceEndpoint("ecr")])
        ]),
    ]
  }

  private func networkStatements() -> [BootstrapStatement] {
    return [
      BootstrapStatement(
        sid: "DescribeNetwork",
        comment: "EC2 Describe actions take no resource.",
        actions: [
          "ec2:DescribeAccountAttributes", "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets",
          "ec2:DescribeVpcs",
        ],
        resources: [.any])
    ] + createSecurityGroups() + [
      BootstrapStatement(
        sid: "TagNewSecurityGroups", actions: ["ec2:CreateTags"],
        resources: [
          regional("ec2", "security-group/*"), regional("ec2", "security-group-rule/*"),
        ],
        conditions: [
          BootstrapCondition(
            test: "StringEquals", variable: "ec2:CreateAction",
            values: [
              "AuthorizeSecurityGroupEgress", "AuthorizeSecurityGroupIngress",
              "CreateSecurityGroup",
            ])
        ]),
      BootstrapStatement(
        sid: "ChangeSecurityGroups",
        comment: "Only groups that carry this service's \(taggedBy).",
        actions: [
          "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress",
          "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags",
          "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupEgress",
          "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
          "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
        ],
        resources: [regional("ec2", "security-group/*")],
        conditions: tagConditions("aws:ResourceTag")),
      BootstrapStatement(
        sid: "SecurityGroupRules",
        comment:
          "Rules get generated ids and exist only inside a group, which the statement above scopes.",
        actions: [
          "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress",
          "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupEgress",
          "ec2:RevokeSecurityGroupIngress",
        ],
        resources: [regional("ec2", "security-group-rule/*")]),
    ]
  }

  /// The services whose service-linked role the first apply in an account may create: ECS
  /// always; Application Auto Scaling when the service scales; Elastic Load Balancing only for
  /// `web` (every web plan keeps the three, as before the other kinds existed).
  private var serviceLinkedRoleServices: [String] {
    if plan.web != nil {
      return [
        "ecs.amazonaws.com", "ecs.application-autoscaling.amazonaws.com",
        "elasticloadbalancing.amazonaws.com",
      ]
    }
    return ["ecs.amazonaws.com"]
      + (plan.ecsService?.scaling == nil ? [] : ["ecs.application-autoscaling.amazonaws.com"])
  }

  private var serviceLinkedRolesComment: String {
    if plan.web != nil {
      return
        "The first ECS service, load balancer or scaling target of an account creates AWS's service-linked roles."
    }
    return plan.ecsService?.scaling == nil
      ? "The first ECS cluster of an account creates ECS's service-linked role."
      : "The first ECS service or scaling target of an account creates AWS's service-linked roles."
  }

  private func loadBalancerStatements() -> [BootstrapStatement] {
    // Every generation of the load balancer and target group: a replacing change gives them a new
    // hash suffix (ResourceNames), and the role must be able to create the new one.
    let balancer = names.loadBalancerNamePrefix + "*"
    let targetGroup = names.targetGroupNamePrefix + "*"
    return [
      BootstrapStatement(
        sid: "LoadBalancer",
        comment:
          "Load balancer, target group and listener ARNs end in ids AWS generates: scoped by name, the id left open.",
        actions: [
          "elasticloadbalancing:AddTags", "elasticloadbalancing:CreateListener",
          "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup",
          "elasticloadbalancing:DeleteListener", "elasticloadbalancing:DeleteLoadBalancer",
          "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListener",
          "elasticloadbalancing:ModifyListenerAttributes",
          "elasticloadbalancing:ModifyLoadBalancerAttributes",
          "elasticloadbalancing:ModifyTargetGroup",
          "elasticloadbalancing:ModifyTargetGroupAttributes",
          "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetSecurityGroups",
          "elasticloadbalancing:SetSubnets",
        ],
        resources: [
          regional("elasticloadbalancing", "loadbalancer/app/\(balancer)/*"),
          regional("elasticloadbalancing", "listener/app/\(balancer)/*"),
          regional("elasticloadbalancing", "targetgroup/\(targetGroup)/*"),
        ]),
      BootstrapStatement(
        sid: "DescribeLoadBalancers",
        comment: "Elastic Load Balancing Describe actions take no resource.",
        actions: [
          "elasticloadbalancing:DescribeListenerAttributes",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancerAttributes",
          "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTags",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetHealth",
        ],
        resources: [.any]),
    ]
  }

  /// The alias record of `load_balancer.domain`: only that name and type in that zone.
  private func dnsStatements() -> [BootstrapStatement] {
    guard let record = plan.ownLoadBalancer?.loadBalancer.aliasRecord else { return [] }
    return [
      BootstrapStatement(
        sid: "AliasRecord", actions: ["route53:ChangeResourceRecordSets"],
        resources: [
          .accountless(service: "route53", resource: "hostedzone/\(record.hostedZoneID)")
        ],
        conditions: [
          BootstrapCondition(
            test: "ForAllValues:StringEquals",
            variable: "route53:ChangeResourceRecordSetsNormalizedRecordNames",
            values: [.literal(record.name)]),
          BootstrapCondition(
            test: "ForAllValues:StringEquals",
            variable: "route53:ChangeResourceRecordSetsRecordTypes", values: [.literal(record.type)]
          ),
        ]),
      BootstrapStatement(
        sid: "ReadHostedZone",
        actions: ["route53:GetHostedZone", "route53:ListResourceRecordSets"],
        resources: [.accountless(service: "route53", resource: "hostedzone/\(record.hostedZoneID)")]
      ),
      BootstrapStatement(
        sid: "WaitForRecord", comment: "A change's id is generated by Route 53.",
        actions: ["route53:GetChange"],
        resources: [.accountless(service: "route53", resource: "change/*")]),
    ]
  }

  private func scalingStatements() -> [BootstrapStatement] {
    guard plan.ecsService?.scaling != nil else { return [] }
    return [
      BootstrapStatement(
        sid: "Scaling",
        comment:
          "A scalable target's ARN holds an id Application Auto Scaling generates, and its actions take no name condition.",
        actions: [
          "application-autoscaling:DeleteScalingPolicy",
          "application-autoscaling:DeregisterScalableTarget",
          "application-autoscaling:DescribeScalableTargets",
          "application-autoscaling:DescribeScalingPolicies",
          "application-autoscaling:ListTagsForResource",
          "application-autoscaling:PutScalingPolicy",
          "application-autoscaling:RegisterScalableTarget",
          "application-autoscaling:TagResource", "application-autoscaling:UntagResource",
          "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm",
        ],
        resources: [.any])
    ]
  }

  /// Terraform passes the tags in the create call, so creation can be scoped by the Service tag.
  /// CloudFormation's security group may tag the group in a second call, after creating it, which
  /// a tag condition would refuse: there, creating and tagging groups is left unconditioned.
  private func createSecurityGroups() -> [BootstrapStatement] {
    let resources = [regional("ec2", "security-group/*"), regional("ec2", "vpc/*")]
    guard usesTerraform else {
      return [
        BootstrapStatement(
          sid: "CreateSecurityGroups",
          comment:
            "A security group's ARN holds its generated id, and CloudFormation may tag a group after creating it, so neither creating nor tagging can be scoped by name or tag.",
          actions: ["ec2:CreateSecurityGroup"], resources: resources),
        BootstrapStatement(
          sid: "TagSecurityGroups", actions: ["ec2:CreateTags"],
          resources: [regional("ec2", "security-group/*")]),
      ]
    }
    return [
      BootstrapStatement(
        sid: "CreateSecurityGroups",
        comment:
          "A security group's ARN holds its generated id, so creation is scoped by the \(taggedBy) it must carry.",
        actions: ["ec2:CreateSecurityGroup"], resources: resources,
        conditions: tagConditions("aws:RequestTag"))
    ]
  }
}
