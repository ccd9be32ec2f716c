import Foundation

/// Runs shell scripts for end-to-end tests (concurrent writers, killed processes).
public enum ShellRunner {
    public static func run(_ script: String, argument: String, in directory: String, environment: [String: String]) async throws
        -> MaturityBinary.Result
    {
        let process = process(script, argument: argument, in: directory, environment: environment)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = await MaturityBinary.blocking { out.fileHandleForReading.readDataToEndOfFile() }
        await MaturityBinary.blocking { process.waitUntilExit() }
        return MaturityBinary.Result(stdout: String(decoding: data, as: UTF8.self), stderr: "", status: process.terminationStatus)
    }

    /// Runs the script, then after `delay` SIGKILLs it and the `maturity` process it is running,
    /// as `kill -9` or a closed terminal would: the shell is stopped first so it starts nothing
    /// new, then its children and itself are killed.
    public static func runAndKill(_ script: String, in directory: String, environment: [String: String], after delay: Duration) async throws
    {
        let process = process(script, argument: "", in: directory, environment: environment)
        try process.run()
        try await Task.sleep(for: delay)
        let pid = process.processIdentifier
        kill(pid, SIGSTOP)
        let killer = Process()
        killer.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        killer.arguments = ["-KILL", "-P", String(pid)]
        try killer.run()
        await MaturityBinary.blocking { killer.waitUntilExit() }
        kill(pid, SIGKILL)
        await MaturityBinary.blocking { process.waitUntilExit() }
    }

    static func process(_ script: String, argument: String, in directory: String, environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", argument]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }
}
