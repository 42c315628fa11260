extension BootstrapPlanner {
  /// A `web` on a shared listener: the deploy role may add, change and remove rules on that one
  /// listener (the rule's ARN ends in an id AWS generates), and nothing else of the shared load
  /// balancer.
  func listenerRuleStatements() -> [BootstrapStatement] {
    guard case .sharedListener(let rule) = plan.web?.entry else { return [] }
    // `arn:...:listener/app/NAME/LB_ID/LISTENER_ID` → `arn:...:listener-rule/app/NAME/LB_ID/LISTENER_ID/*`.
    let rules = rule.listenerARN.replacingOccurrences(of: ":listener/", with: ":listener-rule/")
    return [
      BootstrapStatement(
        sid: "SharedListenerRule",
        comment:
          "The service's rule on the shared listener: created on the listener, changed and deleted by the rule's ARN.",
        actions: [
          "elasticloadbalancing:AddTags", "elasticloadbalancing:CreateRule",
          "elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyRule",
          "elasticloadbalancing:RemoveTags",
        ],
        resources: [.literal(rule.listenerARN), .literal(rules + "/*")])
    ]
  }
}
