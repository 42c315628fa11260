import Foundation

/// Why a file could not be imported; the message says what was expected.
public struct ImportError: Error, CustomStringConvertible, Sendable, Equatable {
  public var description: String

  init(_ description: String) {
    self.description = description
  }

  /// A file above the size ecsgen reads (`LambdaConfigurationReader.maxBytes`).
  public init(tooLarge size: Int, limit: Int) {
    self.description =
      "the file has \(size) bytes; a Lambda function configuration is a few kilobytes and ecsgen reads at most \(limit) bytes (1 MiB), so check that this is the output of `aws lambda get-function`"
  }
}

/// Reads the JSON the AWS CLI prints for a function, checking it against Lambda's own limits.
public enum LambdaConfigurationReader {
  /// Lambda's limits (Lambda developer guide): memory 128-10240 MB, timeout 1-900 s.
  static let memoryRange = 128...10240
  static let timeoutRange = 1...900
  /// Lambda's /tmp: 512 to 10,240 MB (Lambda developer guide, "Configure ephemeral storage").
  static let ephemeralStorageRange = 512...10240
  /// The largest configuration read (1 MiB). A real `get-function` answer is a few kilobytes:
  /// Lambda caps the environment at 4 KB, the description at 256 characters, layers at 5 and tags
  /// at 50. A larger file is not a function configuration, and reading it would only cost memory
  /// and time and produce a spec no one can review.
  public static let maxBytes = 1 << 20
  /// Lambda quotas: all environment variables of a function together take at most 4 KB (names
  /// and values), and a function has at most 5 layers. A configuration beyond them is not one
  /// Lambda runs, and refusing it keeps the written spec a few kilobytes long.
  static let maxEnvironmentBytes = 4096
  static let maxLayers = 5

