import ECSGenPlan

/// The plan plus the CloudFormation spellings every resource needs: logical ids, parameters for
/// open inputs, and ARNs built from pseudo parameters instead of hard-coded accounts and regions.
struct CloudFormationContext {
  let plan: DeploymentPlan

  /// Logical ids, PascalCase and stable: renaming one replaces the resource.
  enum ID {
    static let cluster = "Cluster"
    static let logGroup = "LogGroup"
    static let taskRole = "TaskRole"
    static let executionRole = "ExecutionRole"
    static let repository = "Repository"
    static let taskDefinition = "TaskDefinition"
    static let loadBalancerSecurityGroup = "LoadBalancerSecurityGroup"
    static let taskSecurityGroup = "TaskSecurityGroup"
    static let taskIngressFromLoadBalancer = "TaskSecurityGroupIngressFromLoadBalancer"
    static let loadBalancer = "LoadBalancer"
    static let targetGroup = "TargetGroup"
    /// The rule on a shared listener (`load_balancer.listener_arn`).
    static let listenerRule = "ListenerRule"
    static let dnsRecord = "DnsRecord"
    static let webACLAssociation = "WebACLAssociation"
    static let accessLogBucket = "AccessLogBucket"
    static let accessLogBucketPolicy = "AccessLogBucketPolicy"
    static let service = "Service"
    static let scalableTarget = "ScalableTarget"
    static let queue = "Queue"
    static let deadLetterQueue = "DeadLetterQueue"
    static let stateMachine = "StateMachine"
    static let eventRule = "EventRule"
    static let queuePolicy = "QueuePolicy"
    static let deadLetterQueuePolicy = "DeadLetterQueuePolicy"
    static let backlogScalingPolicy = "BacklogScalingPolicy"
    static let wakeUpScalingPolicy = "WakeUpScalingPolicy"
    static let wakeUpAlarm = "WakeUpAlarm"
    static let stateMachineLogGroup = "StateMachineLogGroup"
    static let stateMachineRole = "StateMachineRole"
    static let invokeRole = "InvokeRole"
    static let schedule = "Schedule"

    /// `orders_events` → `OrdersEventsSubscription`: the subscription's plan key in PascalCase,
    /// so that adding a topic never renames another topic's subscription.
    static func subscription(_ subscription: QueueSubscriptionPlan) -> String {
      subscription.key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        .joined() + "Subscription"
    }

    static func listener(_ listener: ListenerPlan) -> String {
      listener.role.prefix(1).uppercased() + listener.role.dropFirst() + "Listener"
    }

    static func scalingPolicy(_ policy: ScalingPolicyPlan) -> String {
      switch policy.metric {
      case .cpu: "CpuScalingPolicy"
      case .memory: "MemoryScalingPolicy"
      case .requestCountPerTarget: "RequestCountScalingPolicy"
      }
    }
  }

  /// For a built image: the condition that the image tag is given. The first deploy leaves it
  /// empty, so that the stack creates the ECR repository before the workflow pushes the first
  /// image; the task definition, the service and its scaling wait for a tag.
  var serviceCondition: String? {
    if case .built = plan.image { return "HasImageTag" }
    return nil
  }

  func value(_ configurable: Configurable<String>) -> JSONValue {
    switch configurable {
    case .fixed(let value): .string(value)
    case .input(let input): Intrinsic.ref(input.pascalCaseName)
    }
  }

  func value(_ configurable: Configurable<[String]>) -> JSONValue {
    switch configurable {
    case .fixed(let values): .array(values.map(JSONValue.string))
    case .input(let input): Intrinsic.ref(input.pascalCaseName)
    }
  }

  /// The cluster's name: a `Ref` to the created cluster, or the existing name.
  var clusterName: JSONValue {
    switch plan.cluster {
    case .create: Intrinsic.ref(ID.cluster)
    case .existing(let name): .string(name)
    }
  }

  var clusterNamePart: SubPart {
    switch plan.cluster {
    case .create: .variable(ID.cluster)
    case .existing(let name): .literal(name)
    }
  }

  func role(_ role: RolePlan, id: String) -> JSONValue {
    switch role {
    case .existing(let arn): .string(arn)
    case .create: Intrinsic.getAtt(id, "Arn")
    }
  }

  var image: JSONValue {
    switch plan.image {
    case .external(let reference): .string(reference)
    case .built(let built):
      Intrinsic.sub([
        .variable("\(ID.repository).RepositoryUri"), .literal(":"),
        .variable(built.tagInput.pascalCaseName),
      ])
    }
  }

