/// Where the tasks and the load balancer run.
public struct NetworkPlan: Sendable, Equatable, Codable {
  public var vpcID: Configurable<String>
  public var taskSubnetIDs: Configurable<[String]>
  /// Extra security groups attached to the tasks, besides the one ecsgen creates.
  public var extraTaskSecurityGroupIDs: [String]
  public var assignPublicIP: Bool
}

public struct SecurityGroupPlan: Sendable, Equatable, Codable {
  /// Only the start of the name is fixed (`orders-api-tasks-`): a new VPC (possibly an input) or
  /// description replaces the group, and the new group must exist beside the old one until the
  /// load balancer and the tasks have moved. Terraform completes it (`name_prefix`);
  /// CloudFormation, which has no prefix, generates the whole name from the stack name.
  public var namePrefix: String
  /// Changing it replaces the group.
  public var description: String
  public var ingress: [SecurityGroupRule]
  public var egress: [SecurityGroupRule]
  /// Replace by creating the new group first (Terraform's `create_before_destroy`;
  /// CloudFormation always replaces this way).
  public var createBeforeDestroy: Bool
}

/// One rule; every rule carries a description, as reviewers and scanners expect.
public struct SecurityGroupRule: Sendable, Equatable, Codable {
  public var description: String
  /// `tcp`, or `-1` for all protocols.
  public var ipProtocol: String
  public var fromPort: Int
  public var toPort: Int
  public var peer: SecurityGroupPeer
  /// A name unique within its group and direction, derived from what the rule allows, for
  /// infrastructure code that gives each rule a resource of its own (Terraform): adding or
  /// removing another rule never renames this one. Nil for the rules ecsgen always creates,
  /// which keep the names they are known by.
  public var name: String? = nil
}

public enum SecurityGroupPeer: Sendable, Equatable, Codable {
  case ipv4CIDR(String)
  case ipv6CIDR(String)
  /// The load balancer's security group.
  case loadBalancerGroup
  /// The tasks' security group.
  case tasksGroup
  /// A security group that exists outside the generated infrastructure (`sg-...`).
  case securityGroup(String)
  /// A managed prefix list (`pl-...`).
  case prefixList(String)
}

/// The Application Load Balancer.
public struct LoadBalancerPlan: Sendable, Equatable, Codable {
  /// Changes with the scheme (and a fixed VPC), which replace the load balancer, so that the new
  /// one never collides with the old one (`ResourceNames.loadBalancer`).
  public var name: String
  public var isInternal: Bool
  /// At least two, in different Availability Zones.
  public var subnetIDs: Configurable<[String]>
  public var idleTimeoutSeconds: Int
  /// Drop headers with invalid fields instead of passing them to the service (request smuggling).
  public var dropInvalidHeaderFields: Bool
  public var allowedCIDRs: [String]
  /// `https://` with a certificate, `http://` without.
  public var urlScheme: String
  /// The host of the service URL when the spec names one (lowercase, no trailing dot); nil: the
  /// load balancer's own DNS name.
  public var domain: String? = nil
  /// The Route 53 alias record that points `domain` at the load balancer, when the spec names a
  /// hosted zone.
  public var aliasRecord: AliasRecordPlan? = nil
  /// Replace by creating the new load balancer first (Terraform's `create_before_destroy`;
  /// CloudFormation always replaces this way).
  public var createBeforeDestroy: Bool
  /// AWS refuses to delete the load balancer while this is on (`load_balancer.deletion_protection`).
  public var deletionProtection: Bool = false
  /// Where the load balancer writes access logs; nil: no access logs.
  public var accessLogs: AccessLogsPlan? = nil
  /// The regional WAFv2 web ACL associated with the load balancer; nil: none.
  public var webACLARN: String? = nil
}

/// An alias record in a Route 53 hosted zone that resolves to the load balancer's addresses.
public struct AliasRecordPlan: Sendable, Equatable, Codable {
  public var hostedZoneID: String
  public var name: String
  /// `A`: the load balancer is IPv4 only (no dualstack), so no `AAAA` record.
  public var type: String
  /// Route 53 answers only while the load balancer has healthy targets.
  public var evaluateTargetHealth: Bool
}

/// The target group the load balancer forwards to.
public struct TargetGroupPlan: Sendable, Equatable, Codable {
  /// Changes with port, protocol, target type and a fixed VPC, which replace the target group,
  /// so that the new group can exist while the listener still forwards to the old one
  /// (`ResourceNames.targetGroup`).
  public var name: String
  public var port: Int
  public var targetProtocol: String
  /// `ip`: Fargate tasks register by address (awsvpc networking).
  public var targetType: String
  public var deregistrationDelaySeconds: Int
  public var healthCheck: TargetHealthCheckPlan
  /// Nil: stickiness off.
  public var stickinessSeconds: Int?
  /// Replace by creating the new group first, so that the listener and the service move to it
  /// before the old one is deleted (deleting a group a listener uses fails with ResourceInUse).
  public var createBeforeDestroy: Bool
  /// The container the service registers in the group, on `port`: the main one, or the sidecar
  /// `load_balancer.container` names.
  public var containerName: String
}

/// Every field of the target group health check, set explicitly because the provider and the API
/// disagree on the defaults.
public struct TargetHealthCheckPlan: Sendable, Equatable, Codable {
  public var path: String
  public var intervalSeconds: Int
  public var timeoutSeconds: Int
  public var healthyThreshold: Int
  public var unhealthyThreshold: Int
  public var matcher: String
  public var healthCheckProtocol: String
  /// `traffic-port`: the port the target receives traffic on.
  public var port: String
}

public struct ListenerPlan: Sendable, Equatable, Codable {
  public enum ListenerProtocol: String, Sendable, Equatable, Codable {
    case http = "HTTP"
    case https = "HTTPS"
  }

  public enum Action: Sendable, Equatable, Codable {
    case forwardToTargetGroup
    /// Permanent (HTTP 301) redirect to HTTPS on `port`.
    case redirectToHTTPS(port: Int)
  }

  /// A short name for the listener (`https`, `http`), used for addresses and logical ids.
  public var role: String
  public var port: Int
  public var listenerProtocol: ListenerProtocol
  public var certificateARN: String?
  public var sslPolicy: String?
  public var action: Action
}
