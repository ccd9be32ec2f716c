import Foundation

/// Lines of a UTF-8 file, read in 1 MiB chunks.
final class LineReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var consumedBefore: Int64 = 0

    init(path: String) throws(ImportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "no such file") }
        self.handle = handle
        self.path = path
    }

    deinit { try? handle.close() }

    var bytesRead: Int64 { consumedBefore + Int64(position) }

    func next() throws(ImportError) -> String? {
        while true {
            if let end = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { position = end + 1 }
                return String(decoding: buffer[position..<end], as: UTF8.self)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return String(decoding: buffer[position...], as: UTF8.self)
            }
            consumedBefore += Int64(position)
            buffer.removeSubrange(0..<position)
            position = 0
            do {
                let data = try handle.read(upToCount: 1 << 20) ?? Data()
                if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
            } catch {
                throw .unreadable(path: path, reason: "read error")
            }
        }
    }
}
