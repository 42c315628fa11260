import Yams

extension ServiceSpecDecoder {
  /// `load_balancer.access_logs`: `{bucket, prefix}` or `{create_bucket: true, prefix}`. Which of
  /// the two is written is a validation rule, so that every problem is listed.
  func decodeAccessLogs(_ node: Node) -> AccessLogsSpec? {
    guard let map = section(node, "load_balancer.access_logs", SpecKeys.accessLogs) else {
      return nil
    }
    var logs = AccessLogsSpec(location: map.location)
    logs.bucket = map.value("bucket").flatMap { values.string($0, field: map.field("bucket")) }
    logs.createBucket = map.value("create_bucket").flatMap {
      values.bool($0, field: map.field("create_bucket"))
    }
    logs.prefix = map.value("prefix").flatMap { values.string($0, field: map.field("prefix")) }
    return logs
  }
}
