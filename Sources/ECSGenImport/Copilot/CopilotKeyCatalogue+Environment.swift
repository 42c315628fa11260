extension CopilotKeyCatalogue {
  /// An environment manifest (`type: Environment`). The reader takes the VPC, subnet and
  /// certificate ids; the other keys describe infrastructure Copilot shared between services,
  /// and each that changed how a service is reached or run says what to write in the spec.
  static let environmentManifest: Schema = {
    let subnet = Schema([
      .mapped("id", to: "network.subnets or network.load_balancer_subnets"),
      .ignored("cidr", "used only when Copilot created the VPC, which the VPC finding covers"),
      .ignored("az", "used only when Copilot created the VPC, which the VPC finding covers"),
    ])
    let ingressRules = Key.byHand(
      "security_group",
      "these rules applied to every service of the environment; ecsgen gives each service a security group of its own that allows only HTTPS out: open other outbound traffic in `network.egress`, and let callers in through `network.security_groups`"
    )
    let sourceIPs = Key.byHand(
      "source_ips",
      "write these ranges in `load_balancer.allowed_cidrs` of each public service")
    let cdnIngress = Key.byHand(
      "cdn",
      "ecsgen has no setting that admits only CloudFront: the load balancer admits `load_balancer.allowed_cidrs`, so if only your distribution may reach the service, have it add a secret header and check that header in the app"
    )
    let publicSSLPolicy = Key.byHand(
      "ssl_policy", "write it as `load_balancer.ssl_policy` of each public service")
    let deprecatedGroups = Key.byHand(
      "security_groups",
      "write the allowed ranges in `load_balancer.allowed_cidrs` of each service",
      Schema([
        .known(
          "ingress",
          Schema([
            .known("restrict_to", Schema([.known("cdn"), .known("source_ips")])),
            .known("from_vpc"),
          ]))
      ]))
    return Schema([
      .mapped("name", to: "environments"),
      .mapped("type", to: "none"),
      .mapped(
        "network", to: "network",
        Schema([
          .mapped(
            "vpc", to: "network",
            Schema([
              .mapped("id", to: "network.vpc_id"),
              .byHand(
                "cidr",
                "Copilot created this VPC, so it has no id here: find the VPC and subnet ids Copilot created (`aws ec2 describe-vpcs`, `aws ec2 describe-subnets`) and write them as `network.vpc_id`, `network.subnets` and `network.load_balancer_subnets`"
              ),
              .mapped(
                "subnets", to: "network.subnets",
                Schema([
                  .mapped("public", to: "network.load_balancer_subnets", Schema(items: subnet)),
                  .mapped("private", to: "network.subnets", Schema(items: subnet)),
                ])),
              ingressRules,
              .ignored(
                "flow_logs",
                "VPC flow logs belong to the VPC, which ecsgen does not manage; they stay as they are"
              ),
            ]))
        ])),
      .mapped(
        "observability", to: "none",
        Schema([
          .ignored(
            "container_insights",
            "a cluster ecsgen creates always has Container Insights on")
        ])),
      .mapped(
        "http", to: "load_balancer",
        Schema([
          .mapped(
            "public", to: "load_balancer",
            Schema([
              deprecatedGroups,
              .mapped("certificates", to: "load_balancer.certificate_arn"),
              .byHand(
                "access_logs",
                "ecsgen has `load_balancer.access_logs`: write `bucket` (this `bucket_name`) or `create_bucket: true`, and `prefix`, in each public service's spec",
                Schema([.known("bucket_name"), .known("prefix")])),
              .mapped(
                "ingress", to: "load_balancer.allowed_cidrs", Schema([cdnIngress, sourceIPs])),
              publicSSLPolicy,
            ])),
          .mapped(
            "private", to: "load_balancer",
            Schema([
              .byHand(
                "subnets",
                "write these subnets as `network.load_balancer_subnets` of each internal service (`load_balancer.public: false`)"
              ),
              .mapped("certificates", to: "load_balancer.certificate_arn"),
              deprecatedGroups,
              .mapped(
                "ingress", to: "load_balancer.allowed_cidrs",
                Schema([
                  .byHand(
                    "vpc",
                    "an internal load balancer in ecsgen admits only `load_balancer.allowed_cidrs`, which it requires: write the VPC's CIDR there"
                  )
                ])),
              .byHand(
                "ssl_policy",
                "write it as `load_balancer.ssl_policy` of each internal service"),
            ])),
        ])),
      .byHand(
        "cdn",
        "ecsgen creates no CloudFront distribution: create one yourself with the service's load balancer as its origin, and keep its certificate and cache settings there",
        Schema([
          .known("certificate"), .known("terminate_tls"),
          .known("static_assets", Schema([.known("location"), .known("alias"), .known("path")])),
        ])),
    ])
  }()
}