  public static func read(_ data: Data) throws(ImportError) -> LambdaFunction {
    guard data.count <= maxBytes else { throw ImportError(tooLarge: data.count, limit: maxBytes) }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ImportError(
        "the file is not JSON; give the output of `aws lambda get-function-configuration --function-name NAME` or `aws lambda get-function --function-name NAME`"
      )
    }
    guard let root = object as? [String: Any] else {
      throw ImportError(
        "the JSON is not an object; expected the output of `aws lambda get-function-configuration`")
    }
    // get-function wraps the configuration and adds Code (the image URI) and Concurrency.
    let configuration = root["Configuration"] as? [String: Any] ?? root
    guard configuration["FunctionName"] != nil || configuration["FunctionArn"] != nil else {
      throw ImportError(
        "this JSON has no `FunctionName`, so it is not the output of `aws lambda get-function-configuration` or `aws lambda get-function`"
      )
    }
    let fields = Fields(configuration)
    let name = try fields.requiredString("FunctionName")
    let memory = try fields.requiredInt("MemorySize")
    let timeout = try fields.requiredInt("Timeout")
    guard memoryRange.contains(memory) else {
      throw ImportError(
        "`MemorySize` is \(memory) MB; Lambda allows 128 to 10240 MB, so this is not a real function configuration"
      )
    }
    guard timeoutRange.contains(timeout) else {
      throw ImportError(
        "`Timeout` is \(timeout) s; Lambda allows 1 to 900 s, so this is not a real function configuration"
      )
    }
    let storage = (configuration["EphemeralStorage"] as? [String: Any])?["Size"]
    var ephemeralStorage: Int?
    if let storage {
      guard let size = storage as? Int, ephemeralStorageRange.contains(size) else {
        throw ImportError(
          "`EphemeralStorage.Size` is \(String(describing: storage).prefix(40)); Lambda allows 512 to 10240 MB, so this is not a real function configuration"
        )
      }
      ephemeralStorage = size
    }
    let packageType =
      LambdaFunction.PackageType(rawValue: fields.string("PackageType") ?? "Zip") ?? .zip
    let code = root["Code"] as? [String: Any]
    let imageConfig =
      (configuration["ImageConfigResponse"] as? [String: Any])?["ImageConfig"] as? [String: Any]
    let vpcObject = configuration["VpcConfig"] as? [String: Any]
    let subnets = vpcObject?["SubnetIds"] as? [String] ?? []
    let variables =
      (configuration["Environment"] as? [String: Any])?["Variables"] as? [String: Any] ?? [:]
    let environment = variables.keys.sorted().map { key in
      (name: key, value: "\(variables[key] ?? "")")
    }
    let environmentBytes = environment.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
    guard environmentBytes <= maxEnvironmentBytes else {
      throw ImportError(
        "the environment variables take \(environmentBytes) bytes; Lambda allows 4 KB for all of them together, so this is not a real function configuration"
      )
    }
    let layerCount = (configuration["Layers"] as? [Any])?.count ?? 0
    guard layerCount <= maxLayers else {
      throw ImportError(
        "the configuration has \(layerCount) layers; Lambda allows at most 5, so this is not a real function configuration"
      )
    }
    let tags = (root["Tags"] as? [String: Any] ?? [:]).map { (key: $0.key, value: "\($0.value)") }
      .sorted { $0.key < $1.key }
    let snapStart = (configuration["SnapStart"] as? [String: Any])?["ApplyOn"] as? String
    return LambdaFunction(
      name: name,
      arn: fields.string("FunctionArn"),
      description: fields.string("Description").flatMap { $0.isEmpty ? nil : $0 },
      memoryMB: memory,
      timeoutSeconds: timeout,
      packageType: packageType,
      runtime: fields.string("Runtime"),
      handler: fields.string("Handler"),
      imageURI: code?["ImageUri"] as? String,
      imageEntryPoint: imageConfig?["EntryPoint"] as? [String],
      imageCommand: imageConfig?["Command"] as? [String],
      architecture: (configuration["Architectures"] as? [String])?.first ?? "x86_64",
      ephemeralStorageMB: ephemeralStorage,
      environment: environment,
      roleARN: fields.string("Role"),
      vpc: subnets.isEmpty
        ? nil
        : LambdaFunction.VPC(
          vpcID: (vpcObject?["VpcId"] as? String).flatMap { $0.isEmpty ? nil : $0 },
          subnetIDs: subnets,
          securityGroupIDs: vpcObject?["SecurityGroupIds"] as? [String] ?? []),
      logGroup: (configuration["LoggingConfig"] as? [String: Any])?["LogGroup"] as? String,
      layers: (configuration["Layers"] as? [[String: Any]] ?? []).compactMap {
        $0["Arn"] as? String
      },
      deadLetterTarget: (configuration["DeadLetterConfig"] as? [String: Any])?["TargetArn"]
        as? String,
      snapStart: snapStart == "None" ? nil : snapStart,
      tracingActive: (configuration["TracingConfig"] as? [String: Any])?["Mode"] as? String
        == "Active",
      fileSystems: (configuration["FileSystemConfigs"] as? [[String: Any]] ?? []).compactMap {
        $0["Arn"] as? String
      },
      environmentKMSKey: fields.string("KMSKeyArn"),
      reservedConcurrency: (root["Concurrency"] as? [String: Any])?["ReservedConcurrentExecutions"]
        as? Int,
      tags: tags)
  }

  /// Typed access to the configuration's fields, with errors that name the field.
  private struct Fields {
    let object: [String: Any]

    init(_ object: [String: Any]) {
      self.object = object
    }

    func string(_ key: String) -> String? { object[key] as? String }

    func requiredString(_ key: String) throws(ImportError) -> String {
      guard let value = object[key] as? String, !value.isEmpty else {
        throw ImportError("the configuration has no `\(key)`; it is required to import a function")
      }
      return value
    }

    func requiredInt(_ key: String) throws(ImportError) -> Int {
      guard let number = object[key] as? Int else {
        throw ImportError(
          "the configuration has no whole-number `\(key)`; it is required to import a function")
      }
      return number
    }
  }
}
