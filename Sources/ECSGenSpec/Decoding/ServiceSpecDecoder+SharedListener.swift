extension ServiceSpecDecoder {
  /// The shared-listener keys of `load_balancer`; nil without `listener_arn` (the other keys are
  /// then reported by validation, which knows they need it).
  func decodeSharedListener(_ map: MappingReader) -> SharedListenerSpec? {
    let security = map.value("security_group").flatMap {
      values.string($0, field: map.field("security_group"))
    }
    let priority = map.value("priority").flatMap {
      values.integer($0, field: map.field("priority"))
    }
    let hosts = map.value("hosts").flatMap {
      values.stringList($0, field: map.field("hosts"))?.value
    }
    let paths = map.value("paths").flatMap {
      values.stringList($0, field: map.field("paths"))?.value
    }
    guard
      let arn = map.value("listener_arn").flatMap({
        values.string($0, field: map.field("listener_arn"))
      })
    else {
      if security != nil || priority != nil || hosts != nil || paths != nil {
        context.report(
          .error(
            "listener-arn-missing", at: map.location,
            "`load_balancer.security_group`, `priority`, `hosts` and `paths` describe a rule on an existing listener, but `load_balancer.listener_arn` is missing; add the listener's ARN, or remove these keys to let ecsgen create the service's own load balancer"
          ))
      }
      return nil
    }
    var listener = SharedListenerSpec(listenerARN: arn)
    listener.securityGroup = security
    listener.priority = priority
    listener.hosts = hosts
    listener.paths = paths
    return listener
  }
}
