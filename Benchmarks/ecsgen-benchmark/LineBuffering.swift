// `stdout` is a C global variable, which Swift 6 only lets a preconcurrency import reach.
#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Makes standard output line-buffered even into a pipe or a CI log, so that each figure shows
/// as soon as it is measured rather than when the benchmark ends (or is interrupted).
func lineBufferStandardOutput() {
  setvbuf(stdout, nil, _IOLBF, 0)
}
