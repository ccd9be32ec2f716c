import Dispatch
import MaturityImport

/// Reads the rows of one export a chunk ahead, on a thread of its own: the next chunk is read
/// while the current one is converted and scored. Read on the thread that scores, a chunk
/// left every other core idle while it was read (a tenth of a row's work).
///
/// The source is only touched by that thread, one chunk at a time, and never after `close()`.
final class ChunkReader: @unchecked Sendable {
    struct Chunk: Sendable {
        var rows: [RawResponse] = []
        /// Bytes of the file read once the chunk was read, for progress.
        var bytesRead: Int64 = 0
        /// Why reading stopped before the end of the file; `rows` holds the rows read before.
        var error: ImportError?
        /// Whether no chunk follows: the end of the file (fewer rows than asked), or an error.
        var isLast = true
    }

    private let source: any ResponseSource
    private let size: Int
    private let queue = DispatchQueue(label: "maturity.batch.reader")
    private var ahead: Pending<Chunk>?

    /// Starts reading the first chunk of `size` rows.
    init(_ source: any ResponseSource, size: Int) {
        self.source = source
        self.size = size
        ahead = read()
    }

    /// The chunk read ahead (waiting for it if need be); the one after it starts being read
    /// unless this one is the last. Nil once the last chunk was given.
    func next() -> Chunk? {
        guard let pending = ahead else { return nil }
        // `read()` never throws: its chunk carries the error.
        let chunk = (try? pending.wait()) ?? Chunk()
        ahead = chunk.isLast ? nil : read()
        return chunk
    }

    /// Waits for a chunk being read ahead, which nobody will use (the batch was interrupted).
    func close() {
        _ = try? ahead?.wait()
        ahead = nil
    }

    private func read() -> Pending<Chunk> {
        Pending(on: queue) { [self] in
            var chunk = Chunk()
            chunk.rows.reserveCapacity(size)
            do throws(ImportError) {
                while chunk.rows.count < size, let raw = try source.next() { chunk.rows.append(raw) }
            } catch {
                chunk.error = error
            }
            chunk.bytesRead = source.bytesRead
            chunk.isLast = chunk.error != nil || chunk.rows.count < size
            return chunk
        }
    }
}
