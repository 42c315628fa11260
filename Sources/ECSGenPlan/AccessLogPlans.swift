/// Where the load balancer writes its access logs (`load_balancer.access_logs`).
public struct AccessLogsPlan: Sendable, Equatable, Codable {
  /// An existing bucket in the load balancer's region; its policy must let ELB write to it.
  public var bucket: String
  /// The key prefix ELB writes under (it adds `/AWSLogs/ACCOUNT/...` itself); nil: none.
  public var prefix: String?
}
