import ECSGenDiagnostics

/// `load_balancer.access_logs`: where the load balancer writes its access logs (an existing
/// bucket; a bucket ecsgen creates is later work).
public struct AccessLogsSpec: Sendable, Equatable {
  public var location: SourceLocation
  /// An existing S3 bucket in the load balancer's region, whose policy lets ELB write to it.
  public var bucket: Located<String>?
  /// The key prefix inside the bucket (without `AWSLogs`, which ELB adds).
  public var prefix: Located<String>?

  public init(location: SourceLocation) {
    self.location = location
  }
}
