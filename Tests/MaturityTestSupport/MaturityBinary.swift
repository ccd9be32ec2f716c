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
        // Drain stderr concurrently so a chatty process never blocks on a full pipe.
        let errData = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrData = await errData.value
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
            status: process.terminationStatus)
    }
}
