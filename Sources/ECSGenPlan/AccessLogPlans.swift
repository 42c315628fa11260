/// Where the load balancer writes its access logs (`load_balancer.access_logs`).
public struct AccessLogsPlan: Sendable, Equatable, Codable {
  public var bucket: AccessLogBucketPlan
  /// The key prefix ELB writes under (it adds `/AWSLogs/ACCOUNT/...` itself); nil: none.
  public var prefix: String?
}

public enum AccessLogBucketPlan: Sendable, Equatable, Codable {
  /// A bucket the spec names; its owner gives ELB the right to write to it.
  case existing(name: String)
  /// A bucket ecsgen creates for the logs.
  case created(CreatedLogBucketPlan)

  /// The bucket ecsgen creates, or nil for an existing one.
  public var created: CreatedLogBucketPlan? {
    if case .created(let bucket) = self { return bucket }
    return nil
  }
}

/// A part of a name or key that renderers assemble: text, or this account's id (known only when
/// the infrastructure is applied).
public enum NamePart: Sendable, Equatable, Codable {
  case literal(String)
  case accountID
}

/// The access-log bucket ecsgen creates, with everything the log-delivery and the security
/// baseline need.
public struct CreatedLogBucketPlan: Sendable, Equatable, Codable {
  /// `SERVICE-lblogs-ACCOUNT-REGION` (`ResourceNames.accessLogBucket`): S3 names are global, and
  /// the account and region make it unique without a random part.
  public var name: [NamePart]
  /// The keys ELB writes, below the bucket: `PREFIX/AWSLogs/ACCOUNT/*`.
  public var logObjects: [NamePart]
  /// Who ELB writes the logs as in the bucket's region (`ELBLogDelivery`).
  public var logDelivery: ELBLogDelivery.Principal
  /// `AES256` (SSE-S3): ALB access logs support no other bucket encryption (not SSE-KMS).
  public var encryption: String
  /// `BucketOwnerEnforced`: ACLs off, the account owns every object.
  public var objectOwnership: String
  /// Every public-access block setting on.
  public var blockPublicAccess: Bool
  public var versioning: Bool
  /// Log objects expire after this many days.
  public var expirationDays: Int
  /// Versions replaced or deleted expire after this many days.
  public var noncurrentExpirationDays: Int
  /// Incomplete multipart uploads are aborted after this many days.
  public var abortIncompleteUploadDays: Int
  /// The policy denies every request not made over TLS.
  public var requireTLS: Bool
  /// The identifiers inside the bucket's own configuration, decided here so that Terraform and
  /// CloudFormation write the same ones: the lifecycle rule's `id`, and the `Sid` of the
  /// policy's TLS statement and of its log-delivery statement.
  public var lifecycleRuleID: String
  public var tlsStatementID: String
  public var logDeliveryStatementID: String
  /// Terraform deletes the bucket with its logs on destroy (`force_destroy`), so that destroy and
  /// apply again work, as `logs.on_destroy: delete` does for the log group.
  public var forceDestroy: Bool
  /// CloudFormation cannot delete a bucket that holds objects: the stack keeps it
  /// (`RetainExceptOnCreate`), and the deploy workflow creates a new stack with
  /// `--import-existing-resources`, which adopts the kept bucket by its fixed name.
  public var keepInCloudFormation: Bool
}

extension DeploymentPlan {
  /// Whether creating the CloudFormation stack must adopt an access-log bucket that an earlier
  /// stack of this service kept when it was deleted (`--import-existing-resources`).
  public var adoptsKeptAccessLogBucket: Bool {
    ownLoadBalancer?.loadBalancer.accessLogs?.bucket.created?.keepInCloudFormation == true
  }
}
