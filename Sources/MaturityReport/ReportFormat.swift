/// The two report formats.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html

    /// The template's file name in a template folder.
    public var templateName: String { "report.\(rawValue).mustache" }

    public var fileExtension: String { rawValue }
}
