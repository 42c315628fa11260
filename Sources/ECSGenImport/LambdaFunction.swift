/// What ecsgen reads from the JSON of `aws lambda get-function-configuration` (or of
/// `aws lambda get-function`, which wraps it in `Configuration` and adds `Code` and `Concurrency`).
public struct LambdaFunction: Sendable {
  public var name: String
  public var arn: String?
  public var description: String?
  public var memoryMB: Int
  public var timeoutSeconds: Int
  public var packageType: PackageType
  public var runtime: String?
  public var handler: String?
  public var imageURI: String?
  public var imageEntryPoint: [String]?
  public var imageCommand: [String]?
  public var architecture: String
  public var ephemeralStorageMB: Int?
  /// Sorted by name.
  public var environment: [(name: String, value: String)]
  public var roleARN: String?
  public var vpc: VPC?
  public var logGroup: String?
  public var layers: [String]
  public var deadLetterTarget: String?
  public var snapStart: String?
  public var tracingActive: Bool
  public var fileSystems: [String]
  public var environmentKMSKey: String?
  public var reservedConcurrency: Int?
  /// Sorted by key.
  public var tags: [(key: String, value: String)]

  public enum PackageType: String, Sendable, Equatable {
    case zip = "Zip"
    case image = "Image"
  }

  public struct VPC: Sendable, Equatable {
    public var vpcID: String?
    public var subnetIDs: [String]
    public var securityGroupIDs: [String]
  }

  /// The region in the function's ARN (`arn:aws:lambda:REGION:...`).
  public var region: String? {
    guard let arn else { return nil }
    let fields = arn.split(separator: ":", omittingEmptySubsequences: false)
    return fields.count > 3 && !fields[3].isEmpty ? String(fields[3]) : nil
  }
}
