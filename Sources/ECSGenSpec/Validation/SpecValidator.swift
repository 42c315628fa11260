import ECSGenDiagnostics

/// Stage 2 of the pipeline: checks a decoded `ServiceSpec` against the rules of spec v1 and the
/// limits AWS enforces, and returns every problem it finds (never only the first).
///
/// Each `check...` method covers one part of the spec and lives in its own file
/// (`SpecValidator+Container.swift`, ...). Rules compare values against the defaults in
/// `SpecDefaults` when the user left a neighbouring value out.
public struct SpecValidator {
  public init() {}

  public func validate(_ spec: ServiceSpec) -> [Diagnostic] {
    var findings = Findings(undecodableFields: spec.undecodableFields)
    checkIdentity(spec, &findings)
    checkKind(spec, &findings)
    checkImage(spec, &findings)
    checkSize(spec, &findings)
    checkContainer(spec, &findings)
    checkEnvironment(spec, &findings)
    checkSecrets(spec, &findings)
    checkRoles(spec, &findings)
    checkHealthChecks(spec, &findings)
    checkSidecars(spec, &findings)
    // Load balancer rules only for the kind that has one; other kinds get `kind-key` instead.
    if (spec.kind?.value ?? SpecDefaults.kind) == .web {
      checkLoadBalancer(spec, &findings)
      // With a shared listener the domain keys are errors of their own (`listener-owner-key`).
      if spec.loadBalancer?.sharedListener == nil { checkDomain(spec, &findings) }
      checkDraining(spec, &findings)
      checkLoadBalancerHardening(spec, &findings)
    }
    checkLogs(spec, &findings)
    checkScaling(spec, &findings)
    checkNetwork(spec, &findings)
    checkEgress(spec, &findings)
    checkExecAndVolumes(spec, &findings)
    checkTags(spec, &findings)
    checkDelivery(spec, &findings)
    checkControlCharacters(spec, &findings)
    checkWorkflowExpressionText(spec, &findings)
    checkBuildPathExpressions(spec, &findings)
    checkCapacity(spec, &findings)
    checkDeploymentAlarms(spec, &findings)
    return findings.diagnostics
  }
}

/// The diagnostics collected by one validation pass, with helpers for the common rule shapes.
struct Findings {
  private(set) var diagnostics: [Diagnostic] = []
  /// Fields already reported by the decoder; a rule never reports them as missing.
  let undecodableFields: Set<String>

  mutating func add(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Reports `value` outside `range` as `out-of-range`, in the field's unit.
  mutating func checkRange(
    _ value: Located<Int>?, _ range: ClosedRange<Int>, field: String, unit: String = ""
  ) {
    guard let value, !range.contains(value.value) else { return }
    let suffix = unit.isEmpty ? "" : " \(unit)"
    let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)\(suffix)"
    let allowed =
      range.upperBound == Int.max
      ? "at least \(range.lowerBound)\(suffix)" : "\(range.lowerBound)\(upper)"
    add(
      .error(
        "out-of-range", at: value.location,
        "`\(field)` is \(value.value)\(suffix); it must be \(allowed)"))
  }

  /// Reports a required key that is absent, at `location` (the mapping that should hold it).
  mutating func requireKey<Value>(
    _ value: Value?, _ field: String, at location: SourceLocation, example: String
  ) {
    guard value == nil, !undecodableFields.contains(field) else { return }
    add(.error("missing-key", at: location, "`\(field)` is required; for example `\(example)`"))
  }
}
