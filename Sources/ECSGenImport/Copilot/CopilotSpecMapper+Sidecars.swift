import ECSGenRendering
import ECSGenSpec
import Foundation

/// `sidecars`.
extension CopilotSpecMapper {
  /// `sidecars.NAME` → `sidecars` entries.
  func sidecarEntries() -> [YAMLEntry] {
    guard let sidecars = root.child("sidecars") else { return [] }
    var items: [YAMLNode] = []
    for (name, sidecar) in sidecars.entries {
      guard items.count < 9 else {
        warn(sidecar, "a task holds at most 10 containers; this sidecar was left out.")
        continue
      }
      let validName =
        !name.isEmpty && name.count <= 255 && name != serviceName
        && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
      guard validName else {
        warn(
          sidecar,
          "a container name has 1-255 letters, digits, `-` and `_`; this sidecar was left out.")
        continue
      }
      var fields: [(String, YAMLNode?)] = [("name", .string(name))]
      let image = sidecar.child("image")
      if let location = image?.concrete ?? image?.child("location")?.concrete {
        fields.append(("image", .string(location)))
      } else {
        fields.append(
          (
            "image",
            .string(
              "todo-\(name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" })-image:tag"
            )
          ))
        // An image with a `${VAR}` left in it already has its TODO, and one built from
        // `image.build` its audit warning: only an image the manifest did not give is said here.
        let unresolvedReference = image?.string != nil || image?.child("location") != nil
        if !unresolvedReference && image?.has("build") != true {
          warn(
            image ?? sidecar,
            "the sidecar has no image reference: write the image it runs, as a registry reference."
          )
        }
      }
      if let port = sidecar.child("port")?.string {
        let parts = port.split(separator: "/")
        if let number = parts.first.flatMap({ Int($0) }), (1...65_535).contains(number) {
          fields.append(("port", .int(number)))
          if parts.count == 2, parts[1].lowercased() == "udp" {
            fields.append(("protocol", .string("udp")))
          }
        }
      }
      if let essential = sidecar.child("essential")?.bool {
        fields.append(("essential", .bool(essential)))
      }
      if let command = sidecar.child("command") {
        let words = command.isSequence ? command.strings : ShellWords.split(command.string ?? "")
        if !words.isEmpty { fields.append(("command", .sequence(words.map(YAMLNode.string)))) }
      }
      if let variables = sidecar.child("variables") {
        let mapped = environmentMapping(variables)
        if !mapped.isEmpty { fields.append(("environment", .mapping(mapped))) }
      }
      if let secrets = sidecar.child("secrets") {
        let (mapped, notes) = secretMapping(secrets)
        warnings += notes.map { $0.replacingOccurrences(of: "TODO: ", with: "") }
        if !mapped.isEmpty { fields.append(("secrets", .mapping(mapped))) }
      }
      if let check = sidecar.child("healthcheck"),
        let entry = containerHealthCheck(check, key: "health_check")
      {
        fields.append((entry.key, entry.value))
      }
      if let dependsOn = sidecar.child("depends_on"), let node = dependsOnNode(dependsOn) {
        fields.append(("depends_on", node))
      }
      items.append(.map(fields))
    }
    guard !items.isEmpty else { return [] }
    return [
      YAMLEntry(
        "sidecars", .sequence(items), spacedBefore: true,
        comments: ["From \(Self.at(sidecars))."])
    ]
  }
}
