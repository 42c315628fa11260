import ECSGenCLI
import ECSGenTestSupport
import Foundation
import Testing

/// `ecsgen import lambda` as a command: exit statuses and where the spec goes.
@Suite struct ImportCommandTests {
  let fixture = GoldenFile.packageRoot + "/examples/lambda/orders-sync-zip.json"

  @Test func printsTheSpecAndASummary() {
    let output = ImportRunner().run(file: fixture)
    #expect(output.status == .clean)
    #expect(output.standardOutput.contains("name: orders-sync-prod\n"))
    #expect(output.standardError.contains("as the service orders-sync-prod: review 6 TODO"))
  }

  @Test func writesTheSpecWithOut() throws {
    let directory = try TemporaryDirectory()
    let output = ImportRunner(outputPath: directory.path + "/specs/orders.yaml").run(file: fixture)
    #expect(output.status == .clean)
    #expect(output.standardOutput.isEmpty)
    #expect(FileManager.default.fileExists(atPath: directory.path + "/specs/orders.yaml"))
  }

  @Test func badInputExitsWithOneAndAnInvalidNameIsReported() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/bad.json"
    try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
    let bad = ImportRunner().run(file: path)
    #expect(bad.status == .findings)
    #expect(bad.standardError.contains("no `FunctionName`"))
    let badName = ImportRunner(serviceName: "Bad_Name").run(file: fixture)
    #expect(badName.status == .findings)
    #expect(badName.standardError.contains("[invalid-name]"))
    #expect(ImportRunner().run(file: directory.path + "/missing.json").status == .toolFailure)
  }
}
