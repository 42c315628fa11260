import Yams

extension ServiceSpecDecoder {
  /// `load_balancer.access_logs`: `{bucket, prefix}`. A missing `bucket` is a validation rule, so
  /// that every problem is listed.
  func decodeAccessLogs(_ node: Node) -> AccessLogsSpec? {
    guard let map = section(node, "load_balancer.access_logs", SpecKeys.accessLogs) else {
      return nil
    }
    var logs = AccessLogsSpec(location: map.location)
    logs.bucket = map.value("bucket").flatMap { values.string($0, field: map.field("bucket")) }
    logs.prefix = map.value("prefix").flatMap { values.string($0, field: map.field("prefix")) }
    return logs
  }
}
