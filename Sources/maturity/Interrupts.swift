import Foundation

/// Ctrl-C, a closed terminal (SIGHUP) or SIGTERM: run `handler`, which saves and exits with
/// 128 + the signal number (130 for Ctrl-C), or asks the work in progress to stop.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(_ handler: @escaping @Sendable (Int32) -> Void) {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }
}
