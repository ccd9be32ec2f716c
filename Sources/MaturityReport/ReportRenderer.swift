import Foundation
import Mustache

/// Renders a report: builds the context, checks the templates against it, renders with
/// swift-mustache. `{{x}}` is escaped for the format (Markdown, or HTML/XML);
/// `{{{x}}}` is only for the ready-made chart blocks.
public enum ReportRenderer {
    struct ContentType: MustacheContentType {
        let format: ReportFormat
        func escapeText(_ text: String) -> String { format == .markdown ? Escaping.markdown(text) : Escaping.html(text) }
    }

    static func contentType(_ format: ReportFormat) -> String { "MATURITY_\(format.rawValue.uppercased())" }

    /// Registered once, before any template is parsed.
    static let registration: Void = {
        for format in ReportFormat.allCases { MustacheContentTypes.register(ContentType(format: format), named: contentType(format)) }
    }()

    public static func render(
        _ input: ReportInput, format: ReportFormat, templates: ReportTemplates = .defaults, engine: String
    ) throws(ReportError) -> String {
        let context = ReportContext(input: input, format: format, engine: engine).values
        let main = templates.main(format)
        let check = TemplateCheck(partials: templates.partials.mapValues(\.text))
        let unknown = check.unknownNames(in: main.text, context: context)
        if !unknown.isEmpty { throw .unknownVariables(path: main.path, unknown.map { ($0.line, $0.column, $0.name) }) }
        var library = MustacheLibrary()
        for (name, source) in templates.partials.sorted(by: { $0.key < $1.key }) {
            library.register(try parse(source, format), named: name)
        }
        let template = try parse(main, format)
        return template.render(context, library: library)
    }

    static func parse(_ source: ReportTemplates.Source, _ format: ReportFormat) throws(ReportError) -> MustacheTemplate {
        _ = registration
        // The content type goes on the first line, so line numbers in errors stay those of the file.
        let prefix = "{{% CONTENT_TYPE: \(contentType(format))}}"
        let text = prefix + source.text
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let shift = error.context.lineNumber == 1 ? prefix.count : 0
            throw .syntax(
                path: source.path, line: error.context.lineNumber, column: max(1, error.context.columnNumber - shift),
                message: describe(error.error))
        } catch {
            throw .syntax(path: source.path, line: 1, column: 1, message: "\(error)")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with another name than the one it was opened with"
        case .unfinishedName?: "a tag is not closed with }}"
        case .expectedSectionEnd?: "a section is opened but never closed ({{/name}})"
        case .invalidSetDelimiter?: "invalid delimiter change"
        default: "template syntax error (\(error))"
        }
    }
}
