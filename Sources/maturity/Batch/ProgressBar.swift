import Foundation

/// A one-line progress bar on stderr, with rate and ETA, only when stderr is a terminal.
final class ProgressBar {
    private let enabled: Bool
    private let total: Int64
    private let start = Date()
    private var lastDraw = Date.distantPast

    /// `total` is the size in bytes of the files to read.
    init(totalBytes: Int64, environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
        total = max(totalBytes, 1)
    }

    func update(bytes: Int64, rows: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let fraction = min(1, Double(bytes) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(rows) / elapsed
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %3.0f%%  %d rows  %.0f rows/s  ETA %@", bar, fraction * 100, rows, rate, Self.duration(eta))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
