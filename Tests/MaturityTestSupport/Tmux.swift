import Foundation

/// A private tmux server running one command in a real terminal, driven by `send-keys` and read
/// by `capture-pane`: the interview's TTY path, as a person sees it.
public final class Tmux: Sendable {
    public static var available: Bool { path != nil }

    static var path: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let socket = "maturity-test-" + UUID().uuidString.prefix(8)

    /// Starts `command` (a shell command line) in a detached 120×40 session.
    public init(_ command: String) throws {
        try tmux(["new-session", "-d", "-s", "main", "-x", "120", "-y", "40", command])
    }

    deinit { try? tmux(["kill-server"]) }

    /// Runs a tmux client with posix_spawn and waitpid: Foundation's Process never sees the
    /// client exit when the server it starts keeps the inherited descriptors open.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = NSTemporaryDirectory() + "tmux-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let argv = [Self.path ?? "/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Self.closeInheritedDescriptors(&actions)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// The first client starts the tmux server, which outlives it. Without this it would inherit
    /// every descriptor the test process has open, among them the write ends of other tests'
    /// output pipes: those tests would then never read end-of-file while the server lives.
    /// (glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module hides.)
    static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// Types `keys` (tmux key names such as `Enter` or `C-c` are sent as keys).
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// The visible screen; with `escapes`, colours and attributes as escape sequences.
    public func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen contains `text`; returns the screen then (or the last one seen).
    public func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        // Checked once more after the deadline: on a loaded machine this task may not run for a while.
        while true {
            let last = try screen()
            if last.contains(text) || clock.now >= deadline { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
