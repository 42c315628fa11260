import ECSGenPlan

extension MainFile {
  /// The load balancer, its target group and its listeners.
  func loadBalancerBlocks(_ web: WebPlan, _ own: OwnLoadBalancerPlan) -> [HCLBlock] {
    let balancer = own.loadBalancer
    var blocks =
      [
        resource(
          "aws_lb", "this",
          [
            .set("name", .string(balancer.name)),
            .set("load_balancer_type", .string("application")),
            .set("internal", .bool(balancer.isInternal)),
            .set("security_groups", .list([ref("aws_security_group.load_balancer.id")])),
            .set("subnets", context.value(own.loadBalancer.subnetIDs)),
            .set("idle_timeout", .number(balancer.idleTimeoutSeconds)),
            .set("drop_invalid_header_fields", .bool(balancer.dropInvalidHeaderFields)),
          ] + loadBalancerHardeningItems(balancer)
            + createBeforeDestroy(balancer.createBeforeDestroy)),
        targetGroupBlock(web.targetGroup),
      ] + loadBalancerHardeningBlocks(balancer)
    for listener in own.listeners {
      var body: [HCLBodyItem] = [
        .set("load_balancer_arn", ref("aws_lb.this.arn")),
        .set("port", .number(listener.port)),
        .set("protocol", .string(listener.listenerProtocol.rawValue)),
      ]
      if let policy = listener.sslPolicy { body.append(.set("ssl_policy", .string(policy))) }
      if let certificate = listener.certificateARN {
        body.append(.set("certificate_arn", .string(certificate)))
      }
      body.append(.blankLine)
      switch listener.action {
      case .forwardToTargetGroup:
        body.append(
          block(
            "default_action",
            [
              .set("type", .string("forward")),
              .set("target_group_arn", ref("aws_lb_target_group.this.arn")),
            ]))
      case .redirectToHTTPS(let port):
        body.append(
          block(
            "default_action",
            [
              .set("type", .string("redirect")),
              .blankLine,
              block(
                "redirect",
                [
                  .set("protocol", .string("HTTPS")),
                  .set("port", .string(String(port))),
                  .set("status_code", .string("HTTP_301")),
                ]),
            ]))
      }
      blocks.append(resource("aws_lb_listener", listener.role, body))
    }
    if let record = balancer.aliasRecord {
      blocks.append(
        resource(
          "aws_route53_record", "this",
          [
            .set("zone_id", .string(record.hostedZoneID)),
            .set("name", .string(record.name)),
            .set("type", .string(record.type)),
            .blankLine,
            block(
              "alias",
              [
                .set("name", ref("aws_lb.this.dns_name")),
                .set("zone_id", ref("aws_lb.this.zone_id")),
                .set("evaluate_target_health", .bool(record.evaluateTargetHealth)),
              ]),
          ]))
    }
    return blocks
  }
}
