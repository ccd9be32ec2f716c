import Foundation

extension String {
    /// `body` over the string's UTF-8 bytes, in place when the string keeps them contiguous
    /// (native and small strings): calling `withUTF8` on a `var` copy retained and released a
    /// long string at every call: 119 retains and 116 releases per imported respondent (callgrind).
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// The text of `bytes` when they are valid UTF-8, else nil. Same result as
    /// `String(validating:as:)`, whose generic path costs several hundred instructions per
    /// call in metadata lookups: here the bytes are decoded with the specialised repairing
    /// decoder, and they were valid exactly when decoding changed nothing.
    public init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let same =
            text.utf8.count == bytes.count
            && text.utf8.withContiguousStorageIfAvailable { stored in
                guard let left = stored.baseAddress, let right = bytes.baseAddress else { return bytes.isEmpty }
                return memcmp(left, right, bytes.count) == 0
            } ?? text.utf8.elementsEqual(bytes)
        guard same else { return nil }
        self = text
    }

    /// See `init?(validUTF8:)`.
    public init?(validUTF8 bytes: [UInt8]) {
        guard let text = bytes.withUnsafeBufferPointer({ String(validUTF8: $0) }) else { return nil }
        self = text
    }
}
