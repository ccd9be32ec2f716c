import Foundation
import Synchronization

/// Maps a chunk of items on every core, keeping their order.
enum ParallelMap {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Items a worker claims at a time: few enough that the workers finish together, enough
    /// that claiming costs nothing next to scoring them.
    static let block = 8

    /// `transform` also gets the number of the worker running it, below `workers`: a worker
    /// runs on one thread at a time, so per-worker state needs no lock. Workers claim the next
    /// block of items as they go, so a worker slowed down (by the thread writing the previous
    /// chunk, or by another process) leaves more of the chunk to the others instead of
    /// keeping them waiting for its fixed share.
    static func map<A: Sendable, B: Sendable>(_ items: [A], _ transform: @Sendable (A, _ worker: Int) -> B) -> [B] {
        guard items.count > 1 && workers > 1 else { return items.map { transform($0, 0) } }
        let slots = Slots<B>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            yieldToSerialWork()
            while true {
                let start = slots.claim(block)
                guard start < items.count else { return }
                for index in start..<min(start + block, items.count) { slots.set(index, transform(items[index], worker)) }
            }
        }
        return slots.values()
    }

    /// Nice value of the threads that map: below the threads that read and write chunks.
    static let workerNice: Int32 = 10

    /// Lowers the calling thread's priority to `workerNice` (Linux keeps a nice value per
    /// thread; a thread may lower its own without privileges, never raise it back).
    ///
    /// Chunks are written one at a time, on one thread, while the next is scored on every core:
    /// at equal priority the writer got two thirds of a core and was the slowest step (the
    /// scoring threads then waited for it, 0.6 s of a 2.6 s import of 100,000 rows). Below it,
    /// the scoring threads take what the writer and the reader leave: 100,000 rows in 2.2–2.5 s
    /// instead of 2.5–3.0 s (alternating runs). On other systems, where a nice value is the
    /// whole process's, nothing changes.
    private static func yieldToSerialWork() {
        #if os(Linux)
            if getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) < workerNice {
                setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, workerNice)
            }
        #endif
    }

    /// Result slots written by index from several threads; each index by exactly one thread.
    private final class Slots<B>: @unchecked Sendable {
        private var storage: UnsafeMutableBufferPointer<B?>
        private let next = Atomic<Int>(0)

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        func set(_ index: Int, _ value: B) { storage[index] = value }

        /// The first index of the next `count` items, which no other worker gets.
        func claim(_ count: Int) -> Int { next.add(count, ordering: .relaxed).oldValue }

        /// The results, moved out rather than copied: a copy retained every reference a
        /// result holds, and destroying the slots released them again, on the one thread that
        /// runs between chunks while the other cores wait.
        func values() -> [B] {
            Array(unsafeUninitializedCapacity: storage.count) { buffer, count in
                for index in storage.indices {
                    let value = storage.moveElement(from: index)
                    storage.initializeElement(at: index, to: nil)
                    guard let value else { continue }
                    buffer.initializeElement(at: count, to: value)
                    count += 1
                }
            }
        }
    }
}

/// Set by Ctrl-C (or SIGTERM, SIGHUP): the batch stops after the chunk being written.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?

    func stop(_ number: Int32) { lock.withLock { signal = signal ?? number } }

    var stopped: Int32? { lock.withLock { signal } }
}

/// Work started on a serial queue while the caller does something else: a chunk being
/// written while the next one is scored, or read while the current one is. `wait()` gives its
/// outcome; the caller waits for one before starting the next on the same queue, so chunks
/// are read and written in order.
final class Pending<T: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Replaced by the work's outcome before `done` is left.
    private var result: Result<T, any Error> = .failure(CancellationError())

    init(on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T) {
        done.enter()
        queue.async {
            self.result = Result { try body() }
            self.done.leave()
        }
    }

    func wait() throws -> T {
        done.wait()
        return try result.get()
    }
}
