import ECSGenRendering
import ECSGenSpec
import Foundation

/// `image` and the task's size: `image`, `cpu`, `memory`, `platform`.
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
}
