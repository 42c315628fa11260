/// The version of ecsgen and of the spec format it reads.
public enum ECSGenVersion {
  public static let tool = "0.1.0"
  public static let specVersion = 1
  public static var description: String { "ecsgen \(tool) (spec version \(specVersion))" }
}
