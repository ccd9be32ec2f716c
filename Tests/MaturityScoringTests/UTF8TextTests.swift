import MaturityScoring
import Testing

/// `String(validUTF8:)` accepts exactly what `String(validating:as:)` accepts, with the same text.
@Suite struct UTF8TextTests {
    static let samples: [[UInt8]] = [
        [], Array("plain ascii".utf8), Array("Très élevé — 20 %".utf8), Array("emoji 😀 and 中文".utf8),
        Array("a literal \u{FFFD} replacement character".utf8),
        [0x61, 0xFF, 0x62],  // a byte that never starts UTF-8
        [0xC3],  // a sequence cut short at the end
        [0xC3, 0x28],  // a bad continuation byte
        [0xE2, 0x82],  // a three-byte sequence cut short
        [0xC0, 0xAF],  // an overlong encoding of "/"
        [0xED, 0xA0, 0x80],  // a UTF-16 surrogate encoded in UTF-8
        [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
        Array("é".utf8) + [0x80] + Array("é".utf8),  // a stray continuation byte between valid text
        Array("Windows-1252: caf".utf8) + [0xE9],  // "é" as Windows-1252
    ]

    @Test(arguments: samples) func agreesWithTheStandardLibrary(bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self)
        #expect(String(validUTF8: bytes) == expected)
        bytes.withUnsafeBufferPointer { #expect(String(validUTF8: $0) == expected) }
    }

    @Test func everyTwoByteSequenceAgrees() {
        for first in 0...255 {
            for second in 0...255 {
                let bytes = [UInt8(first), UInt8(second)]
                #expect(String(validUTF8: bytes) == String(validating: bytes, as: UTF8.self), "\(bytes)")
            }
        }
    }

    /// `withUTF8Bytes` gives the string's own UTF-8, for small, long, non-ASCII and
    /// non-contiguous (lazily bridged or shared) strings alike.
    @Test func withUTF8BytesGivesTheStringsUTF8() {
        let long = String(repeating: "online_courses|workshops|", count: 8)
        let texts = ["", "core", "Très élevé — 20 %", long, String(long.utf8.dropFirst(3))!, "emoji 😀 and 中文"]
        for text in texts {
            #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8), "\(text)")
        }
    }
}
