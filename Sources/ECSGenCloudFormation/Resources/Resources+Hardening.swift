import ECSGenPlan

extension Resources {
  /// The `LoadBalancerAttributes` items of `load_balancer.deletion_protection` and `access_logs`,
  /// after the idle timeout and header attributes.
  func loadBalancerHardeningAttributes(_ balancer: LoadBalancerPlan) -> [JSONValue] {
    var attributes: [(String, JSONValue)] = [
      ("deletion_protection.enabled", .string(balancer.deletionProtection ? "true" : "false"))
    ]
    if let logs = balancer.accessLogs {
      let bucket: JSONValue =
        switch logs.bucket {
        case .existing(let name): .string(name)
        case .created: Intrinsic.ref(ID.accessLogBucket)
        }
      attributes += [
        ("access_logs.s3.enabled", .string("true")), ("access_logs.s3.bucket", bucket),
      ]
      if let prefix = logs.prefix { attributes.append(("access_logs.s3.prefix", .string(prefix))) }
    }
    return attributes.map { .sorted(["Key": .string($0.0), "Value": $0.1]) }
  }

  /// ELB checks that it may write to the bucket when access logs are turned on, so the load
  /// balancer waits for a created bucket's policy.
  func loadBalancerHardeningDependencies(_ balancer: LoadBalancerPlan) -> [String] {
    balancer.accessLogs?.bucket.created == nil ? [] : [ID.accessLogBucketPolicy]
  }

  /// The WAFv2 web ACL association and the created access-log bucket with its policy.
  func loadBalancerHardeningMembers(_ balancer: LoadBalancerPlan) -> [JSONMember] {
    var members: [JSONMember] = []
    if let acl = balancer.webACLARN {
      members.append(
        JSONMember(
          ID.webACLAssociation,
          resource(
            "AWS::WAFv2::WebACLAssociation",
            ["ResourceArn": Intrinsic.ref(ID.loadBalancer), "WebACLArn": .string(acl)])))
    }
    if let bucket = balancer.accessLogs?.bucket.created {
      members += accessLogBucketMembers(bucket)
    }
    return members
  }

  private func accessLogBucketMembers(_ bucket: CreatedLogBucketPlan) -> [JSONMember] {
    var properties: [String: JSONValue] = [
      "BucketName": sub(bucket.name),
      "BucketEncryption": .sorted([
        "ServerSideEncryptionConfiguration": .array([
          .sorted([
            "ServerSideEncryptionByDefault": .sorted(["SSEAlgorithm": .string(bucket.encryption)])
          ])
        ])
      ]),
      "OwnershipControls": .sorted([
        "Rules": .array([.sorted(["ObjectOwnership": .string(bucket.objectOwnership)])])
      ]),
      "LifecycleConfiguration": .sorted([
        "Rules": .array([
          .sorted([
            "Id": .string(bucket.lifecycleRuleID),
            "Status": .string("Enabled"),
            "ExpirationInDays": .int(bucket.expirationDays),
            "NoncurrentVersionExpiration": .sorted([
              "NoncurrentDays": .int(bucket.noncurrentExpirationDays)
            ]),
            "AbortIncompleteMultipartUpload": .sorted([
              "DaysAfterInitiation": .int(bucket.abortIncompleteUploadDays)
            ]),
          ])
        ])
      ]),
      "Tags": context.tags,
    ]
    if bucket.blockPublicAccess {
      properties["PublicAccessBlockConfiguration"] = .sorted([
        "BlockPublicAcls": .bool(true), "BlockPublicPolicy": .bool(true),
        "IgnorePublicAcls": .bool(true), "RestrictPublicBuckets": .bool(true),
      ])
    }
    if bucket.versioning {
      properties["VersioningConfiguration"] = .sorted(["Status": .string("Enabled")])
    }
    let arn = Intrinsic.getAtt(ID.accessLogBucket, "Arn")
    var statements: [JSONValue] = []
    if bucket.requireTLS {
      statements.append(
        .sorted([
          "Sid": .string(bucket.tlsStatementID),
          "Effect": .string("Deny"),
          "Principal": .string("*"),
          "Action": .string("s3:*"),
          "Resource": .array([
            arn, Intrinsic.sub([.variable("\(ID.accessLogBucket).Arn"), .literal("/*")]),
          ]),
          "Condition": .sorted(["Bool": .sorted(["aws:SecureTransport": .string("false")])]),
        ]))
    }
    let principal: JSONValue =
      switch bucket.logDelivery {
      case .account(let account): .sorted(["AWS": .string(account)])
      case .service(let service): .sorted(["Service": .string(service)])
      }
    statements.append(
      .sorted([
        "Sid": .string(bucket.logDeliveryStatementID),
        "Effect": .string("Allow"),
        "Principal": principal,
        "Action": .string("s3:PutObject"),
        "Resource": Intrinsic.sub(
          [.variable("\(ID.accessLogBucket).Arn"), .literal("/")] + subParts(bucket.logObjects)),
      ]))
    return [
      JSONMember(
        ID.accessLogBucket,
        resource(
          "AWS::S3::Bucket", retention: bucket.keepInCloudFormation ? .keep : .delete, properties)),
      JSONMember(
        ID.accessLogBucketPolicy,
        resource(
          "AWS::S3::BucketPolicy",
          [
            "Bucket": Intrinsic.ref(ID.accessLogBucket),
            "PolicyDocument": .sorted([
              "Version": .string("2012-10-17"), "Statement": .array(statements),
            ]),
          ])),
    ]
  }

  private func subParts(_ parts: [NamePart]) -> [SubPart] {
    parts.map { part in
      switch part {
      case .literal(let text): .literal(text)
      case .accountID: .variable(Intrinsic.accountID)
      }
    }
  }

  private func sub(_ parts: [NamePart]) -> JSONValue { Intrinsic.sub(subParts(parts)) }
}
