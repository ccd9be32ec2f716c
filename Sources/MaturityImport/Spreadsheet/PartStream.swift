import Foundation
import ZIPFoundation

/// The decompressed bytes of one part of a workbook, a chunk at a time. ZIPFoundation only
/// pushes the chunks of an entry to a closure, so it inflates the entry on a thread of its own,
/// which waits while a few chunks are not yet taken: a part of any size takes a few chunks of
/// memory. The entry's checksum is checked once it has been read to the end.
///
/// The archive must not be used for anything else until the stream has ended or is released.
final class PartStream {
    let part: String
    /// The size of the part, decompressed.
    let size: Int64
    /// Bytes handed out so far.
    private(set) var delivered: Int64 = 0
    private let channel: Channel

    init(archive: Archive, entry: Entry, part: String) {
        self.part = part
        size = Int64(entry.uncompressedSize)
        channel = Channel(part: part)
        let work = Unchecked((archive, entry))
        let channel = channel
        let thread = Thread {
            let (archive, entry) = work.value
            do {
                _ = try archive.extract(entry, bufferSize: 64 * 1024) { try channel.put($0) }
                channel.end(failed: false)
            } catch {
                channel.end(failed: true)
            }
        }
        thread.name = "maturity.workbook.inflate"
        thread.start()
    }

    /// Stops the inflating thread, if it still runs, and waits for it.
    deinit { channel.cancel() }

    /// The next chunk; nil at the end of the part.
    func next() throws(WorkbookError) -> Data? {
        guard let data = try channel.take() else { return nil }
        delivered += Int64(data.count)
        return data
    }

    /// Chunks handed from the inflating thread to the reading one.
    private final class Channel: @unchecked Sendable {
        private static let capacity = 4
        private let part: String
        private let condition = NSCondition()
        private var chunks: [Data] = []
        private var ended = false
        private var failed = false
        private var cancelled = false

        init(part: String) { self.part = part }

        /// On the inflating thread: waits for room; throws once the reader is gone.
        func put(_ data: Data) throws {
            condition.lock()
            defer { condition.unlock() }
            while chunks.count >= Self.capacity && !cancelled { condition.wait() }
            if cancelled { throw CancellationError() }
            chunks.append(data)
            condition.broadcast()
        }

        func end(failed: Bool) {
            condition.lock()
            defer { condition.unlock() }
            ended = true
            self.failed = failed && !cancelled
            condition.broadcast()
        }

        func take() throws(WorkbookError) -> Data? {
            condition.lock()
            defer { condition.unlock() }
            while chunks.isEmpty && !ended { condition.wait() }
            if !chunks.isEmpty {
                condition.broadcast()
                return chunks.removeFirst()
            }
            if failed {
                throw WorkbookError(reason: "\(part) cannot be decompressed; the file may be cut short: download or export it again")
            }
            return nil
        }

        func cancel() {
            condition.lock()
            defer { condition.unlock() }
            cancelled = true
            chunks.removeAll()
            condition.broadcast()
            while !ended { condition.wait() }
        }
    }
}

/// A value handed to another thread that only that thread then uses.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