  func managedPolicyARN(_ policy: ManagedPolicy) -> JSONValue {
    switch policy {
    case .arn(let arn): .string(arn)
    case .awsManaged(let name):
      Intrinsic.sub([
        .literal("arn:"), .variable(Intrinsic.partition), .literal(":iam::aws:policy/\(name)"),
      ])
    }
  }

  func policyResource(_ resource: PolicyResource) -> JSONValue {
    switch resource {
    case .literal(let arn): .string(arn)
    case .ssmParameter(let path):
      Intrinsic.sub([
        .literal("arn:"), .variable(Intrinsic.partition), .literal(":ssm:"),
        .variable(Intrinsic.region), .literal(":"), .variable(Intrinsic.accountID),
        .literal(":parameter\(path)"),
      ])
    case .accountResource(let service, let path):
      Intrinsic.sub([
        .literal("arn:"), .variable(Intrinsic.partition), .literal(":\(service):"),
        .variable(Intrinsic.region), .literal(":"), .variable(Intrinsic.accountID),
        .literal(":\(path)"),
      ])
    case .created(let reference): self.reference(reference)
    case .accountID: Intrinsic.ref(Intrinsic.accountID)
    }
  }

  /// A value of the deployed infrastructure that the plan refers to, as CloudFormation JSON.
  func reference(_ reference: PlanReference) -> JSONValue {
    switch reference {
    case .clusterARN:
      switch plan.cluster {
      case .create: Intrinsic.getAtt(ID.cluster, "Arn")
      case .existing(let name):
        Intrinsic.sub([
          .literal("arn:"), .variable(Intrinsic.partition), .literal(":ecs:"),
          .variable(Intrinsic.region), .literal(":"), .variable(Intrinsic.accountID),
          .literal(":cluster/\(name)"),
        ])
      }
    case .taskDefinitionARN: Intrinsic.ref(ID.taskDefinition)
    case .taskSubnetIDs: value(plan.network.taskSubnetIDs)
    case .taskSecurityGroupIDs:
      .array(
        [Intrinsic.getAtt(ID.taskSecurityGroup, "GroupId")]
          + plan.network.extraTaskSecurityGroupIDs.map(JSONValue.string))
    case .taskRoleARN: role(plan.roles.task, id: ID.taskRole)
    case .executionRoleARN: role(plan.roles.execution, id: ID.executionRole)
    case .queueARN: Intrinsic.getAtt(ID.queue, "Arn")
    case .queueURL: Intrinsic.ref(ID.queue)
    case .deadLetterQueueARN: Intrinsic.getAtt(ID.deadLetterQueue, "Arn")
    case .stateMachineARN: Intrinsic.ref(ID.stateMachine)
    case .eventRuleARN: Intrinsic.getAtt(ID.eventRule, "Arn")
    }
  }

  /// The spec's tags plus ecsgen's, in the `[{Key, Value}]` form most resource types take.
  var tags: JSONValue {
    .array(
      plan.tags.map {
        .object([JSONMember("Key", .string($0.key)), JSONMember("Value", .string($0.value))])
      })
  }
}

/// What CloudFormation does with a resource that leaves the stack, written only on resources that
/// hold data.
enum Retention {
  /// `DeletionPolicy` `RetainExceptOnCreate`: kept when the stack is deleted or the resource
  /// replaced, but removed when the stack's first create rolls back, so that a failed first
  /// create leaves nothing behind that blocks the next one. `UpdateReplacePolicy` `Retain`.
  case keep
  /// `Delete` for both, written so that the choice is visible (and cfn-lint's reminder about
  /// resources that hold data is answered).
  case delete
}

/// One resource: `Type`, then `Condition`, `DependsOn` and the deletion policies when needed, then
/// `Properties`.
func resource(
  _ type: String, condition: String? = nil, dependsOn: [String] = [], retention: Retention? = nil,
  _ properties: [String: JSONValue]
) -> JSONValue {
  var members = [JSONMember("Type", .string(type))]
  if let condition { members.append(JSONMember("Condition", .string(condition))) }
  if !dependsOn.isEmpty {
    members.append(JSONMember("DependsOn", .array(dependsOn.map(JSONValue.string))))
  }
  switch retention {
  case .keep?:
    members.append(JSONMember("DeletionPolicy", .string("RetainExceptOnCreate")))
    members.append(JSONMember("UpdateReplacePolicy", .string("Retain")))
  case .delete?:
    members.append(JSONMember("DeletionPolicy", .string("Delete")))
    members.append(JSONMember("UpdateReplacePolicy", .string("Delete")))
  case nil: break
  }
  members.append(JSONMember("Properties", .sorted(properties)))
  return .object(members)
}
