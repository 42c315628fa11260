/// The ECS cluster the service runs in.
public enum ClusterPlan: Sendable, Equatable, Codable {
  /// ecsgen creates the cluster, with Container Insights on.
  case create(name: String, containerInsights: Bool)
  /// The service joins a cluster that already exists.
  case existing(name: String)

  public var name: String {
    switch self {
    case .create(let name, _), .existing(let name): name
    }
  }
}

/// Where the image comes from.
public enum ImagePlan: Sendable, Equatable, Codable {
  /// A reference pulled as it is.
  case external(reference: String)
  /// Built by the deploy workflow and pushed to an ECR repository that ecsgen creates; the tag is
  /// an input (the workflow passes the commit SHA).
  case built(BuiltImagePlan)
}

public struct BuiltImagePlan: Sendable, Equatable, Codable {
  public var repositoryName: String
  public var buildContext: String
  /// Nil: the Dockerfile in the build context.
  public var dockerfile: String?
  public var tagInput: PlanInput
  /// Scan every pushed image for vulnerabilities.
  public var scanOnPush: Bool
  /// Tags can never be overwritten, so a deployed tag always means the same image.
  public var immutableTags: Bool
  /// Encrypt images with KMS (the AWS managed key) rather than ECR's default AES-256.
  public var kmsEncryption: Bool
  /// The repository's lifecycle policy, in priority order.
  public var lifecycleRules: [ImageLifecycleRule]
  /// Destroying the infrastructure deletes the repository with its images (`force_delete`,
  /// `EmptyOnDelete`); when false, a repository holding images stops the destroy.
  public var deleteImagesOnDestroy: Bool
}

/// One rule of an ECR lifecycle policy: which images it selects and that it expires them.
public struct ImageLifecycleRule: Sendable, Equatable, Codable {
  public var priority: Int
  public var description: String
  /// `untagged`, `tagged` or `any`.
  public var tagStatus: String
  /// `sinceImagePushed` (with `countUnit`) or `imageCountMoreThan`.
  public var countType: String
  public var countUnit: String?
  public var countNumber: Int
}

/// The task definition, its main container and its sidecars.
public struct TaskPlan: Sendable, Equatable, Codable {
  public var family: String
  public var containerName: String
  public var cpuUnits: Int
  public var memoryMiB: Int
  /// `X86_64` or `ARM64`, as ECS names them.
  public var cpuArchitecture: String
  public var operatingSystemFamily: String
  /// GiB; nil keeps Fargate's default 20 GiB.
  public var ephemeralStorageGiB: Int?
  /// Nil for a container that listens on no port (a `worker`, a `job`, a `backend` without one).
  public var containerPort: Int?
  public var command: [String]?
  public var entrypoint: [String]?
  /// Sorted by name.
  public var environment: [EnvironmentVariable]
  /// Sorted by name.
  public var secrets: [SecretPlan]
  public var healthCheck: ContainerHealthCheckPlan?
  public var stopTimeoutSeconds: Int
  public var readOnlyRootFilesystem: Bool
  /// The task's further containers, in spec order.
  public var sidecars: [SidecarPlan]
  /// The main container's dependencies on other containers, in spec order.
  public var dependsOn: [ContainerDependencyPlan]
  /// EFS volumes of the task, each mounted into the main container, in the order written.
  public var volumes: [EFSVolumePlan] = []
}

public struct EnvironmentVariable: Sendable, Equatable, Codable {
  public var name: String
  public var value: String
}

/// One secret injected as an environment variable.
public struct SecretPlan: Sendable, Equatable, Codable {
  public var name: String
  /// What ECS reads (`valueFrom`): the reference as the user wrote it.
  public var valueFrom: String
  /// What the execution role must be allowed to read.
  public var source: SecretSource
}

/// The resource a secret is read from, for IAM.
public enum SecretSource: Sendable, Equatable, Codable {
  /// An SSM parameter by path in the deployment's own account and region (`/orders/db-password`).
  case ssmParameterPath(String)
  /// An SSM parameter ARN.
  case ssmParameterARN(String)
  /// A Secrets Manager secret ARN without any JSON-key suffix.
  case secretsManagerARN(String)
}

/// The health check ECS runs inside the container.
public struct ContainerHealthCheckPlan: Sendable, Equatable, Codable {
  /// ECS form: `["CMD-SHELL", "..."]` or `["CMD", ...]`.
  public var command: [String]
  public var intervalSeconds: Int
  public var timeoutSeconds: Int
  public var retries: Int
  public var startPeriodSeconds: Int
}

/// CloudWatch Logs for the container.
public struct LogPlan: Sendable, Equatable, Codable {
  public var groupName: String
  public var retentionDays: Int
  public var kmsKeyARN: String?
  /// The awslogs stream prefix; streams are named PREFIX/CONTAINER/TASK_ID.
  public var streamPrefix: String
  /// Keep the log group (and its history) when the infrastructure is destroyed or the group is
  /// replaced (`logs.on_destroy: keep`). A kept group keeps its name, so creating the service
  /// again must adopt it (README, "What destroy keeps").
  public var keepOnDestroy: Bool
  /// When creating the service finds a group of this name (kept by an earlier destroy), take it
  /// over instead of failing with `ResourceAlreadyExistsException`: Terraform imports it when it
  /// exists (an `import` block, Terraform 1.7); CloudFormation adopts it when the stack is created
  /// with `--import-existing-resources`, which its fixed name and retain policy allow.
  public var adoptExisting: Bool
}
