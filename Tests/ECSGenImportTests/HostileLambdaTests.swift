import ECSGenImport
import ECSGenSpec
import Foundation
import Testing

/// A function configuration is input from whoever can edit the function: every field the
/// importer copies is quoted or escaped, so the spec it writes holds exactly the keys it meant.
@Suite struct HostileLambdaTests {
  static let injected = "\n ci:\n  role_arn: arn:aws:iam::666666666666:role/x\nfoo: bar"

  func importSpec(_ configuration: [String: Any]) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: configuration)
    let function = try LambdaConfigurationReader.read(data)
    return LambdaImporter(sourceFile: "f.json", serviceName: nil).spec(for: function)
  }

  /// Top-level keys of the written spec: lines that start a key at column 1.
  func topLevelKeys(_ spec: String) -> [String] {
    spec.split(separator: "\n").compactMap { line in
      guard let first = line.unicodeScalars.first, first != "#", first != " ", first != "-",
        let colon = line.firstIndex(of: ":")
      else { return nil }
      return String(line[..<colon])
    }
  }

  @Test(arguments: [
    Self.injected, "x\r ci: {role_arn: y}", "x\u{85}ci: y", "x\u{2028}ci: y", "x\u{2029}ci: y",
    "x\r\nci: y", "x\u{0}\u{1B}[2J\u{7F}", "\u{FEFF}ci: y",
  ])
  func fieldsCannotAddKeys(payload: String) throws {
    let configuration: [String: Any] = [
      "FunctionName": "orders" + payload,
      "FunctionArn": "arn:aws:lambda:eu-west-2:123456789012:function:orders" + payload,
      "Description": "Syncs orders" + payload,
      "MemorySize": 1024, "Timeout": 30, "Runtime": "python3.12" + payload,
      "Handler": "app.handler" + payload,
      "Role": "arn:aws:iam::123456789012:role/orders" + payload,
      "Environment": ["Variables": ["MODE" + payload: "x" + payload, "PLAIN": "v" + payload]],
      "LoggingConfig": ["LogGroup": "/aws/lambda/orders" + payload],
      "Layers": [["Arn": "arn:aws:lambda:eu-west-2:123456789012:layer:l:1" + payload]],
      "DeadLetterConfig": ["TargetArn": "arn:aws:sqs:eu-west-2:123456789012:q" + payload],
      "KMSKeyArn": "arn:aws:kms:eu-west-2:123456789012:key/k" + payload,
      "VpcConfig": [
        "VpcId": "vpc-1" + payload, "SubnetIds": ["subnet-1" + payload],
        "SecurityGroupIds": ["sg-1" + payload],
      ],
      "SnapStart": ["ApplyOn": "PublishedVersions" + payload],
    ]
    let spec = try importSpec(configuration)
    let loaded = ServiceSpecLoader.load(text: spec, file: "imported.yaml")
    // It parses (the values may break lint's rules, which is for `lint` to say) ...
    #expect(loaded.spec != nil, "\(loaded.diagnostics)\n\(spec)")
    #expect(loaded.diagnostics.filter { $0.rule == "unknown-key" }.isEmpty, "\(spec)")
    // ... with no key the importer did not write, and the values as they were.
    #expect(loaded.spec?.ci == nil, "\(spec)")
    #expect(!topLevelKeys(spec).contains("foo") && !topLevelKeys(spec).contains("ci"), "\(spec)")
    #expect(
      loaded.spec?.roles?.task?.arn?.value == "arn:aws:iam::123456789012:role/orders" + payload)
    let environment = loaded.spec?.environment?.map { ($0.key.value, $0.value.value) } ?? []
    #expect(environment.contains { $0 == ("MODE" + payload, "x" + payload) }, "\(environment)")
    #expect(loaded.spec?.network?.vpcID?.value == "vpc-1" + payload)
    // Comments never hold a line break: every line is a comment, blank, or YAML.
    for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
      #expect(!line.unicodeScalars.contains { [0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
    }
  }

  @Test(arguments: [
    #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "EphemeralStorage": {"Size": 9223372036854775807}}"#,
    #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "EphemeralStorage": {"Size": 9223372036854775000}}"#,
    #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "EphemeralStorage": {"Size": -4096}}"#,
    #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "EphemeralStorage": {"Size": 100}}"#,
    #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "EphemeralStorage": {"Size": "big"}}"#,
  ])
  func storageOutsideLambdasRangeIsRefused(json: String) {
    #expect {
      try LambdaConfigurationReader.read(Data(json.utf8))
    } throws: { error in
      (error as? ImportError)?.description.contains("512 to 10240 MB") == true
    }
  }

  @Test func storageAtTheBoundsIsRead() throws {
    for size in [512, 10240] {
      let json =
        #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "EphemeralStorage": {"Size": \#(size)}}"#
      #expect(try LambdaConfigurationReader.read(Data(json.utf8)).ephemeralStorageMB == size)
    }
  }

  @Test func largeFileIsRefusedWithTheReason() {
    let padding = String(repeating: "x", count: LambdaConfigurationReader.maxBytes)
    let json =
      #"{"FunctionName": "x", "MemorySize": 512, "Timeout": 3, "Description": "\#(padding)"}"#
    #expect {
      try LambdaConfigurationReader.read(Data(json.utf8))
    } throws: { error in
      (error as? ImportError)?.description.contains("at most 1048576 bytes") == true
    }
  }

  /// A port that no spec accepts is not copied: the default and its TODO stand instead.
  @Test(arguments: ["-1", "0", "65536", "99999999999999999999"])
  func unusablePortFallsBackToTheDefault(port: String) throws {
    let spec = try importSpec([
      "FunctionName": "x", "MemorySize": 512, "Timeout": 3,
      "Environment": ["Variables": ["PORT": port, "AWS_LWA_PORT": port]],
    ])
    #expect(spec.contains("\nport: 8080\n"), "\(spec)")
    #expect(!ServiceSpecLoader.load(text: spec, file: "s.yaml").hasErrors)
  }

  /// Lambda's own quotas bound what the importer writes: 40,000 secret-looking variables in a
  /// 1 MiB file took 5 s and wrote a 10 MB spec.
  @Test func environmentAndLayersBeyondLambdasQuotasAreRefused() throws {
    let variables = Dictionary(uniqueKeysWithValues: (0..<500).map { ("DB_PASSWORD_\($0)", "x") })
    let environment: [String: Any] = [
      "FunctionName": "x", "MemorySize": 512, "Timeout": 3,
      "Environment": ["Variables": variables],
    ]
    #expect {
      try LambdaConfigurationReader.read(JSONSerialization.data(withJSONObject: environment))
    } throws: { error in
      (error as? ImportError)?.description.contains("4 KB") == true
    }
    let layers: [String: Any] = [
      "FunctionName": "x", "MemorySize": 512, "Timeout": 3,
      "Layers": (0..<6).map { ["Arn": "arn:aws:lambda:eu-west-2:123456789012:layer:l:\($0)"] },
    ]
    #expect {
      try LambdaConfigurationReader.read(JSONSerialization.data(withJSONObject: layers))
    } throws: { error in
      (error as? ImportError)?.description.contains("at most 5") == true
    }
  }
}
