import Foundation

/// A pull scanner for the XML parts of a workbook: it reads its bytes chunk by chunk from a
/// `PartStream` and hands out one event at a time, so that a worksheet of any size is read
/// in a few kilobytes. Element names come without their namespace prefix (`x:row` and `row`
/// are one element); attribute names keep theirs (`r:id`).
///
/// It checks what a workbook part needs to be read right: tags closed in order, quoted
/// attribute values, known entities, nothing cut short. It does not read a document type
/// declaration (workbooks have none), so no entity is ever defined or expanded.
/// (Foundation's `XMLParser` only pushes events, and on Linux wants the whole part or an
/// input stream it drives itself; no streaming XML reader is among the packages available.)
struct XMLScanner {
    /// An element's start (its attributes are then in `attributes`), its end, or text.
    enum Event: Equatable {
        case start(name: String)
        case end(name: String)
        case text(String)
    }

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    let part: String
    /// The attributes of the element that the last `.start` event began.
    private(set) var attributes: [Attribute] = []
    private var source: ByteSource
    /// Qualified names of the elements open at this point.
    private var open: [String] = []
    private var nameBytes: [UInt8] = []
    private var line = 1
    private var pendingEnd: String?
    private var sawRoot = false
    private var begun = false
    private var text: [UInt8] = []

    /// Scans the bytes that `chunks` hands out, chunk after chunk, until it returns nil.
    init(part: String, chunks: @escaping () throws(WorkbookError) -> Data?) {
        self.part = part
        source = ByteSource(pull: chunks)
    }

    init(part: String, stream: PartStream) {
        self.init(part: part, chunks: stream.next)
    }

    /// The next event; nil once the document has ended.
    mutating func next() throws(WorkbookError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        if !begun {
            begun = true
            // Some writers start a part with a UTF-8 byte order mark.
            _ = try source.consume(Self.byteOrderMark)
        }
        while true {
            guard let byte = try source.peek() else {
                guard open.isEmpty else { throw error("the XML ends inside an element") }
                guard sawRoot else { throw error("the XML has no element") }
                return nil
            }
            if byte != UInt8(ascii: "<") {
                if let event = try textEvent() { return event }
                continue
            }
            source.advance()
            if let event = try markup() { return event }
        }
    }

    // MARK: - Markup

    /// What follows a `<`: a tag, or a comment, processing instruction or CDATA section.
    private mutating func markup() throws(WorkbookError) -> Event? {
        switch try source.peek() {
        case UInt8(ascii: "/"):
            source.advance()
            return try endTag()
        case UInt8(ascii: "?"):
            try skip(past: Self.declarationEnd)
            return nil
        case UInt8(ascii: "!"):
            source.advance()
            if try source.consume(Self.commentStart) {
                try skip(past: Self.commentEnd)
                return nil
            }
            if try source.consume(Self.cdataStart) {
                guard !open.isEmpty else { throw error("text outside the root element") }
                return .text(try cdata())
            }
            throw error("a <!DOCTYPE or other declaration, which workbooks do not have")
        default:
            return try startTag()
        }
    }

    private mutating func startTag() throws(WorkbookError) -> Event {
        let (name, local) = try self.name()
        if open.isEmpty {
            guard !sawRoot else { throw error("a second root element") }
            sawRoot = true
        }
        attributes.removeAll(keepingCapacity: true)
        while true {
            try skipSpaces()
            switch try source.peek() {
            case UInt8(ascii: ">"):
                source.advance()
                open.append(name)
                return .start(name: local)
            case UInt8(ascii: "/"):
                source.advance()
                guard try source.peek() == UInt8(ascii: ">") else { throw error("'/' not followed by '>' in a tag") }
                source.advance()
                pendingEnd = local
                return .start(name: local)
            case nil: throw error("the XML ends inside a tag")
            default: attributes.append(try attribute())
            }
        }
    }

    private mutating func endTag() throws(WorkbookError) -> Event {
        let (name, local) = try self.name()
        try skipSpaces()
        guard try source.peek() == UInt8(ascii: ">") else { throw error("an end tag not closed by '>'") }
        source.advance()
        guard let last = open.popLast() else { throw error("an end tag </\(name)> with no element open") }
        guard last == name else { throw error("</\(name)> closes <\(last)>") }
        return .end(name: local)
    }

