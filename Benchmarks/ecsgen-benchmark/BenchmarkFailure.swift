/// A failure that ends the benchmark with a message and an exit status.
struct BenchmarkFailure: Error {
  var message: String
  var status: Int32 = 1
}
