/// Limits that AWS enforces at deploy time, collected from the API references (see
/// `shared/reference/aws-limits.md`, which names the source of each). Validation checks them so
/// that a spec fails at lint time instead of half-way through an apply.
enum AWSLimits {
  static let serviceNameMaxLength = 28
  static let ephemeralStorageGiB = 21...200
  static let port = 1...65535
  static let healthCheckInterval = 5...300
  static let healthCheckTimeout = 2...120
  static let healthCheckThreshold = 2...10
  static let healthCheckPathLength = 1...1024
  static let healthCheckCodes = 200...499
  static let healthCheckGracePeriod = 0...2_147_483_647
  static let containerHealthInterval = 5...300
  static let containerHealthTimeout = 2...60
  static let containerHealthRetries = 1...10
  static let containerHealthStartPeriod = 0...300
  static let idleTimeout = 1...4000
  static let deregistrationDelay = 0...3600
  static let stickinessDuration = 1...604_800
  /// Priorities of the rules on one listener (the default rule has none).
  static let listenerRulePriority = 1...50_000
  /// Host and path values in one listener rule's conditions, counted together.
  static let listenerRuleConditionValues = 5
  /// Values in one condition of a listener rule (its `host-header` or its `path-pattern`).
  static let listenerConditionValues = 3
  /// Wildcard characters (`*` and `?`) in all the values of one listener rule.
  static let listenerRuleWildcards = 5
  static let logGroupNameLength = 1...512
  /// CloudWatch Logs PutRetentionPolicy accepts exactly these.
  static let logRetentionDays = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
  ]
  static let scalingPercent = 1...100
  static let minHealthyPercent = 0...100
  static let maxPercent = 100...400
  static let stopTimeout = 2...120
  static let maxTags = 50
  static let tagKeyLength = 1...128
  static let tagValueMaxLength = 256
  static let clusterNameLength = 1...255
  static let ecrRepositoryNameLength = 2...256

  /// ELB security policies that allow only TLS 1.2 and newer. Policies that still allow TLS 1.0 or
  /// 1.1 are refused; names not listed here produce a warning, since AWS adds policies over time.
  static let modernTLSPolicies: Set<String> = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
  ]

  /// Policies that still negotiate TLS 1.0 or 1.1.
  static let legacyTLSPolicies: Set<String> = [
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-2015-05",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-FS-2018-06",
    "ELBSecurityPolicy-FS-1-1-2019-08",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
  ]
}
