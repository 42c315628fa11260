import ECSGenSpec

extension DeploymentPlanner {
  /// `load_balancer.listener_arn`: the rule that forwards the service's hosts and paths.
  func listenerRulePlan(_ listener: SharedListenerSpec) -> ListenerRulePlan {
    let arn = listener.listenerARN.value
    let hosts = (listener.hosts ?? []).map { $0.value.lowercased() }
    // `arn:...:listener/app/NAME/LB_ID/LISTENER_ID` (validated): the metric label of the load
    // balancer is `app/NAME/LB_ID`.
    let resource = arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? ""
    let parts = resource.split(separator: "/")
    let label = parts.count == 5 ? parts[1...3].joined(separator: "/") : resource
    // A host with wildcards is no address a client can open. The scheme is assumed to be HTTPS:
    // a shared listener that routes by host is the TLS front of several services.
    let address = hosts.first { !$0.contains("*") && !$0.contains("?") }
    // On a listener shared by several services, `/` on that host belongs to another rule (or to
    // the listener's default): the URL takes the first path pattern up to its first wildcard,
    // which this rule matches (`/catalog/*` gives `/catalog/`).
    let path =
      listener.paths?.first.map { String($0.value.prefix { $0 != "*" && $0 != "?" }) } ?? ""
    return ListenerRulePlan(
      listenerARN: arn,
      loadBalancerSecurityGroupID: listener.securityGroup?.value ?? "",
      priority: listener.priority?.value ?? 0,
      hosts: hosts,
      paths: (listener.paths ?? []).map(\.value),
      loadBalancerLabel: label,
      serviceURL: address.map { "https://\($0)" + (path.hasPrefix("/") ? path : "") })
  }

  /// The tasks accept the container port only from the shared load balancer's group.
  func sharedListenerIngress(names: ResourceNames, rule: ListenerRulePlan, port: Int)
    -> SecurityGroupRule
  {
    SecurityGroupRule(
      description: "From the shared load balancer to \(names.service) on the container port",
      ipProtocol: "tcp", fromPort: port, toPort: port,
      peer: .securityGroup(rule.loadBalancerSecurityGroupID))
  }
}
