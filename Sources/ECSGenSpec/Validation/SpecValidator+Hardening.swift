import ECSGenDiagnostics

extension SpecValidator {
  /// `load_balancer.access_logs` and `load_balancer.waf_acl_arn` (`deletion_protection` is a
  /// boolean the decoder already checked).
  func checkLoadBalancerHardening(_ spec: ServiceSpec, _ findings: inout Findings) {
    if let logs = spec.loadBalancer?.accessLogs {
      checkAccessLogs(logs, region: spec.region?.value, &findings)
    }
    if let acl = spec.loadBalancer?.wafACLARN {
      checkWebACL(acl, region: spec.region?.value, &findings)
    }
  }

  private func checkAccessLogs(
    _ logs: AccessLogsSpec, region: String?, _ findings: inout Findings
  ) {
    let creates = logs.createBucket?.value == true
    if let bucket = logs.bucket, creates {
      findings.add(
        .error(
          "access-logs-target", at: bucket.location,
          "`load_balancer.access_logs` names an existing `bucket` and also sets `create_bucket: true`; keep one: `bucket: NAME` for a bucket you already have, or `create_bucket: true` to let ecsgen create one"
        ))
    } else if logs.bucket == nil, !creates,
      !findings.undecodableFields.contains("load_balancer.access_logs.bucket"),
      !findings.undecodableFields.contains("load_balancer.access_logs.create_bucket")
    {
      findings.add(
        .error(
          "access-logs-target", at: logs.location,
          "`load_balancer.access_logs` names no bucket; write `bucket: NAME` (an existing S3 bucket in the load balancer's region whose policy lets ELB write to it) or `create_bucket: true` (ecsgen creates one), or remove `access_logs`"
        ))
    }
    if let bucket = logs.bucket, !IdentifierPatterns.isBucketName(bucket.value) {
      findings.add(
        .error(
          "access-logs-bucket", at: bucket.location,
          "`load_balancer.access_logs.bucket` is `\(bucket.value)`, which is not an S3 bucket name; a name has 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (write the name, not an ARN or `s3://` URL)"
        ))
    }
    if let create = logs.createBucket, create.value, logs.bucket == nil, region == nil {
      findings.add(
        .error(
          "access-logs-region", at: create.location,
          "`load_balancer.access_logs.create_bucket` needs the spec's `region`: the bucket policy names the account ELB writes logs as, which differs per region; add `region` (such as `eu-west-2`), or name an existing bucket with `bucket:`"
        ))
    }
    if let prefix = logs.prefix {
      checkAccessLogPrefix(prefix, &findings)
    }
  }

  private func checkAccessLogPrefix(_ prefix: Located<String>, _ findings: inout Findings) {
    // ELB appends `/AWSLogs/ACCOUNT/...` itself and refuses a prefix that already holds it.
    if prefix.value.contains("AWSLogs") {
      findings.add(
        .error(
          "access-logs-prefix", at: prefix.location,
          "`load_balancer.access_logs.prefix` `\(prefix.value)` contains `AWSLogs`, which ELB adds after the prefix by itself and refuses in it; use a prefix such as the service name"
        ))
    } else if prefix.value.isEmpty || prefix.value.hasPrefix("/") || prefix.value.hasSuffix("/") {
      findings.add(
        .error(
          "access-logs-prefix", at: prefix.location,
          "`load_balancer.access_logs.prefix` `\(prefix.value)` must not be empty or start or end with `/` (ELB adds the `/` before `AWSLogs`); write it like `orders-api` or `prod/orders-api`, or leave it out"
        ))
    }
  }

  private func checkWebACL(_ acl: Located<String>, region: String?, _ findings: inout Findings) {
    guard let arn = ARN(acl.value), arn.service == "wafv2", arn.hasRegion, arn.hasAccountID,
      arn.resource.hasPrefix("regional/webacl/") || arn.resource.hasPrefix("global/webacl/"),
      arn.resource.split(separator: "/", omittingEmptySubsequences: false).count == 4
    else {
      findings.add(
        .error(
          "waf-acl-arn", at: acl.location,
          "`load_balancer.waf_acl_arn` is `\(acl.value)`, which is not a WAFv2 web ACL ARN; write `arn:aws:wafv2:REGION:ACCOUNT_ID:regional/webacl/NAME/ID` (WAF Classic ACLs cannot be associated by this key)"
        ))
      return
    }
    if arn.resource.hasPrefix("global/") {
      findings.add(
        .error(
          "waf-acl-arn", at: acl.location,
          "`load_balancer.waf_acl_arn` is a CloudFront (`global`) web ACL, which cannot protect a load balancer; create the web ACL with the `REGIONAL` scope in the load balancer's region and use its `regional/webacl/...` ARN"
        ))
    } else if let region, arn.region != region {
      findings.add(
        .error(
          "waf-acl-arn", at: acl.location,
          "`load_balancer.waf_acl_arn` is in `\(arn.region)`, but the service runs in `\(region)`; a web ACL protects only load balancers of its own region, so use one created in `\(region)`"
        ))
    }
  }
}
