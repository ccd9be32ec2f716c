/// A strict JSON reader (RFC 8259) straight into `JSONValue`. Batch imports read a use-case
/// inventory or a matrix as JSON in one cell for every respondent, where `JSONDecoder` cost
/// about a tenth of the import; this reads the same text several times faster.
extension JSONValue {
    /// The value of `text`, or nil when it is not exactly one JSON value (whitespace aside).
    public init?(parsing text: String) {
        let parsed = text.withUTF8Bytes { bytes -> JSONValue? in
            var parser = JSONParser(bytes: bytes)
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            return parser.index == bytes.count ? value : nil
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Reads `text` as a JSON array of objects without building the array or its objects
    /// (a use-case inventory in a batch cell, where the objects' dictionaries cost more than
    /// reading the text): `member` gets each member of each object in order, its key as
    /// the UTF-8 between its quotes, and `objectEnd` the end of each object. False when the
    /// text is not exactly such an array (whitespace aside), a key holds an escape, or a
    /// callback returns false; the values are read as `init(parsing:)` reads them.
    static func readObjects(
        inArray text: String, member: (UnsafeBufferPointer<UInt8>, JSONValue) -> Bool, objectEnd: () -> Bool
    ) -> Bool {
        text.withUTF8Bytes { bytes in
            var parser = JSONParser(bytes: bytes)
            parser.skipSpace()
            guard parser.current == UInt8(ascii: "[") else { return false }
            let closed = parser.items(closing: UInt8(ascii: "]")) { parser in
                parser.skipSpace()
                guard parser.current == UInt8(ascii: "{") else { return false }
                return parser.items(closing: UInt8(ascii: "}")) { parser in
                    guard let key = parser.plainKey(), let value = parser.memberValue(depth: 1) else { return false }
                    return member(key, value)
                } && objectEnd()
            }
            guard closed else { return false }
            parser.skipSpace()
            return parser.index == bytes.count
        }
    }
}

private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    static let maximumDepth = 64

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    mutating func value(depth: Int) -> JSONValue? {
        guard depth < Self.maximumDepth else { return nil }
        skipSpace()
        switch current {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    mutating func object(depth: Int) -> JSONValue? {
        // Room for a use case's nine fields: growing a dictionary key by key rehashes it.
        var fields = [String: JSONValue](minimumCapacity: 10)
        let closed = items(closing: UInt8(ascii: "}")) { parser in
            parser.skipSpace()
            guard parser.current == UInt8(ascii: "\""), let key = parser.string(), let item = parser.memberValue(depth: depth)
            else { return false }
            // A repeated key keeps its first value, as `JSONDecoder` does. Accessing the entry
            // with a default inserts the item only when the key is new, hashing the key once
            // (a lookup and then an insertion hashed every key of every object twice).
            Self.keepFirst(&fields[key, default: item])
            return true
        }
        return closed ? .object(fields) : nil
    }

    /// The `: value` after a member's key, in an object at `depth`.
    mutating func memberValue(depth: Int) -> JSONValue? {
        skipSpace()
        guard current == UInt8(ascii: ":") else { return nil }
        index += 1
        return value(depth: depth + 1)
    }

    /// A member's key without escapes, as the bytes between its quotes (nil otherwise: an
    /// escape, a control character, no key).
    mutating func plainKey() -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        index = start
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
        guard current == UInt8(ascii: "\"") else { return nil }
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
    }

    /// Leaves an existing value as it is (see `object`).
    private static func keepFirst(_ value: inout JSONValue) {}

    mutating func array(depth: Int) -> JSONValue? {
        var elements: [JSONValue] = []
        let closed = items(closing: UInt8(ascii: "]")) { parser in
            guard let item = parser.value(depth: depth + 1) else { return false }
            elements.append(item)
            return true
        }
        return closed ? .array(elements) : nil
    }

    /// The comma-separated items of an object or array, from its opening bracket through
    /// `closing`: false when an item or a separator is malformed.
    mutating func items(closing: UInt8, _ item: (inout JSONParser) -> Bool) -> Bool {
        index += 1
        skipSpace()
        if current == closing {
            index += 1
            return true
        }
        while true {
            guard item(&self) else { return false }
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case closing:
                index += 1
                return true
            default: return false
            }
        }
    }

    /// A string at `index` (on its opening quote); escapes decoded, UTF-8 checked.
    mutating func string() -> String? {
        index += 1
        let start = index
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
        if current == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(validUTF8: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
        var scalars: [UInt8] = Array(bytes[start..<index])
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(validUTF8: scalars)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return nil }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    scalars.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                scalars.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            index += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() -> JSONValue? {
        let start = index
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        guard let first = current, isDigit(first) else { return nil }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        // Whole numbers of up to 15 digits are exact in a Double: no text, no strtod.
        // (-0 keeps its sign through the general path.)
        let digits = index - start - (negative ? 1 : 0)
        if digits <= 15, current != UInt8(ascii: "."), current != UInt8(ascii: "e"), current != UInt8(ascii: "E"),
            !(negative && first == UInt8(ascii: "0"))
        {
            var whole = 0
            for byte in bytes[(index - digits)..<index] { whole = whole * 10 + Int(byte - UInt8(ascii: "0")) }
            return .number(Double(negative ? -whole : whole))
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, isDigit(digit) else { return nil }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, isDigit(digit) else { return nil }
            skipDigits()
        }
        guard let text = String(validUTF8: UnsafeBufferPointer(rebasing: bytes[start..<index])),
            let value = Double(text), value.isFinite
        else { return nil }
        return .number(value)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }
}
