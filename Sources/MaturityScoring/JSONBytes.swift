import MaturityQuestionnaire

/// Compact JSON written straight into UTF-8 bytes: the answer documents and score rows of a
/// batch import are written a million times, and appending to a `String` piece by piece cost
/// a tenth of the import (measured with perf). The bytes are kept in a buffer of its own
/// rather than an `Array`: a respondent's rows are about 500 appends (punctuation, encoded
/// ids, numbers), and each append to an array checked that it was the array's only owner and
/// went through the generic `append(contentsOf:)`, about 80 instructions for a comma.
/// Not copyable: the buffer has one owner, freed with it.
public struct JSONBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    public private(set) var count = 0

    public init(capacity: Int = 256) {
        self.capacity = Swift.max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far, copied.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    public var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// Room for `extra` more bytes.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = Swift.max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    private mutating func append(byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        reserve(buffer.count)
        (start + count).initialize(from: base, count: buffer.count)
        count += buffer.count
    }

    /// Bytes already encoded as JSON.
    public mutating func append(_ encoded: [UInt8]) { encoded.withUnsafeBufferPointer { append($0) } }

    /// Text already encoded as JSON.
    public mutating func append(json text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// JSON punctuation or a literal, as is.
    public mutating func raw(_ text: StaticString) {
        // Most are one byte (a comma, a bracket): appended alone, without a buffer to copy.
        if text.utf8CodeUnitCount == 1 { return append(byte: text.utf8Start.pointee) }
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func string(_ text: String) {
        append(byte: 0x22)
        text.withUTF8Bytes { utf8 in
            if Self.isPlain(utf8) {
                append(utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case ..<0x20:
                    raw("\\u00")
                    append(byte: Self.hexDigits[Int(byte >> 4)])
                    append(byte: Self.hexDigits[Int(byte & 0xF)])
                default: append(byte: byte)
                }
            }
        }
        append(byte: 0x22)
    }

    /// As `compactDescription`: whole numbers without a fraction, `null` when not finite.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        guard let (units, decimals) = Self.fixedPoint(value) else { return append(json: String(value)) }
        // Digits from the last, into a buffer on the stack: at most 16 digits, a sign and a point.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var rest = units.magnitude
            var start = buffer.count
            var written = 0
            repeat {
                if written == decimals && decimals > 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                start -= 1
                buffer[start] = 0x30 + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written <= decimals
            if units < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// `value` as a whole number of tenths, hundredths or thousandths (`units` × 10^-`decimals`),
    /// the fewest decimals first, when that is exactly the shortest text that reads back as
    /// `value`, which is how Swift describes a `Double`: scores and amounts have one or two
    /// decimals, and `description` allocated a `String` for each (a twentieth of a respondent's
    /// work). Nil for other values (more decimals, or beyond 10^15 units), which `description`
    /// writes.
    static func fixedPoint(_ value: Double) -> (units: Int64, decimals: Int)? {
        // Below 10^15 units, two numbers with `decimals` decimals are further apart than two
        // neighbouring doubles, so at most one of them reads back as `value`, and the division
        // (rounded to the nearest double, as reading a number is) finds whether it does.
        var scale = 1.0
        for decimals in 0...3 {
            let units = (value * scale).rounded()
            if abs(units) < 1e15 && units / scale == value { return (Int64(units), decimals) }
            scale *= 10
        }
        return nil
    }

    public mutating func value(_ json: JSONValue) {
        switch json {
        case .null: raw("null")
        case let .bool(flag): flag ? raw("true") : raw("false")
        case let .number(number): self.number(number)
        case let .string(text): string(text)
        case let .array(items): array(items) { $0.value($1) }
        case let .object(fields):
            append(byte: 0x7B)
            for (index, key) in fields.keys.sorted(by: JSONValue.byteOrder).enumerated() {
                if index > 0 { append(byte: 0x2C) }
                string(key)
                append(byte: 0x3A)
                value(fields[key] ?? .null)
            }
            append(byte: 0x7D)
        }
    }

    /// An answer as `AnswerValue.json` writes it; codes, numbers and text without building
    /// the JSON value first.
    public mutating func answer(_ answer: AnswerValue) { self.answer(answer) { $0.string($1.rawValue) } }

    /// The same, with each option code (alone or in a list) written by `code`: a writer that
    /// has the question's codes already encoded copies them.
    mutating func answer(_ answer: AnswerValue, code: (inout JSONBytes, OptionCode) -> Void) {
        switch answer {
        case let .code(value): code(&self, value)
        case let .codes(codes): array(codes, code)
        case let .number(number): self.number(number)
        case let .text(text): string(text)
        case let .matrix(cells):
            append(byte: 0x7B)
            for (index, row) in cells.keys.sorted(by: { JSONValue.byteOrder($0.rawValue, $1.rawValue) }).enumerated() {
                if index > 0 { append(byte: 0x2C) }
                string(row.rawValue)
                append(byte: 0x3A)
                if let cell = cells[row] { self.answer(cell) }
            }
            append(byte: 0x7D)
        case let .useCases(items): array(items) { $0.useCase($1) }
        }
    }

    /// `[item,item,...]`, each item written by `write`.
    private mutating func array<Item>(_ items: [Item], _ write: (inout JSONBytes, Item) -> Void) {
        append(byte: 0x5B)
        for index in items.indices {
            if index > 0 { append(byte: 0x2C) }
            write(&self, items[index])
        }
        append(byte: 0x5D)
    }

    /// A use case as `UseCase.json` writes it, keys in byte order.
    private mutating func useCase(_ item: UseCase) {
        raw(#"{"aiActRisk":"#)
        string(item.aiActRisk.rawValue)
        if let department = item.department {
            raw(#","department":"#)
            string(department)
        }
        raw(#","effort":"#)
        number(Double(item.effort))
        raw(#","frequencyPerWeek":"#)
        number(item.frequencyPerWeek)
        raw(#","impact":"#)
        number(Double(item.impact))
        raw(#","minutes":"#)
        number(item.minutesPerOccurrence)
        raw(#","name":"#)
        string(item.name)
        raw(#","people":"#)
        number(item.people)
        raw(#","personalData":"#)
        item.personalData ? raw("true") : raw("false")
        append(byte: 0x7D)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// Whether no byte needs escaping, eight bytes at a time: a byte-by-byte scan of every
    /// title and name was a tenth of writing a respondent's rows (callgrind). Each test is the
    /// exact "some byte is below n" of Hacker's Delight, applied to the word and to the word
    /// with `"` and `\` turned into zeros.
    static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func below(_ word: UInt64, _ limit: UInt64) -> Bool { (word &- ones &* limit) & ~word & highs != 0 }
        var index = 0
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= utf8.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if below(word, 0x20) || below(word ^ (ones &* 0x22), 1) || below(word ^ (ones &* 0x5C), 1) { return false }
                index += 8
            }
        }
        while index < utf8.count {
            if needsEscape(utf8[index]) { return false }
            index += 1
        }
        return true
    }
}
