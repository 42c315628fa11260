import ECSGenRendering
import ECSGenSpec
import Foundation

extension CopilotSpecMapper {
  func imageEntries() -> [YAMLEntry] {
    let image = root.child("image")
    if let location = image?.child("location")?.concrete, !location.isEmpty {
      return [
        YAMLEntry(
          "image", .string(location), spacedBefore: true,
          comments: ["From \(Self.at(image?.child("location") ?? root))."])
      ]
    }
    if let build = image?.child("build") {
      let dockerfile: String
      let context: String
      if build.isMapping {
        let contextValue = build.child("context")?.string
        // Copilot's default Dockerfile is the one in the context directory.
        dockerfile =
          build.child("dockerfile")?.string
          ?? (contextValue.map { $0 + "/Dockerfile" } ?? "Dockerfile")
        context = contextValue ?? Self.directory(of: dockerfile)
      } else {
        dockerfile = build.string ?? "Dockerfile"
        context = Self.directory(of: dockerfile)
      }
      return [
        YAMLEntry(
          "image", .map([("build", .string(context)), ("dockerfile", .string(dockerfile))]),
          spacedBefore: true,
          comments: [
            "From \(Self.at(build)): the deploy workflow builds the image and pushes it to an",
            "ECR repository ecsgen creates. Paths are from the repository's root, as in Copilot.",
          ])
      ]
    }
    return [
      YAMLEntry(
        "image", .string("todo-write-the-image:tag"), spacedBefore: true,
        comments: [
          image?.child("location").map {
            "TODO: \(Self.at($0)) holds a variable (see the header): write the image reference."
          } ?? "TODO: the manifest has no `image.build` or `image.location`."
        ])
    ]
  }

