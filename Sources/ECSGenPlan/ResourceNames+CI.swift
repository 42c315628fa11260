extension ResourceNames {
  /// The role the deploy job assumes: 7 + 28 + 7 = 42 characters at most (IAM allows 64).
  public var deployRole: String { "ecsgen-\(service)-deploy" }
  /// The read-only role the review job plans with.
  public var planRole: String { "ecsgen-\(service)-plan" }
}
