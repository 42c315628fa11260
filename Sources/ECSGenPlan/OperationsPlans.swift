/// The ECS service and its rolling deployments.
public struct ServiceDeploymentPlan: Sendable, Equatable, Codable {
  public var serviceName: String
  public var desiredCount: Int
  public var minimumHealthyPercent: Int
  public var maximumPercent: Int
  public var circuitBreakerRollback: Bool
  /// Nil for a service without a load balancer: ECS refuses a grace period there.
  public var healthCheckGracePeriodSeconds: Int?
  public var launchType: String
  public var platformVersion: String
  /// Tag tasks with the service's tags (`SERVICE`) and ECS's own cluster and service tags, so
  /// that costs and resources can be traced to the service.
  public var propagateTagsFrom: String
  public var ecsManagedTags: Bool
  /// `ENABLED`: ECS moves tasks back into an Availability Zone that lost them. Set explicitly
  /// because the two tools disagree when it is absent: provider 5.100 sends `DISABLED`, while
  /// CloudFormation omits it and ECS then enables it for a new service.
  public var availabilityZoneRebalancing: String
  /// ECS Exec (`exec:`): off unless asked for, since a shell into production tasks is a choice,
  /// not a default. When on, the task role may open the SSM message channels the agent uses.
  public var enableExecuteCommand: Bool
  /// `REPLICA`: the only strategy Fargate supports, written so that neither tool's default decides.
  public var schedulingStrategy: String
  /// `ECS`: rolling deployments with the circuit breaker (no CodeDeploy).
  public var deploymentController: String
  /// Terraform only: whether `apply` waits for the service to be stable. Off, because the deploy
  /// workflow waits and reads the rollout itself after the apply; CloudFormation always waits for
  /// a service it creates or updates, which has no switch.
  public var terraformWaitsForSteadyState: Bool
  /// Fargate Spot: the capacity provider strategy that replaces `launchType`; nil: FARGATE.
  public var capacity: CapacityPlan? = nil
  /// CloudWatch alarms that fail (and roll back) a deployment; nil: none.
  public var deploymentAlarms: DeploymentAlarmsPlan? = nil
  /// With ECS Exec on: the `aws ecs execute-command` line that opens a shell in a task of the
  /// service (an output of both renderers; `TASK_ID` is for the user to fill in). Nil when off.
  public var executeCommand: String? = nil
}

/// Application Auto Scaling of the service's desired count.
public struct ScalingPlan: Sendable, Equatable, Codable {
  public var minCapacity: Int
  public var maxCapacity: Int
  /// `service/CLUSTER/SERVICE`.
  public var resourceID: String
  public var scalableDimension: String
  public var serviceNamespace: String
  public var policies: [ScalingPolicyPlan]
}

public struct ScalingPolicyPlan: Sendable, Equatable, Codable {
  public enum Metric: String, Sendable, Equatable, Codable {
    case cpu = "ECSServiceAverageCPUUtilization"
    case memory = "ECSServiceAverageMemoryUtilization"
    /// Needs the `app/LB/ID/targetgroup/TG/ID` resource label, built from the two resources.
    case requestCountPerTarget = "ALBRequestCountPerTarget"
  }

  public var name: String
  public var metric: Metric
  public var targetValue: Int
  public var scaleInCooldownSeconds: Int
  public var scaleOutCooldownSeconds: Int
}

/// Settings of the generated Terraform root configuration.
public struct TerraformSettings: Sendable, Equatable, Codable {
  public var state: TerraformState
}

/// Where Terraform keeps state: decided once here, so that `versions.tf`, the workflow's
/// `terraform init` and the bootstrap's role policies agree.
public enum TerraformState: Sendable, Equatable, Codable {
  /// The spec's `terraform.backend.s3`, written out in full.
  case specified(backend: S3BackendPlan)
  /// A partial `backend "s3"` block: the key and the lock are written in `versions.tf`, the
  /// bucket and region come from `terraform init -backend-config`, which the workflow fills from
  /// repository variables.
  case partialS3(backend: PartialS3StatePlan)
  /// `terraform.backend: local`: state in a file beside the configuration. Only allowed when no
  /// workflow runs Terraform (validation makes it an error otherwise).
  case local
}

/// The S3 backend whose bucket and region are passed at `terraform init`.
public struct PartialS3StatePlan: Sendable, Equatable, Codable {
  /// The state object, one per service, so that all services of a repository share a bucket.
  public var key: String
  /// The repository variables that hold the bucket and its region.
  public var bucketVariable: String
  public var regionVariable: String
  /// S3's own lock file (`KEY.tflock`), Terraform 1.10 and newer: no DynamoDB table to create.
  public var useLockfile: Bool
  public var encrypt: Bool

  public init(
    key: String, bucketVariable: String, regionVariable: String, useLockfile: Bool, encrypt: Bool
  ) {
    self.key = key
    self.bucketVariable = bucketVariable
    self.regionVariable = regionVariable
    self.useLockfile = useLockfile
    self.encrypt = encrypt
  }
}

extension TerraformState {
  /// Whether the state lock is an S3 lock file, which needs Terraform 1.10.
  public var usesLockfile: Bool {
    switch self {
    case .specified(let backend): backend.useLockfile
    case .partialS3(let partial): partial.useLockfile
    case .local: false
    }
  }
}

public struct S3BackendPlan: Sendable, Equatable, Codable {
  public var bucket: String
  public var key: String
  public var region: String
  public var dynamoDBTable: String?
  public var useLockfile: Bool
  /// Always on: state holds secrets' references and resource ids.
  public var encrypt: Bool
}

/// The deploy workflow.
public struct CIPlan: Sendable, Equatable, Codable {
  public enum Role: Sendable, Equatable, Codable {
    case arn(String)
    /// Read from this repository variable at run time.
    case repositoryVariable(String)
  }

  public var role: Role
  /// The repository variable holding the read-only role pull requests plan with.
  public var planRoleVariable: String
  public var branch: String
  public var environment: String?
  public var deployWith: String
  /// The workflow's file name (`deploy-NAME.yml`).
  public var workflowFileName: String
  /// The runner that builds and deploys: an ARM runner for arm64 images, so that the image is
  /// built natively instead of under emulation.
  public var runner: String
  /// The runner of the pull-request review, which builds ecsgen and plans but builds no image.
  public var reviewRunner: String
  /// One group per service and environment; a running deploy is never cancelled.
  public var deployConcurrencyGroup: String
  /// Prefix of the review jobs' groups (one per pull request; a newer push cancels the review).
  public var reviewConcurrencyGroupPrefix: String
  /// The stack name the CloudFormation path deploys.
  public var stackName: String
  /// Where the review job gets ecsgen from.
  public var toolSource: ToolSourcePlan
  /// The Terraform output that records the image tag of the last apply, which the review job
  /// plans with so that a pull request shows only infrastructure changes; nil when the spec names
  /// its image (there is no tag to choose).
  public var deployedImageTagOutput: String?
}
