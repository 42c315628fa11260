import ECSGenImport
import Foundation
import Testing

/// Input that is not a usable function configuration gets a clear error.
@Suite struct BadLambdaInputTests {
  @Test(arguments: [
    ("not json at all", "not JSON"),
    ("[1, 2]", "not an object"),
    (#"{"Functions": [{"FunctionName": "x"}]}"#, "no `FunctionName`"),
    (#"{"FunctionName": "x", "Timeout": 3}"#, "`MemorySize`"),
    (#"{"FunctionName": "x", "MemorySize": 512}"#, "`Timeout`"),
    (#"{"FunctionName": "x", "MemorySize": 20000, "Timeout": 3}"#, "128 to 10240 MB"),
    (#"{"FunctionName": "x", "MemorySize": 64, "Timeout": 3}"#, "128 to 10240 MB"),
    (#"{"FunctionName": "x", "MemorySize": 512, "Timeout": 901}"#, "1 to 900 s"),
    (#"{"FunctionName": "x", "MemorySize": 512, "Timeout": 0}"#, "1 to 900 s"),
    (#"{"FunctionName": "x", "MemorySize": "lots", "Timeout": 3}"#, "`MemorySize`"),
  ])
  func isRefusedWithAReason(json: String, reason: String) {
    #expect {
      try LambdaConfigurationReader.read(Data(json.utf8))
    } throws: { error in
      (error as? ImportError)?.description.contains(reason) == true
    }
  }

  @Test func getFunctionOutputIsUnwrapped() throws {
    let json =
      #"{"Configuration": {"FunctionName": "x", "MemorySize": 512, "Timeout": 3}, "Code": {"ImageUri": "r/x:1"}}"#
    let function = try LambdaConfigurationReader.read(Data(json.utf8))
    #expect(function.name == "x")
    #expect(function.imageURI == "r/x:1")
  }
}
