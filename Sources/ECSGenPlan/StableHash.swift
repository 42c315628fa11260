/// A short hash that is the same on every machine and every run, for names that must change when
/// the attributes that force AWS to replace a resource change.
///
/// FNV-1a (64 bit) over the parts joined by a separator that cannot appear in them; it is not a
/// security measure, only a fingerprint: two versions of the same resource collide with a
/// probability of one in 16^length.
enum StableHash {
  static func hex(_ parts: [String], length: Int = 6) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in parts.joined(separator: "\u{1F}").utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    let padded = String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    return String(padded.prefix(length))
  }
}
