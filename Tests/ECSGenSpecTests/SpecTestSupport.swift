import ECSGenDiagnostics
import ECSGenSpec
import Testing

/// Loads spec text the way `ecsgen lint` does; diagnostics name the file `spec.yaml`.
func load(_ text: String) -> LoadedSpec {
  ServiceSpecLoader.load(text: text, file: "spec.yaml")
}

/// The smallest spec with no diagnostics at all (`ValidationRuleTests` asserts it), in a fixed
/// layout so that tests can name exact positions:
///
///     1  name: NAME
///     2  image: IMAGE
///     3  port: PORT
///     4  EXTRA lines, if any (so a top-level key added in `extra` is on line 4)
///        load_balancer:             (when there are load balancer lines or a certificate)
///          LOAD BALANCER lines      (indented here; the first is on line 5 without extra)
///          certificate_arn: ...
///          domain: orders.example.com   (with the certificate, so that HTTPS has a name)
///        ci:
///          role_arn: ...
///        terraform:                 (unless `extra` writes its own, or `stateBackend` is false)
///          backend: {s3: ...}
func baseSpec(
  _ extra: String = "", name: String = "orders-api",
  image: String = "public.ecr.aws/nginx/nginx:1.27", port: String = "8080",
  loadBalancer: String = "", certificate: Bool = true, ciRole: Bool = true,
  stateBackend: Bool = true
) -> String {
  var lines = ["name: \(name)", "image: \(image)", "port: \(port)"]
  if !extra.isEmpty { lines.append(extra) }
  if !loadBalancer.isEmpty || certificate {
    lines.append("load_balancer:")
    if !loadBalancer.isEmpty {
      lines += loadBalancer.split(separator: "\n").map { "  " + $0 }
    }
    if certificate {
      lines += ["  certificate_arn: \(Fixtures.certificateARN)", "  domain: \(Fixtures.domain)"]
    }
  }
  if ciRole { lines += ["ci:", "  role_arn: \(Fixtures.ciRoleARN)"] }
  // A named backend, so that the `terraform-state` note (state from repository variables) is
  // not among the diagnostics of every test.
  if stateBackend && !extra.hasPrefix("terraform:") {
    lines += [
      "terraform:", "  backend:", "    s3:", "      bucket: shop-state",
      "      key: orders-api.tfstate", "      region: eu-west-2", "      use_lockfile: true",
    ]
  }
  return lines.joined(separator: "\n") + "\n"
}

/// Identifiers that pass validation, for building specs.
enum Fixtures {
  static let certificateARN =
    "arn:aws:acm:eu-west-2:123456789012:certificate/0f8e9c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b"
  static let domain = "orders.example.com"
  static let ciRoleARN = "arn:aws:iam::123456789012:role/github-deploy"
  static let roleARN = "arn:aws:iam::123456789012:role/orders-task"
  static let kmsKeyARN =
    "arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

extension LoadedSpec {
  /// The diagnostics of one rule.
  func findings(_ rule: String) -> [Diagnostic] {
    diagnostics.filter { $0.rule == rule }
  }

  /// One line per diagnostic, for failure messages.
  var summary: String {
    if diagnostics.isEmpty { return "(no diagnostics)" }
    return diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.severity.rawValue) [\($0.rule)] \($0.message)"
    }.joined(separator: "\n")
  }
}

/// Expects `text` to produce a `rule` diagnostic with `severity` at `line`:`column`, and returns
/// it so that the caller can check its message and notes.
@discardableResult
func expectFinding(
  _ rule: String, _ severity: Severity, at line: Int, _ column: Int, in text: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
  let loaded = load(text)
  let match = loaded.diagnostics.first {
    $0.rule == rule && $0.location.line == line && $0.location.column == column
  }
  guard let match else {
    Issue.record(
      "expected [\(rule)] at \(line):\(column), got:\n\(loaded.summary)",
      sourceLocation: sourceLocation)
    return nil
  }
  #expect(match.severity == severity, "[\(rule)] severity", sourceLocation: sourceLocation)
  #expect(match.location.file == "spec.yaml", sourceLocation: sourceLocation)
  return match
}

/// Expects `text` to produce no diagnostic of `rule`.
func expectNoFinding(
  _ rule: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let loaded = load(text)
  #expect(
    loaded.findings(rule).isEmpty, "unexpected [\(rule)]:\n\(loaded.summary)",
    sourceLocation: sourceLocation)
}

/// Expects `text` to produce no diagnostic at all.
func expectClean(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let loaded = load(text)
  #expect(loaded.diagnostics.isEmpty, "\(loaded.summary)", sourceLocation: sourceLocation)
}
