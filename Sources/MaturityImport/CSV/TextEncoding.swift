import MaturityScoring

/// How the bytes of an export are decoded: UTF-8 (with or without BOM), or Windows-1252 for
/// files re-saved by a French-locale Excel.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"

    /// Appends `bytes` to the cell being read, as UTF-8: as they are, or transcoded from
    /// Windows-1252 (checked for UTF-8, cell by cell, once the row is read: `RowCells.isUTF8`).
    func append(_ bytes: UnsafeBufferPointer<UInt8>, to cells: inout RowCells) {
        switch self {
        case .utf8:
            cells.append(bytes)
        case .windows1252:
            for byte in bytes {
                if byte < 0x80 {
                    cells.append(byte)
                } else {
                    for unit in Character(Self.windows1252Scalar(byte)).utf8 { cells.append(unit) }
                }
            }
        }
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
        let valid = bytes[0..<end].withUnsafeBufferPointer { String(validUTF8: $0) != nil }
        return valid ? .utf8 : .windows1252
    }
}
