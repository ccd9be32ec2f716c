import Foundation
import Testing

@testable import MaturityImport

/// The pull scanner that reads workbook parts: the XML that spreadsheets write, split into
/// chunks anywhere, and the malformed XML it must refuse with the line of the fault.
@Suite struct XMLScannerTests {
    static let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- written by hand -->
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="rels">
          <x:row r='1' spans="1:2"><x:c r="A1" t="inlineStr"><x:is><x:t>Ltd &amp; Co &lt;3 &#233;&#x20AC;</x:t></x:is></x:c>
          <x:c r="B1"/><sheet r:id="rId&quot;1"/></x:row><t><![CDATA[a <b> & c]]></t>
        </x:worksheet>

        """

    /// What the scanner reports: events, with the attributes of each start.
    enum Scanned: Equatable {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    static let events: [Scanned] = [
        .start("worksheet", ["xmlns:x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "xmlns:r": "rels"]),
        .text("\n  "), .start("row", ["r": "1", "spans": "1:2"]), .start("c", ["r": "A1", "t": "inlineStr"]), .start("is", [:]),
        .start("t", [:]), .text("Ltd & Co <3 é€"), .end("t"), .end("is"), .end("c"), .text("\n  "), .start("c", ["r": "B1"]), .end("c"),
        .start("sheet", ["r:id": "rId\"1"]), .end("sheet"), .end("row"), .start("t", [:]), .text("a <b> & c"), .end("t"), .text("\n"),
        .end("worksheet"),
    ]

    @Test(arguments: [1, 2, 3, 7, 64, 100_000])
    func eventsAreTheSameWhateverTheChunks(size: Int) throws {
        #expect(try Self.scan(Self.document, chunk: size) == Self.events)
        #expect(try Self.scan("\u{FEFF}" + Self.document, chunk: size) == Self.events, "after a byte order mark")
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "</a> closes <b>"),
        ("<a>\n<b>\n", 3, "the XML ends inside an element"),
        ("<a x=1/>", 1, "an attribute value without quotes"),
        ("<a x=\"1/>", 1, "the XML ends inside an attribute value"),
        ("<a x=\"<\"/>", 1, "'<' in an attribute value"),
        ("<a>&nbsp;</a>", 1, "an unknown entity &nbsp;"),
        ("<a>fish & chips</a>", 1, "an '&' that starts no entity"),
        ("<a/><b/>", 1, "a second root element"),
        ("text<a/>", 1, "text outside the root element"),
        ("", 1, "the XML has no element"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", 1, "a <!DOCTYPE or other declaration, which workbooks do not have"),
        ("<a><!-- open", 1, "the XML ends inside a comment or declaration"),
        ("<a></>", 1, "a tag or attribute without a name"),
        ("<a>\n\n</a></a>", 3, "an end tag </a> with no element open"),
        ("<a><![CDATA[x</a>", 1, "the XML ends inside a CDATA section"),
        ("<a/ >", 1, "'/' not followed by '>' in a tag"),
        ("<a b/>", 1, "an attribute without '='"),
    ])
    func malformedXMLIsRefusedWithItsLine(xml: String, line: Int, problem: String) {
        #expect {
            _ = try Self.scan(xml, chunk: 2)
        } throws: { error in
            (error as? WorkbookError)?.reason.hasPrefix("the part, line \(line), is not valid XML (\(problem))") == true
        }
    }

    static func scan(_ xml: String, chunk: Int) throws -> [Scanned] {
        var rest = Data(xml.utf8)[...]
        var scanner = XMLScanner(part: "the part") { () throws(WorkbookError) -> Data? in
            guard !rest.isEmpty else { return nil }
            defer { rest = rest.dropFirst(chunk) }
            return Data(rest.prefix(chunk))
        }
        var events: [Scanned] = []
        while let event = try scanner.next() {
            switch event {
            case let .start(name):
                events.append(.start(name, Dictionary(uniqueKeysWithValues: scanner.attributes.map { ($0.name, $0.value) })))
            case let .end(name): events.append(.end(name))
            case let .text(text): events.append(.text(text))
            }
        }
        return events
    }
}
