import ECSGenCLI
import Foundation
import Testing

/// Until their renderers exist, `backend`, `worker` and `job` specs are validated in full and
/// then refused: `lint` and `render` both fail on `unsupported-kind`, and `render` writes nothing.
@Suite struct KindRenderTests {
  static let specs = [
    "name: api-internal\nkind: backend\nimage: public.ecr.aws/nginx/nginx:1.27\nport: 9000\n",
    "name: orders-worker\nkind: worker\nimage: public.ecr.aws/nginx/nginx:1.27\nqueue: {}\n",
    "name: nightly\nkind: job\nimage: public.ecr.aws/nginx/nginx:1.27\nschedule: rate(1 day)\n",
  ]

  @Test(arguments: specs)
  func aValidSpecOfANewKindIsRefusedAndRendersNothing(spec: String) throws {
    let directory = try TemporaryDirectory()
    let path = "\(directory.path)/spec.yaml"
    try Data(spec.utf8).write(to: URL(fileURLWithPath: path))
    let lint = LintRunner().run(paths: [path])
    #expect(lint.status == .findings)
    let errors = lint.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 1 && errors.first?.hasSuffix("[unsupported-kind]") == true)
    let out = "\(directory.path)/out"
    let render = RenderRunner(outputDirectory: out).run(paths: [path])
    #expect(render.status == .findings)
    #expect(render.standardError.contains("[unsupported-kind]"))
    let written = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
    #expect(written.isEmpty)
  }
}