    private mutating func attribute() throws(WorkbookError) -> Attribute {
        let name = try self.name().qualified
        try skipSpaces()
        guard try source.peek() == UInt8(ascii: "=") else { throw error("an attribute without '='") }
        source.advance()
        try skipSpaces()
        guard let quote = try source.peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw error("an attribute value without quotes")
        }
        source.advance()
        if let run = source.run(stoppingAt: { Self.endsPlainValue($0, quote) }, endingWith: quote) {
            source.advance()
            return Attribute(name: name, value: run.text)
        }
        text.removeAll(keepingCapacity: true)
        while true {
            guard let byte = try source.peek() else { throw error("the XML ends inside an attribute value") }
            source.advance()
            switch byte {
            case quote: return Attribute(name: name, value: String(decoding: text, as: UTF8.self))
            case UInt8(ascii: "<"): throw error("'<' in an attribute value")
            case UInt8(ascii: "&"): try entity()
            case UInt8(ascii: "\n"):
                line += 1
                text.append(UInt8(ascii: " "))
            case UInt8(ascii: "\t"), UInt8(ascii: "\r"): text.append(UInt8(ascii: " "))
            default: text.append(byte)
            }
        }
    }

    /// A name: the bytes up to a space, `/`, `>` or `=`; as written, and without its prefix.
    private mutating func name() throws(WorkbookError) -> (qualified: String, local: String) {
        if let names = source.name(endingAt: Self.endsName) { return names }
        nameBytes.removeAll(keepingCapacity: true)
        while let byte = try source.peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "/"), UInt8(ascii: ">"),
                UInt8(ascii: "="):
                guard !nameBytes.isEmpty else { throw error("a tag or attribute without a name") }
                let qualified = String(decoding: nameBytes, as: UTF8.self)
                guard let colon = nameBytes.lastIndex(of: UInt8(ascii: ":")) else { return (qualified, qualified) }
                return (qualified, String(decoding: nameBytes[(colon + 1)...], as: UTF8.self))
            case UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"):
                throw error("'\(Character(Unicode.Scalar(byte)))' in a name")
            default:
                nameBytes.append(byte)
                source.advance()
            }
        }
        throw error("the XML ends inside a tag")
    }

    // MARK: - Text

    /// The text up to the next `<`, with its entities decoded; nil when it is only spaces
    /// outside the root element.
    private mutating func textEvent() throws(WorkbookError) -> Event? {
        if !open.isEmpty,
            let run = source.run(stoppingAt: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }, endingWith: UInt8(ascii: "<"))
        {
            line += run.newlines
            return .text(run.text)
        }
        text.removeAll(keepingCapacity: true)
        while let byte = try source.peek(), byte != UInt8(ascii: "<") {
            source.advance()
            switch byte {
            case UInt8(ascii: "&"): try entity()
            case UInt8(ascii: "\n"):
                line += 1
                text.append(byte)
            default: text.append(byte)
            }
        }
        if open.isEmpty {
            guard text.allSatisfy(Self.isSpace) else { throw error("text outside the root element") }
            return nil
        }
        return .text(String(decoding: text, as: UTF8.self))
    }

    /// Decodes the entity after a `&` into `text`: the five of XML and character references.
    private mutating func entity() throws(WorkbookError) {
        nameBytes.removeAll(keepingCapacity: true)
        while let byte = try source.peek(), byte != UInt8(ascii: ";"), nameBytes.count < 10 {
            nameBytes.append(byte)
            source.advance()
        }
        guard try source.peek() == UInt8(ascii: ";") else { throw error("an '&' that starts no entity") }
        source.advance()
        let name = String(decoding: nameBytes, as: UTF8.self)
        switch name {
        case "lt": text.append(UInt8(ascii: "<"))
        case "gt": text.append(UInt8(ascii: ">"))
        case "amp": text.append(UInt8(ascii: "&"))
        case "quot": text.append(UInt8(ascii: "\""))
        case "apos": text.append(UInt8(ascii: "'"))
        default:
            guard name.hasPrefix("#"), let scalar = Self.characterReference(name.dropFirst()) else {
                throw error("an unknown entity &\(name);")
            }
            text.append(contentsOf: String(Character(scalar)).utf8)
        }
    }

    /// `65` or `x41` → `A`.
    private static func characterReference(_ digits: Substring) -> Unicode.Scalar? {
        let hex = digits.hasPrefix("x")
        return UInt32(hex ? digits.dropFirst() : digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
    }

    private mutating func cdata() throws(WorkbookError) -> String {
        text.removeAll(keepingCapacity: true)
        while !(try source.consume(Self.cdataEnd)) {
            guard let byte = try source.peek() else { throw error("the XML ends inside a CDATA section") }
            if byte == UInt8(ascii: "\n") { line += 1 }
            text.append(byte)
            source.advance()
        }
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: - Helpers

    private mutating func skip(past end: [UInt8]) throws(WorkbookError) {
        while !(try source.consume(end)) {
            guard let byte = try source.peek() else { throw error("the XML ends inside a comment or declaration") }
            if byte == UInt8(ascii: "\n") { line += 1 }
            source.advance()
        }
    }

    private mutating func skipSpaces() throws(WorkbookError) {
        while let byte = try source.peek(), Self.isSpace(byte) {
            if byte == UInt8(ascii: "\n") { line += 1 }
            source.advance()
        }
    }

    @inline(__always)
    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "/"), UInt8(ascii: ">"),
            UInt8(ascii: "="),
            UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"):
            return true
        default: return false
        }
    }

    /// Where an attribute value stops being plain text: its closing quote, or a byte that
    /// needs the careful path (an entity, a white space to normalise, a misplaced `<`).
    @inline(__always)
    private static func endsPlainValue(_ byte: UInt8, _ quote: UInt8) -> Bool {
        byte == quote || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let declarationEnd = Array("?>".utf8)
    private static let commentStart = Array("--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("[CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    private func error(_ problem: String) -> WorkbookError {
        .malformed(part: part, line: line, problem)
    }
}

/// The bytes of a part, pulled from its stream a chunk at a time.
private struct ByteSource {
    let pull: () throws(WorkbookError) -> Data?
    private var chunk: [UInt8] = []
    private var index = 0

    init(pull: @escaping () throws(WorkbookError) -> Data?) { self.pull = pull }

    /// The next byte, without taking it; nil at the end of the part.
    @inline(__always)
    mutating func peek() throws(WorkbookError) -> UInt8? {
        if index < chunk.count { return chunk[index] }
        return try refill() ? chunk[index] : nil
    }

    @inline(__always)
    mutating func advance() { index += 1 }

    /// The fast path of the scanner: the bytes from here to the first one that `stops`, as
    /// text, when that byte is `end` and lies in this chunk; nil (and nothing taken) otherwise.
    @inline(__always)
    mutating func run(stoppingAt stops: (UInt8) -> Bool, endingWith end: UInt8) -> (text: String, newlines: Int)? {
        let start = index
        let found: (Int, Int)? = chunk.withUnsafeBufferPointer { bytes in
            var position = start
            var newlines = 0
            while position < bytes.count {
                let byte = bytes[position]
                if stops(byte) { return byte == end ? (position, newlines) : nil }
                if byte == UInt8(ascii: "\n") { newlines += 1 }
                position += 1
            }
            return nil
        }
        guard let (stop, newlines) = found else { return nil }
        index = stop
        return (String(decoding: chunk[start..<stop], as: UTF8.self), newlines)
    }

    /// The fast path for names: the name that starts here, as written and without its prefix,
    /// when it ends within this chunk; nil (and nothing taken) otherwise, or for an empty name.
    @inline(__always)
    mutating func name(endingAt ends: (UInt8) -> Bool) -> (qualified: String, local: String)? {
        let start = index
        var position = start
        var colon: Int?
        while position < chunk.count {
            let byte = chunk[position]
            if ends(byte) { break }
            if byte == UInt8(ascii: ":") { colon = position }
            position += 1
        }
        guard position < chunk.count, position > start else { return nil }
        index = position
        let qualified = String(decoding: chunk[start..<position], as: UTF8.self)
        guard let colon else { return (qualified, qualified) }
        return (qualified, String(decoding: chunk[(colon + 1)..<position], as: UTF8.self))
    }

    /// Takes `bytes` if they come next.
    mutating func consume(_ bytes: [UInt8]) throws(WorkbookError) -> Bool {
        while chunk.count - index < bytes.count {
            guard try refill(keeping: true) else { return false }
        }
        guard chunk[index..<index + bytes.count].elementsEqual(bytes) else { return false }
        index += bytes.count
        return true
    }

    /// Loads the next chunk, after what is left of this one if `keeping`; false at the end.
    private mutating func refill(keeping: Bool = false) throws(WorkbookError) -> Bool {
        var next: [UInt8] = []
        while next.isEmpty {
            guard let data = try pull() else { return false }
            next = Array(data)
        }
        if keeping {
            chunk.removeSubrange(..<index)
            chunk.append(contentsOf: next)
        } else {
            chunk = next
        }
        index = 0
        return true
    }
}
