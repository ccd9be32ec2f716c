import MaturityScoring

/// How the bytes of an export are decoded: UTF-8 (with or without BOM), or Windows-1252 for
/// files re-saved by a French-locale Excel.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"

    /// Writes `bytes` to the cell being written, as UTF-8: as they are, or transcoded from
    /// Windows-1252. (UTF-8 is checked once the row is read: `isValidUTF8`.)
    func write(_ bytes: UnsafeBufferPointer<UInt8>, to cells: inout RowCells.Builder) {
        switch self {
        case .utf8:
            cells.write(bytes)
        case .windows1252:
            for byte in bytes {
                if byte < 0x80 {
                    cells.write(byte)
                } else {
                    for unit in Character(Self.windows1252Scalar(byte)).utf8 { cells.write(unit) }
                }
            }
        }
    }

    /// Whether `bytes` are UTF-8 (Unicode's table 3-7 of well-formed sequences: no overlong
    /// form, surrogate or code point past U+10FFFF), eight ASCII bytes at a time. A CSV row's
    /// cells are all UTF-8 exactly when the row's bytes are: the delimiters and quotes between
    /// them are ASCII, which no multi-byte sequence contains.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard index + length <= count, second.contains(base[index + 1]) else { return false }
            for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (unassigned bytes map to themselves).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// UTF-8 when `bytes` validate as UTF-8 (a sequence cut at the end is allowed), else
    /// Windows-1252.
    static func sniff(_ bytes: [UInt8], complete: Bool) -> TextEncoding {
        var end = bytes.count
        if !complete {
            // Step back over a multi-byte sequence cut by the end of the sample.
            var back = 0
            while back < 3, end - back > 0, bytes[end - back - 1] & 0xC0 == 0x80 { back += 1 }
            if end - back > 0, bytes[end - back - 1] >= 0xC0 { end -= back + 1 }
        }
        return bytes[0..<end].withUnsafeBufferPointer(isValidUTF8) ? .utf8 : .windows1252
    }
}
