import ECSGenRendering
import ECSGenSpec
import Foundation

/// `network` (with the environment manifest's VPC and subnets) and `exec`.
extension CopilotSpecMapper {
  /// `network.vpc` and the environment manifest → `network`.
  func networkEntries() -> [YAMLEntry] {
    let vpc = root.child("network", "vpc")
    var fields: [(String, YAMLNode?)] = []
    var comments: [String] = []
    // Copilot placed services in public subnets with a public IP unless told otherwise (and
    // App Runner services outside the VPC).
    var placement = "public"
    var subnets: [String] = []
    if let placementValue = vpc?.child("placement") {
      if placementValue.isMapping {
        placement = "subnets"
        subnets = placementValue.child("subnets")?.concreteStrings ?? []
        if subnets.isEmpty {
          warn(
            placementValue,
            "subnets chosen by tag have no equivalent; list their ids in `network.subnets`.")
        }
      } else {
        placement = placementValue.string ?? "public"
      }
      comments.append("Placement from \(Self.at(placementValue)).")
    }
    if let environment {
      if let vpcID = environment.vpcID {
        fields.append(("vpc_id", .string(vpcID)))
      }
      if subnets.isEmpty {
        subnets =
          placement == "private" ? environment.privateSubnetIDs : environment.publicSubnetIDs
      }
      let loadBalancerSubnets =
        isInternal ? environment.privateSubnetIDs : environment.publicSubnetIDs
      if !subnets.isEmpty { fields.append(("subnets", .sequence(subnets.map(YAMLNode.string)))) }
      if kind == "web", loadBalancerSubnets.count >= 2 {
        fields.append(
          ("load_balancer_subnets", .sequence(loadBalancerSubnets.map(YAMLNode.string))))
      }
      comments.append("The VPC and subnets from the \(environment.name) environment manifest.")
    } else if !subnets.isEmpty {
      fields.append(("subnets", .sequence(subnets.map(YAMLNode.string))))
    } else if placement == "private", let placementValue = vpc?.child("placement") {
      warn(
        placementValue,
        "the tasks ran in the environment's private subnets: list them in `network.subnets`, or import with --env-manifest."
      )
    }
    if placement == "public" && type != .requestDrivenWebService && environment != nil {
      fields.append(("assign_public_ip", .bool(true)))
      comments.append("Public placement: the tasks get public IPs, as in Copilot.")
    }
    if let groups = vpc?.child("security_groups") {
      let list = groups.isMapping ? groups.child("groups") : groups
      let ids = (list?.items ?? []).compactMap { item -> String? in
        if item.isMapping {
          if item.child("from_cfn") != nil {
            warn(
              item,
              "a security group from a CloudFormation export: write its id in `network.security_groups`."
            )
          }
          return nil
        }
        return item.concrete
      }.filter { $0.hasPrefix("sg-") }
      if !ids.isEmpty {
        fields.append(("security_groups", .sequence(ids.map(YAMLNode.string))))
        comments.append("`security_groups` from \(Self.at(groups)).")
      }
      if groups.isMapping, groups.child("deny_default")?.bool == true {
        comments.append(
          "`deny_default`: ecsgen's own group for the tasks already allows only what the spec opens."
        )
      }
    }
    if volumesNeedNFS {
      fields.append(
        (
          "egress",
          .sequence([
            .map([
              ("port", .int(2049)), ("cidrs", .sequence([.string(Self.copilotDefaultVPCCIDR)])),
            ])
          ])
        ))
      comments += [
        "TODO: NFS (TCP 2049) out to the EFS mount targets; \(Self.copilotDefaultVPCCIDR) is the VPC",
        "Copilot creates: narrow it to your VPC, or to the mount targets' security group.",
      ]
    }
    guard !fields.isEmpty else { return [] }
    return [YAMLEntry("network", .map(fields), spacedBefore: true, comments: comments)]
  }

  /// Whether `volumes` will hold an EFS file system, which needs NFS out.
  private var volumesNeedNFS: Bool {
    guard case .mapping(let volumes)? = root.child("storage")?.child("volumes")?.node else {
      return false
    }
    return volumes.contains { _, volume in
      volume["efs"]?["id"]?.scalar?.string.hasPrefix("fs-") == true
        && volume["path"]?.scalar?.string.hasPrefix("/") == true
    }
  }

  /// `exec` → `exec`.
  func execEntries() -> [YAMLEntry] {
    guard let exec = root.child("exec") else { return [] }
    let on = exec.isMapping ? exec.child("enable")?.bool : exec.bool
    guard on == true else { return [] }
    return [
      YAMLEntry("exec", .bool(true), spacedBefore: true, comments: ["From \(Self.at(exec))."])
    ]
  }
}
