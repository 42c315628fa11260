import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the workspace when the benchmark is interrupted (Ctrl-C) or terminated, so that a
/// run stopped halfway does not leave thousands of files on tmpfs, which is memory.
///
/// The main thread is blocked in `wait4` most of the time, so the handlers run on a global
/// queue; the signals are ignored so that only these handlers see them (children get the default
/// actions back, see ChildProcess).
final class InterruptCleanup {
  private var sources: [any DispatchSourceSignal] = []

  init(removing workspace: Workspace) {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        workspace.remove()
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