  /// The directory part of a Dockerfile path (`services/api/Dockerfile` → `services/api`).
  /// Written out, not NSString's `deletingLastPathComponent`, which crashed on some manifest
  /// values (the hostile-input test found it).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = path[..<slash]
    return directory.isEmpty ? "/" : String(directory)
  }

  func sizeEntries() -> [YAMLEntry] {
    // Copilot's defaults: 256 CPU units and 512 MiB for ECS workloads, 1 vCPU and 2 GB on
    // App Runner.
    let isAppRunner = type == .requestDrivenWebService
    let cpuValue = root.child("cpu")
    let memoryValue = root.child("memory")
    let cpu = cpuValue?.int ?? (isAppRunner ? 1024 : 256)
    let memory = memoryValue?.int ?? (isAppRunner ? 2048 : 512)
    var entries: [YAMLEntry] = []
    let (validCPU, validMemory) = Self.fargateSize(cpu: cpu, memory: memory)
    var comments = ["Copilot counts CPU units (1024 = 1 vCPU) and memory in MiB, as ecsgen does."]
    if (validCPU, validMemory) != (cpu, memory) {
      comments = [
        "WARNING: \(cpu) CPU units with \(memory) MiB is not a Fargate size; this is the",
        "smallest one that gives at least as much of both.",
      ]
    }
    if let cpuValue, cpuValue.int == nil {
      comments.append("TODO: \(Self.at(cpuValue)) is not a number of CPU units.")
    }
    if let memoryValue, memoryValue.int == nil {
      comments.append("TODO: \(Self.at(memoryValue)) is not a number of MiB.")
    }
    entries.append(YAMLEntry("cpu", .int(validCPU), spacedBefore: true, comments: comments))
    entries.append(YAMLEntry("memory", .int(validMemory)))
    if let platform = root.child("platform") {
      let text =
        platform.isMapping
        ? [platform.child("osfamily")?.string, platform.child("architecture")?.string]
          .compactMap { $0 }.joined(separator: "/")
        : platform.string ?? ""
      let lower = text.lowercased()
      if lower.contains("windows") {
        warn(
          platform,
          "Windows containers have no equivalent (ecsgen runs Linux tasks): the spec keeps linux/amd64; the image must be rebuilt for Linux."
        )
      } else if lower.contains("arm64") {
        entries.append(
          YAMLEntry("platform", .string("linux/arm64"), comments: ["From \(Self.at(platform))."]))
      } else if lower.contains("x86_64") || lower.contains("amd64") {
        entries.append(
          YAMLEntry("platform", .string("linux/amd64"), comments: ["From \(Self.at(platform))."]))
      } else {
        warn(platform, "`\(text.prefix(60))` is not a platform ecsgen knows; linux/amd64 applies.")
      }
    }
    return entries
  }

  /// The smallest Fargate size with at least `cpu` units and `memory` MiB (the largest size when
  /// nothing is that big).
  static func fargateSize(cpu: Int, memory: Int) -> (Int, Int) {
    if FargateSizes.isValid(cpuUnits: cpu, memoryMiB: memory) { return (cpu, memory) }
    for size in FargateSizes.all where size.cpuUnits >= cpu {
      if let fit = size.memoryValues.first(where: { $0 >= memory }) {
        return (size.cpuUnits, fit)
      }
    }
    let largest = FargateSizes.all.last
    return (largest?.cpuUnits ?? 256, largest?.memoryValues.last ?? 512)
  }

  func containerEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    let image = root.child("image")
    if kind == "web" || kind == "backend" {
      if let portValue = image?.child("port") {
        if let port = portValue.int, (1...65_535).contains(port) {
          entries.append(
            YAMLEntry(
              "port", .int(port), spacedBefore: true,
              comments: ["From \(Self.at(portValue))."]))
        } else if kind == "web" {
          entries.append(
            YAMLEntry(
              "port", .int(8080), spacedBefore: true,
              comments: ["TODO: \(Self.at(portValue)) is not a TCP port (1-65535); write the port."]
            ))
        }
      } else if kind == "web" {
        entries.append(
          YAMLEntry(
            "port", .int(type == .requestDrivenWebService ? 8080 : 80), spacedBefore: true,
            comments: [
              "TODO: the manifest has no `image.port`; this is Copilot's default for the type."
            ]))
      }
    }
    for key in ["entrypoint", "command"] {
      guard let value = root.child(key) else { continue }
      let words = value.isSequence ? value.strings : ShellWords.split(value.string ?? "")
      guard !words.isEmpty else { continue }
      entries.append(
        YAMLEntry(
          key, .sequence(words.map(YAMLNode.string)), spacedBefore: entries.isEmpty,
          comments: [
            "From \(Self.at(value))"
              + (value.isSequence ? "." : ", split into words as Copilot split it.")
          ]))
    }
    if let check = image?.child("healthcheck"),
      let entry = containerHealthCheck(check, key: "container_health_check")
    {
      entries.append(entry)
    }
    if let dependsOn = image?.child("depends_on"), let node = dependsOnNode(dependsOn) {
      entries.append(
        YAMLEntry("depends_on", node, comments: ["From \(Self.at(dependsOn))."]))
    }
    return entries
  }

  /// Copilot's container health check (`image.healthcheck`, a sidecar's `healthcheck`) in the
  /// spec's ranges.
  func containerHealthCheck(_ check: CopilotValue, key: String) -> YAMLEntry? {
    guard let commandValue = check.child("command") else {
      warn(check, "a container health check needs `command`; none was carried over.")
      return nil
    }
    var command = commandValue.isSequence ? commandValue.strings : [commandValue.string ?? ""]
    if commandValue.isSequence, let first = command.first, first != "CMD", first != "CMD-SHELL" {
      command.insert("CMD", at: 0)
    }
    guard !command.isEmpty, command != [""] else { return nil }
    var fields: [(String, YAMLNode?)] = [
      (
        "command",
        commandValue.isSequence ? .sequence(command.map(YAMLNode.string)) : .string(command[0])
      )
    ]
    var comments = ["From \(Self.at(check))."]
    func seconds(_ name: String, _ range: ClosedRange<Int>, _ target: String) {
      guard let value = check.child(name) else { return }
      guard let parsed = (value.string).flatMap(GoDuration.seconds) else {
        comments.append("TODO: \(Self.at(value)) is not a duration; ecsgen's default applies.")
        return
      }
      let clamped = min(max(parsed, range.lowerBound), range.upperBound)
      if clamped != parsed {
        comments.append(
          "WARNING: \(Self.at(value)) was \(parsed) s; ecsgen takes \(range.lowerBound)-\(range.upperBound) s."
        )
      }
      fields.append((target, .string(Self.durationText(clamped))))
    }
    seconds("interval", 5...300, "interval")
    seconds("timeout", 2...60, "timeout")
    if let value = check.child("retries") {
      if let retries = value.int {
        let clamped = min(max(retries, 1), 10)
        if clamped != retries {
          comments.append("WARNING: \(Self.at(value)) was \(retries); ecsgen takes 1-10.")
        }
        fields.append(("retries", .int(clamped)))
      }
    }
    seconds("start_period", 0...300, "start_period")
    return YAMLEntry(key, .map(fields), comments: comments)
  }

  /// `depends_on: {nginx: start}` → `{nginx: START}`.
  func dependsOnNode(_ value: CopilotValue) -> YAMLNode? {
    let conditions = ["START", "COMPLETE", "SUCCESS", "HEALTHY"]
    var entries: [YAMLEntry] = []
    let sidecars = Set(root.child("sidecars")?.entries.map(\.key) ?? [])
    for (name, condition) in value.entries {
      guard sidecars.contains(name) || name == serviceName else {
        warn(condition, "`\(name.prefix(60))` is not a sidecar of this manifest; left out.")
        continue
      }
      let upper = (condition.string ?? "").uppercased()
      guard conditions.contains(upper) else {
        warn(condition, "`\(upper.prefix(40))` is not a container condition; left out.")
        continue
      }
      entries.append(YAMLEntry(name, .string(upper)))
    }
    return entries.isEmpty ? nil : .mapping(entries)
  }

  func variableEntries() -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    if let variables = root.child("variables") {
      let mapped = environmentMapping(variables)
      if !mapped.isEmpty {
        entries.append(
          YAMLEntry(
            "environment", .mapping(mapped), spacedBefore: true,
            comments: ["From \(Self.at(variables))."]))
      }
    }
    if let secrets = root.child("secrets") {
      let (mapped, notes) = secretMapping(secrets)
      if !mapped.isEmpty || !notes.isEmpty {
        let comments = ["From \(Self.at(secrets))."] + notes
        if mapped.isEmpty {
          // No secret carried over: the notes go to the header, which says what to add.
          warnings += notes.map { $0.replacingOccurrences(of: "TODO: ", with: "") }
        } else {
          entries.append(
            YAMLEntry(
              "secrets", .mapping(mapped), spacedBefore: entries.isEmpty, comments: comments))
        }
      }
    }
    return entries
  }

  /// `variables` (and a sidecar's): plain values carry over; `from_cfn` has no equivalent.
  func environmentMapping(_ variables: CopilotValue) -> [YAMLEntry] {
    var mapped: [YAMLEntry] = []
    for (name, value) in variables.entries {
      if value.isMapping {
        if let stack = value.child("from_cfn")?.string {
          warn(
            value,
            "the value came from the CloudFormation export `\(stack.prefix(100))`, which ecsgen cannot read: write the value into `environment`."
          )
        }
        continue
      }
      guard let text = value.string else { continue }
      mapped.append(YAMLEntry(name, .string(text)))
    }
    return mapped
  }

  /// `secrets` (and a sidecar's): SSM parameter names and ARNs carry over; a Secrets Manager
  /// secret given by name needs its ARN, which the manifest does not hold.
  func secretMapping(_ secrets: CopilotValue) -> ([YAMLEntry], [String]) {
    var mapped: [YAMLEntry] = []
    var notes: [String] = []
    for (name, value) in secrets.entries {
      if value.isMapping {
        if let secretValue = value.child("secretsmanager"), let secret = secretValue.concrete {
          if secret.hasPrefix("arn:") {
            mapped.append(YAMLEntry(name, .string(secret)))
          } else {
            // One line, since the note may also go to the header as a WARNING.
            notes.append(
              "TODO: \(Self.at(value)) names the Secrets Manager secret `\(secret.prefix(120))`; the spec needs its ARN, which `aws secretsmanager describe-secret --secret-id NAME` prints (add `:JSON_KEY::` to read one key): add \(name) with it."
            )
          }
        } else if value.child("from_cfn") != nil {
          notes.append(
            "TODO: \(Self.at(value)) came from a CloudFormation export; add \(name) with the parameter's name or ARN."
          )
        }
        continue
      }
      guard let reference = value.concrete, !reference.isEmpty else { continue }
      if reference.hasPrefix("/") || reference.hasPrefix("arn:") {
        mapped.append(YAMLEntry(name, .string(reference)))
      } else {
        // SSM names without a slash are valid, but ecsgen reads a reference that starts with
        // `/` as an SSM name; the ARN form names the same parameter either way.
        mapped.append(
          YAMLEntry(
            name, .string("/" + reference),
            comments: [
              "TODO: Copilot read the SSM parameter `\(reference.prefix(120))` (no leading slash);",
              "ecsgen reads names that start with `/`: rename the parameter, or write its ARN.",
            ]))
      }
    }
    return (mapped, notes)
  }

  func loggingEntries() -> [YAMLEntry] {
    guard let retentionValue = root.child("logging", "retention") else { return [] }
    guard let days = retentionValue.int else {
      warn(retentionValue, "not a number of days; ecsgen's default (30) applies.")
      return []
    }
    let allowed = Self.logRetentionDays.first { $0 >= days } ?? Self.logRetentionDays.last ?? 30
    return [
      YAMLEntry(
        "logs", .map([("retention_days", .int(allowed))]), spacedBefore: true,
        comments: [
          allowed == days
            ? "From \(Self.at(retentionValue))."
            : "WARNING: \(Self.at(retentionValue)) was \(days) days, which CloudWatch Logs does not offer; this is the next value it does."
        ])
    ]
  }

  /// CloudWatch Logs' retention values, in days.
  static let logRetentionDays = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
  ]

  func tagEntries() -> [YAMLEntry] {
    guard let tags = root.child("tags") else { return [] }
    let mapped = tags.entries.compactMap { name, value in
      value.string.map { YAMLEntry(name, .string($0)) }
    }
    guard !mapped.isEmpty else { return [] }
    return [
      YAMLEntry(
        "tags", .mapping(mapped), spacedBefore: true, comments: ["From \(Self.at(tags))."])
    ]
  }
}
