import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs a streaming XML parse of one workbook part and hands its events to closures, with
/// element names stripped of their namespace prefix (`x:row` and `row` are one element).
final class XMLEvents: NSObject, XMLParserDelegate {
    var start: (_ name: String, _ attributes: [String: String]) -> Void = { _, _ in }
    var end: (_ name: String) -> Void = { _ in }
    var text: (_ text: String) -> Void = { _ in }

    /// Elements open at this point of the parse.
    private var depth = 0
    /// Where the first error was met, and its code.
    private var failure: (line: Int, code: Int)?

    /// Parses `data`; throws where the XML is malformed or cut short. (`XMLParser.parse()`
    /// can return true after an error, and says nothing of a document that ends inside an
    /// element, hence the error callback and the depth count.)
    func parse(_ data: Data, part: String) throws(WorkbookError) {
        // From a stream, the parser hands libxml2 the part in small chunks; given the whole
        // `Data`, it passes it in one chunk, and libxml2 refuses a chunk over 10 MB ("huge
        // input lookup"), as the worksheet of a workbook with some 5,000 responses is.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        let parsed = parser.parse()
        if let failure {
            throw .malformed(part: part, line: failure.line, "malformed XML (libxml2 error \(failure.code))")
        }
        if let error = parser.parserError.map({ ($0 as NSError).code }) ?? (parsed ? nil : 0), !Self.isNamespaceError(error) {
            throw .malformed(part: part, line: parser.lineNumber, "malformed XML")
        }
        if depth != 0 { throw .malformed(part: part, line: parser.lineNumber, "the XML ends inside an element") }
    }

    /// libxml2's namespace errors (200 to 299, an undeclared prefix say) leave the document
    /// readable; the others do not.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        if failure == nil && !Self.isNamespaceError(code) { failure = (parser.lineNumber, code) }
    }

    private static func isNamespaceError(_ code: Int) -> Bool { (200..<300).contains(code) }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        depth += 1
        start(Self.local(elementName), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        end(Self.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text(String(decoding: block, as: UTF8.self)) }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
