import ECSGenRendering

/// The version of ecsgen and of the spec format it reads.
public enum ECSGenVersion {
  public static let tool = ToolInfo.version
  public static let specVersion = 1
  public static var description: String { "ecsgen \(tool) (spec version \(specVersion))" }
}
