import ECSGenRendering
import ECSGenSpec
import Foundation

/// `variables` and `secrets` (also a sidecar's).
extension CopilotSpecMapper {
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
            // One line, since the note may also go to the header as a WARNING. Copilot's
            // `NAME:JSON_KEY:VERSION_STAGE:VERSION_ID` form reads one key of a JSON secret:
            // the ARN needs the same suffix.
            let secretName = secret.prefix { $0 != ":" }
            let suffix = secret.dropFirst(secretName.count)
            let keyNote =
              suffix.isEmpty
              ? " (add `:JSON_KEY::` to read one key)"
              : ", then append `\(suffix.prefix(120))` to it to read the same key"
            notes.append(
              "TODO: \(Self.at(value)) names the Secrets Manager secret `\(secretName.prefix(120))`; the spec needs its ARN, which `aws secretsmanager describe-secret --secret-id \(secretName.prefix(120))` prints\(keyNote): add \(name) with it."
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
}
