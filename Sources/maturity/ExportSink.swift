import ArgumentParser
import Foundation

/// Where an export is written as it is made: standard output, or a temporary file beside the
/// destination, moved into place when the export is complete. A failed export leaves any
/// earlier file at the destination as it was, and no half-written one.
final class ExportSink {
    private let handle: FileHandle
    private let destination: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    static let flushSize = 1 << 20

    init(output: String?) throws {
        guard let output else {
            (handle, destination, temporary) = (.standardOutput, nil, nil)
            return
        }
        let url = URL(fileURLWithPath: output)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary)
        else { throw Self.cannotWrite(output) }
        (self.handle, destination, self.temporary) = (handle, output, temporary)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is left and moves the file into place.
    func finish() throws {
        try flush()
        guard let destination, let temporary else { return }
        do {
            try handle.close()
            guard rename(temporary, destination) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            discard()
            throw Self.cannotWrite(destination)
        }
    }

    /// Removes the temporary file of an export that failed.
    func discard() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            discard()
            throw Self.cannotWrite(destination ?? "standard output")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func cannotWrite(_ path: String) -> ExitCode {
        Output.error("\(path): error: cannot write the export; check the folder exists and is writable")
        return ExitCode.failure
    }
}
