import Foundation

/// Paths and helpers shared by the test targets.
public enum TestSupport {
    /// The repository root, found from this file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Whether golden files are being re-recorded (`RECORD_GOLDEN=1 swift test`).
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }
}

/// Golden-file comparison. With `RECORD_GOLDEN=1` the file is rewritten and the check fails,
/// so a recording run can never pass silently.
public enum Golden {
    public enum Outcome: Equatable {
        case match
        case recorded(String)
        case mismatch(expected: String?, path: String)
    }

    public static func compare(_ actual: String, to relative: String) -> Outcome {
        let path = TestSupport.path(relative)
        if TestSupport.isRecording {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return .recorded(relative)
        }
        let expected = try? String(contentsOfFile: path, encoding: .utf8)
        return expected == actual ? .match : .mismatch(expected: expected, path: relative)
    }
}
