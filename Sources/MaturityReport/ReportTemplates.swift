import Crypto
import Foundation

/// The templates a report is rendered with: the defaults embedded in the binary, or a firm's
/// own folder (`report.md.mustache`, `report.html.mustache`, and any other `*.mustache` file as
/// a partial).
public struct ReportTemplates: Sendable {
    public struct Source: Sendable {
        public var path: String
        public var text: String
    }

    public var markdown: Source
    public var html: Source
    public var partials: [String: Source]

    public static let defaults = ReportTemplates(
        markdown: Source(path: "templates/report.md.mustache", text: DefaultTemplates.markdown),
        html: Source(path: "templates/report.html.mustache", text: DefaultTemplates.html), partials: [:])

    public func main(_ format: ReportFormat) -> Source { format == .markdown ? markdown : html }

    /// SHA-256 of the main template and every partial, as stored with each report.
    public func sha256(_ format: ReportFormat) -> String {
        var text = main(format).text
        for name in partials.keys.sorted() { text += "\u{0}" + name + "\u{0}" + (partials[name]?.text ?? "") }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A template folder; a format it has no file for keeps the default.
    public static func load(directory: String) throws(ReportError) -> ReportTemplates {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(directory, "no such template folder")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        var templates = defaults
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .unreadable(path, "cannot read it as UTF-8 text")
            }
            let source = Source(path: path, text: text)
            switch name {
            case ReportFormat.markdown.templateName: templates.markdown = source
            case ReportFormat.html.templateName: templates.html = source
            default: templates.partials[String(name.dropLast(".mustache".count))] = source
            }
        }
        return templates
    }
}

public enum ReportError: Error, Equatable {
    case unreadable(String, String)
    case syntax(path: String, line: Int, column: Int, message: String)
    case unknownVariables(path: String, [(line: Int, column: Int, name: String)])

    public static func == (lhs: ReportError, rhs: ReportError) -> Bool { lhs.description == rhs.description }

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): error: \(reason)"
        case let .syntax(path, line, column, message): "\(path):\(line):\(column): error: \(message)"
        case let .unknownVariables(path, unknowns):
            unknowns.map { "\(path):\($0.line):\($0.column): error: unknown variable '\($0.name)'; see docs/report-templates.md" }
                .joined(separator: "\n")
        }
    }
}
