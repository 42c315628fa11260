import ECSGenDiagnostics

/// `load_balancer.access_logs`: where the load balancer writes its access logs. Either an
/// existing bucket (`bucket`) or a bucket ecsgen creates (`create_bucket: true`), never both.
public struct AccessLogsSpec: Sendable, Equatable {
  public var location: SourceLocation
  /// An existing S3 bucket in the load balancer's region, whose policy lets ELB write to it.
  public var bucket: Located<String>?
  /// `true`: ecsgen creates the bucket and its log-delivery policy.
  public var createBucket: Located<Bool>?
  /// The key prefix inside the bucket (without `AWSLogs`, which ELB adds).
  public var prefix: Located<String>?

  public init(location: SourceLocation) {
    self.location = location
  }
}
