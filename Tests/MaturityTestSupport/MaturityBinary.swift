import Foundation

/// Runs the built `maturity` executable, as a user would.
public enum MaturityBinary {
    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// The executable next to the test bundle (`.build/<config>/maturity`).
    public static var url: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("maturity")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("maturity")
    }

    public static func run(
        _ arguments: [String], in directory: String? = nil, stdin: String? = nil,
        environment: [String: String] = [:]
    ) async throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // The reads and the wait block: they run on Dispatch threads, never on the two threads
        // of Swift's cooperative pool, which every other test needs to make progress.
        async let errData = blocking { err.fileHandleForReading.readDataToEndOfFile() }
        let outData = await blocking { out.fileHandleForReading.readDataToEndOfFile() }
        let stderrData = await errData
        await blocking { process.waitUntilExit() }
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Runs a blocking call on a Dispatch thread and waits for it without holding a thread of
    /// the cooperative pool.
    public static func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}

/// The binary left running, fed line by line, for tests that interrupt it.
public final class RunningBinary: @unchecked Sendable {
    public let process = Process()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    let lock = NSLock()
    var seen = Data()

    public init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        process.executableURL = MaturityBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { seen += data }
        }
        try process.run()
    }

    public var stdout: String { lock.withLock { String(decoding: seen, as: UTF8.self) } }

    public func type(_ lines: [String]) {
        input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// Waits until stdout contains `text` (at most `timeout`); returns whether it did.
    public func waitFor(_ text: String, timeout: Duration = .seconds(60)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        // Checked once more after the deadline: on a loaded machine this task may not run for a while.
        while true {
            if stdout.contains(text) { return true }
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Sends `signal`, waits for the exit; returns the exit status and stderr.
    public func stop(with signal: Int32) -> (status: Int32, stderr: String) {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try? input.fileHandleForWriting.close()
        return (process.terminationStatus, stderr)
    }
}
