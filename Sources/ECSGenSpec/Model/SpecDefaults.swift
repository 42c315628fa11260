/// The defaults of spec v1, in one place: validation uses them to check a value against its
/// neighbours (a `timeout` against the default `interval`), and the plan resolver applies them.
/// The README's spec reference documents the same numbers.
public enum SpecDefaults {
  public static let version = 1
  public static let kind = ServiceKind.web
  public static let cpuUnits = 256
  public static let memoryMiB = 512
  public static let platform = Platform.linuxAMD64

  public enum HealthCheck {
    public static let path = "/"
    public static let intervalSeconds = 30
    public static let timeoutSeconds = 5
    public static let healthyThreshold = 3
    public static let unhealthyThreshold = 3
    public static let successCodes = "200"
    public static let gracePeriodSeconds = 60
  }

  public enum ContainerHealthCheck {
    public static let intervalSeconds = 30
    public static let timeoutSeconds = 5
    public static let retries = 3
    public static let startPeriodSeconds = 0
  }

  public enum LoadBalancer {
    public static let isPublic = true
    public static let idleTimeoutSeconds = 60
    /// AWS's recommended policy for new listeners: TLS 1.3 and 1.2 only, forward-secret ciphers.
    public static let sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
    public static let deregistrationDelaySeconds = 60
    /// `stickiness: true` means one day, the load balancer's own default cookie duration.
    public static let stickinessSeconds = 86_400
    public static let publicCIDR = "0.0.0.0/0"
    /// Off, so that destroying the service works without a first apply that turns it off.
    public static let deletionProtection = false
    /// How long a created access-log bucket keeps the logs.
    public static let accessLogExpirationDays = 365
  }

  public enum Logs {
    public static func group(forService name: String) -> String { "/ecs/\(name)" }
    public static let retentionDays = 30
    /// Delete: a group kept under its fixed name makes the next create of the same service fail
    /// (`ResourceAlreadyExistsException`), so keeping it is a choice made in the spec, with the
    /// re-create steps the README gives.
    public static let onDestroy = OnDestroy.delete
  }

  public enum Image {
    /// A repository that holds images is not deleted unless the spec says so: images are what a
    /// rollback or an audit needs.
    public static let deleteImagesOnDestroy = false
  }

  public enum Autoscaling {
    public static let scaleInCooldownSeconds = 300
    public static let scaleOutCooldownSeconds = 60
  }

  public enum Deployment {
    public static let minHealthyPercent = 100
    public static let maxPercent = 200
    public static let rollback = true
  }

  /// Tags ecsgen adds to every resource, so that a spec may not set them itself.
  public enum Tags {
    public static let managedByKey = "ManagedBy"
    public static let managedByValue = "ecsgen"
    public static let serviceKey = "Service"
    public static var addedKeys: [String] { [managedByKey, serviceKey] }
    /// Added too when the spec has `environments:`, with the environment's name.
    public static let environmentKey = "Environment"
    /// The tags ecsgen adds to every resource of a spec with (`environment` set) or without
    /// environments.
    public static func addedKeys(environment: String?) -> [String] {
      environment == nil ? addedKeys : addedKeys + [environmentKey]
    }
  }

  /// `kind: worker`.
  public enum Queue {
    public static let urlEnvironmentName = "QUEUE_URL"
    /// 4 days, SQS's own default.
    public static let retentionSeconds = 345_600
    public static let maxReceiveCount = 5
    /// A stopping worker has `stop_timeout` to finish its message; 30 s more covers the receive
    /// and the delete around it.
    public static func visibilityTimeoutSeconds(stopTimeout: Int) -> Int {
      max(30, stopTimeout + 30)
    }
    /// The dead-letter queue keeps messages for 14 days, the most SQS allows.
    public static let deadLetterRetentionSeconds = 1_209_600
    /// Target visible messages per running task when `autoscaling` names no target.
    public static let messagesPerTask = 100
  }

  /// `kind: job`.
  public enum Job {
    public static let eventEnvironmentName = "ECSGEN_EVENT"
    public static let bus = "default"
    public static let timeZone = "UTC"
    public static let retries = 2
    /// 1 hour.
    public static let maxEventAgeSeconds = 3_600
  }

  public static let count = 1
  public static let stopTimeoutSeconds = 30
  public static let readOnlyRootFilesystem = false
  public static let assignPublicIP = false
  /// ECS Exec is off unless asked for: a shell into running tasks is a choice, not a default.
  public static let exec = false
  /// An EFS volume is mounted read-write unless `read_only: true`.
  public static let volumeReadOnly = false

  public enum CI {
    public static let branch = "main"
    public static let deployWith = DeployTool.terraform
    /// The repository variable the workflow reads the deploy role from when `ci.role_arn` is absent.
    public static let roleVariable = "ECSGEN_DEPLOY_ROLE_ARN"
    /// The repository variable holding the read-only role that pull requests plan with.
    public static let planRoleVariable = "ECSGEN_PLAN_ROLE_ARN"
    /// The repository variables naming the ecsgen the review job builds: a git URL and a full
    /// commit SHA. They have no default: ecsgen cannot know which fork or mirror a team uses.
    public static let toolRepositoryVariable = "ECSGEN_REPOSITORY"
    public static let toolRefVariable = "ECSGEN_REF"
  }

  /// Where a deploy workflow keeps Terraform state when the spec names no backend: a partial S3
  /// backend whose bucket and region come from these repository variables, one key per service.
  public enum TerraformState {
    public static let bucketVariable = "ECSGEN_STATE_BUCKET"
    public static let regionVariable = "ECSGEN_STATE_REGION"
    /// One object per service, so that all services of a repository can share one bucket.
    public static func key(forService name: String) -> String { "ecsgen/\(name)/terraform.tfstate" }
    /// One object per service and environment: each environment is its own root configuration
    /// with its own state, so a plan or apply of one never touches another.
    public static func key(forService name: String, environment: String?) -> String {
      guard let environment else { return key(forService: name) }
      return "ecsgen/\(name)/\(environment)/terraform.tfstate"
    }
  }
}

extension SpecDefaults {
  /// A repository variable's name for one environment of a spec with `environments:`:
  /// `BASE_ENV`, the environment upper-cased with `-` as `_` (`ECSGEN_STATE_BUCKET_PROD`); `BASE`
  /// without an environment. Pull requests plan outside any GitHub environment, so what differs
  /// per environment and a plan needs is a repository variable of its own.
  public static func repositoryVariable(_ base: String, environment: String?) -> String {
    guard let environment else { return base }
    return base + "_" + String(environment.uppercased().map { $0 == "-" ? "_" : $0 })
  }
}
