import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// Two specs of one run that claim the same priority on the same shared listener.
@Suite struct ListenerPriorityTests {
  static let listener =
    "arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/shared-public/50dc6c495c0c9188/f2f7dc8efc522ab2"

  private func spec(_ name: String, priority: Int, host: String) -> String {
    """
    name: \(name)
    region: eu-west-2
    image: public.ecr.aws/nginx/nginx:1.27
    port: 8080
    load_balancer:
      listener_arn: \(Self.listener)
      security_group: sg-0123456789abcdef0
      priority: \(priority)
      hosts: [\(host)]

    """
  }

  private func lint(_ specs: [(String, String)]) throws -> String {
    let directory = try TemporaryDirectory()
    for (file, text) in specs {
      try text.write(toFile: directory.path + "/" + file, atomically: true, encoding: .utf8)
    }
    return LintRunner(baseDirectory: directory.path).run(paths: specs.map(\.0)).standardOutput
  }

  @Test func aClashIsReportedAtBothSpecs() throws {
    let output = try lint([
      ("catalog.yaml", spec("catalog-web", priority: 120, host: "shop.example.com")),
      ("basket.yaml", spec("basket-web", priority: 120, host: "basket.example.com")),
    ])
    let clashes = output.split(separator: "\n").filter { $0.hasSuffix("[listener-priority-clash]") }
    #expect(clashes.count == 2)
    #expect(clashes.contains { $0.hasPrefix("catalog.yaml:8:13: error:") })
    #expect(clashes.contains { $0.hasPrefix("basket.yaml:8:13: error:") })
  }

  @Test func differentPrioritiesShareAListener() throws {
    let output = try lint([
      ("catalog.yaml", spec("catalog-web", priority: 120, host: "shop.example.com")),
      ("basket.yaml", spec("basket-web", priority: 121, host: "basket.example.com")),
    ])
    #expect(!output.contains("listener-priority-clash"))
    #expect(!output.contains("error:"))
  }
}
