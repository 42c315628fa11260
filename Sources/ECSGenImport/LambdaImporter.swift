import ECSGenRendering
import ECSGenSpec

/// Turns a Lambda function's configuration into a starter spec: every setting that has an
/// equivalent is mapped, with a comment that explains the mapping, and every one that has none is
/// named in a `WARNING` comment, so nothing is dropped silently.
public struct LambdaImporter: Sendable {
  /// The file the configuration came from, for the header.
  public var sourceFile: String
  /// A service name chosen by the user; derived from the function name when nil.
  public var serviceName: String?
  /// The files the triggers came from (`--event-source-mappings`, `--schedules`, `--rules`),
  /// for the header.
  public var triggerFiles: TriggerFiles

  public init(
    sourceFile: String, serviceName: String? = nil, triggerFiles: TriggerFiles = TriggerFiles()
  ) {
    self.sourceFile = sourceFile
    self.serviceName = serviceName
    self.triggerFiles = triggerFiles
  }

  /// The spec as YAML text. The triggers choose the kind (`TriggerChoice`); without any, the
  /// spec is a web service, as for a function behind a function URL or API Gateway.
  public func spec(for function: LambdaFunction, triggers: LambdaTriggers = LambdaTriggers())
    -> String
  {
    var builder = SpecBuilder(function: function, serviceName: name(for: function))
    builder.choice = TriggerChoice(triggers: triggers, function: function)
    builder.triggerFiles = triggerFiles
    return YAMLPrinter().print(builder.document(), header: builder.header(sourceFile: sourceFile))
  }

  func name(for function: LambdaFunction) -> String {
    serviceName ?? ServiceNaming.serviceName(forFunction: function.name)
  }
}

/// Builds the entries of the imported spec, in the order of the spec reference.
struct SpecBuilder {
  let function: LambdaFunction
  let serviceName: String
  /// The kind and the trigger carried over, with what was not.
  var choice = TriggerChoice()
  /// The trigger files read, for the header.
  var triggerFiles = TriggerFiles()
  var workload: ImportedWorkload { choice.workload }
  /// Lambda Web Adapter settings, read from the function's environment.
  var adapterPort: Int? { environmentValue("AWS_LWA_PORT").flatMap(Self.port) }

  /// A TCP port written in an environment variable; nil for anything else (`-1`, `99999`), which
  /// leaves the port to the default and its TODO instead of writing a spec that cannot pass lint.
  static func port(_ text: String) -> Int? {
    Int(text).flatMap { (1...65_535).contains($0) ? $0 : nil }
  }
  var readinessPath: String? { environmentValue("AWS_LWA_READINESS_CHECK_PATH") }

  func environmentValue(_ name: String) -> String? {
    function.environment.first { $0.name == name }?.value
  }

  func header(sourceFile: String) -> [String] {
    var lines = [
      "Imported by `ecsgen import lambda` from \(sourceFile): the Lambda function \(function.name).",
      "A starting point: read every comment, above all the ones marked TODO and WARNING, then",
      "run `ecsgen lint` and `ecsgen render`.",
      "",
    ]
    lines += triggerFiles.isEmpty ? hiddenSettingsHeader : triggerHeader
    let warnings = self.warnings + choice.warnings
    if !warnings.isEmpty {
      lines += [""] + warnings.map { "WARNING: " + $0 }
    }
    return lines
  }

  /// Settings of the function that have no equivalent in the spec.
  var warnings: [String] {
    var warnings: [String] = []
    for layer in function.layers {
      warnings.append(
        "layer \(layer) has no equivalent: copy what it provides into the image in the Dockerfile.")
    }
    if let concurrency = function.reservedConcurrency {
      warnings.append(
        "reserved concurrency \(concurrency) has no equivalent: "
          + (workload.kind == .job
            ? "each event or scheduled run starts its own task."
            : "a task serves many requests at once; cap the tasks with `autoscaling.max` instead."))
    }
    if let target = function.deadLetterTarget {
      warnings.append("the dead-letter queue \(target) has no equivalent: " + deadLetterAdvice)
    }
    if let snapStart = function.snapStart {
      warnings.append(
        "SnapStart (\(snapStart)) has no equivalent: tasks start once and stay warm, so there are no cold starts to hide."
      )
    }
    if function.tracingActive {
      warnings.append(
        "active X-Ray tracing has no equivalent in spec v1: add the X-Ray daemon or an OpenTelemetry collector to the image."
      )
    }
    for fileSystem in function.fileSystems {
      warnings.append("the EFS file system \(fileSystem) has no equivalent in spec v1.")
    }
    if let key = function.environmentKMSKey {
      warnings.append(
        "the environment was encrypted with \(key); secrets now live in SSM Parameter Store (see `secrets`), which can use the same key."
      )
    }
    return warnings
  }

  func document() -> YAMLNode {
    var entries: [YAMLEntry] = [
      YAMLEntry(
        "name", .string(serviceName),
        comments: serviceName == function.name
          ? [] : ["From the function name \(function.name), made a valid service name."])
    ]
    if let kind = kindEntry() { entries.append(kind) }
    entries += [
      YAMLEntry(
        "description",
        .string(
          "Migrated from the Lambda function \(function.name)"
            + (function.description.map { ": \($0)" } ?? "")))
    ]
    if let region = function.region {
      entries.append(YAMLEntry("region", .string(region), comments: ["The function's region."]))
    }
    entries += imageEntries()
    entries += sizeEntries()
    entries += containerEntries()
    entries += environmentEntries()
    if let role = function.roleARN { entries.append(roleEntry(role)) }
    switch workload {
    case .web: entries += trafficEntries()
    case .worker(let mapping): entries += workerEntries(mapping)
    case .schedule(let trigger): entries += jobEntries(schedule: trigger)
    case .event(let rule, let pattern): entries += jobEntries(rule: rule, pattern: pattern)
    }
    if let vpc = function.vpc { entries.append(networkEntry(vpc)) }
    entries.append(logsEntry())
    if !function.tags.isEmpty {
      entries.append(
        YAMLEntry(
          "tags", .mapping(function.tags.map { YAMLEntry($0.key, .string($0.value)) }),
          spacedBefore: true, comments: ["The function's tags."]))
    }
    return .mapping(entries)
  }
}
