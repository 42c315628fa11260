import ECSGenDiagnostics

extension SpecValidator {
  /// `cpu` and `memory` (a valid Fargate pair) and `ephemeral_storage`.
  func checkSize(_ spec: ServiceSpec, _ findings: inout Findings) {
    findings.checkRange(
      spec.ephemeralStorage, AWSLimits.ephemeralStorageGiB, field: "ephemeral_storage", unit: "GiB")
    // A size that could not be decoded was reported already; checking the pair against a
    // default the user did not write would only add noise.
    if spec.undecodableFields.contains("cpu") || spec.undecodableFields.contains("memory") {
      return
    }
    let cpuUnits = spec.cpu?.value.units ?? SpecDefaults.cpuUnits
    let memory = spec.memory?.value.mebibytes ?? SpecDefaults.memoryMiB
    guard let size = FargateSizes.size(cpuUnits: cpuUnits) else {
      // `cpu` is necessarily written here: the default is a Fargate size.
      guard let cpu = spec.cpu else { return }
      var notes = [
        "allowed: "
          + FargateSizes.all.map { "\($0.cpuUnits) (\($0.vCPU) vCPU)" }.joined(separator: ", ")
      ]
      if cpu.value.writtenAsPlainNumber, cpu.value.units <= 16,
        FargateSizes.size(cpuUnits: cpu.value.units * 1024) != nil
      {
        notes.append(
          "`cpu` counts CPU units (1024 per vCPU); did you mean `\(cpu.value.units) vCPU`?")
      }
      findings.add(
        .error(
          "fargate-size", at: cpu.location,
          "cpu \(cpuUnits) is not a Fargate task size; use one of the CPU sizes below",
          notes: notes))
      return
    }
    guard !size.memoryValues.contains(memory) else { return }
    let otherSizes = FargateSizes.cpuSizes(allowing: memory)
    var notes: [String] = []
    if !otherSizes.isEmpty {
      notes.append(
        "\(memory) MiB is allowed with cpu "
          + otherSizes.map { "\($0.cpuUnits)" }.joined(separator: " or "))
    }
    if let written = spec.memory?.value, written.writtenAsPlainNumber, written.mebibytes <= 120 {
      notes.append("`memory` counts MiB; did you mean `\(written.mebibytes) GB`?")
    }
    let message =
      "memory \(memory) MiB\(spec.memory == nil ? " (the default)" : "") does not fit cpu \(cpuUnits); Fargate allows \(size.memoryDescription) with \(cpuUnits) CPU units"
    // Point at what the user wrote: the memory if they wrote it, otherwise the cpu that
    // made the default memory invalid.
    let location = spec.memory?.location ?? spec.cpu?.location ?? spec.location
    findings.add(.error("fargate-size", at: location, message, notes: notes))
  }
}
