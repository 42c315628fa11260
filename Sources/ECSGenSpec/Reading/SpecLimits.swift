/// Hard limits on what ecsgen reads, so that hostile or broken input is refused quickly and in
/// bounded memory instead of exhausting the machine. A real spec is a few kilobytes, a few levels
/// deep and a few hundred nodes; every limit here leaves two orders of magnitude of room.
public enum SpecLimits {
  /// Files above this size are refused before they are read (1 MiB).
  public static let maxFileBytes = 1 << 20
  /// The deepest nesting of indentation plus brackets the pre-scan lets through to the YAML parser,
  /// whose composer recurses once per level.
  public static let maxNestingDepth = 100
  /// The most YAML nodes a document may have once its aliases are expanded. Aliases let a small
  /// file describe an enormous tree ("billion laughs"); refusing it before decoding bounds the work
  /// of every later stage.
  public static let maxExpandedNodes = 100_000
  /// The largest number any field reads, after units are applied (seconds, MiB, CPU units, counts,
  /// ports, percentages): 2,147,483,647, the largest any AWS setting of a spec takes (ECS's health
  /// check grace period, in seconds). It keeps the product of any two numbers within `Int`, so no
  /// later arithmetic can overflow.
  public static let maxNumber = Int(Int32.max)
}
