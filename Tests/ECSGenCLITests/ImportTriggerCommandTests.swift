import ECSGenCLI
import ECSGenImport
import ECSGenTestSupport
import Foundation
import Testing

/// `ecsgen import lambda` with trigger files: the kind in the summary, and a bad trigger file
/// refused with its name before anything is written.
@Suite struct ImportTriggerCommandTests {
  let cases = GoldenFile.packageRoot + "/examples/lambda-triggers/"

  @Test func aWorkerIsWrittenDespiteTheKindNotRenderingYet() throws {
    let directory = try TemporaryDirectory()
    let out = directory.path + "/specs/orders.yaml"
    let output = ImportRunner(
      outputPath: out,
      triggerFiles: TriggerFiles(
        eventSourceMappings: cases + "sqs-worker/event-source-mappings.json")
    ).run(file: cases + "sqs-worker/function.json")
    #expect(output.status == .clean, "\(output.standardError)")
    #expect(output.standardError.contains("as the service order-events (kind: worker): review"))
    let written = try #require(FileManager.default.contents(atPath: out))
    #expect(String(decoding: written, as: UTF8.self).contains("\nkind: worker\n"))
  }

  @Test(arguments: [
    (
      #"{"EventSourceMappings": [{"EventSourceArn": "arn:aws:sqs:r:1:q", "BatchSize": "ten"}]}"#,
      "BatchSize"
    ),
    ("{broken", "not JSON"),
  ])
  func aBadTriggerFileIsNamedAndNothingIsWritten(json: String, reason: String) throws {
    let directory = try TemporaryDirectory()
    let bad = directory.path + "/mappings.json"
    try Data(json.utf8).write(to: URL(fileURLWithPath: bad))
    let out = directory.path + "/spec.yaml"
    let output = ImportRunner(
      outputPath: out, triggerFiles: TriggerFiles(eventSourceMappings: bad)
    ).run(file: cases + "sqs-worker/function.json")
    #expect(output.status == .findings)
    #expect(output.standardError.contains(bad + ": "))
    #expect(output.standardError.contains(reason))
    #expect(output.standardOutput.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aMissingTriggerFileIsAToolFailure() throws {
    let directory = try TemporaryDirectory()
    let output = ImportRunner(
      triggerFiles: TriggerFiles(rules: directory.path + "/missing.json")
    ).run(file: cases + "sqs-worker/function.json")
    #expect(output.status == .toolFailure)
    #expect(output.standardError.contains("missing.json"))
  }
}
