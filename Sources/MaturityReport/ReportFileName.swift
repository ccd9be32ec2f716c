import Foundation

/// `reports/<company-slug>-<date>-<short id>.<ext>`: ASCII, no separators, no `..`.
public enum ReportFileName {
    public static func slug(_ text: String) -> String {
        let folded = text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
        let ascii = folded.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ß", with: "ss")
        var slug = ""
        for scalar in ascii.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let cut = String(slug.prefix(60))
        return cut.isEmpty ? "entreprise" : cut.hasSuffix("-") ? String(cut.dropLast()) : cut
    }

    /// The default path, relative to the current folder.
    public static func defaultPath(company: String, date: Date, assessmentID: Int64, format: ReportFormat) -> String {
        "reports/\(slug(company))-\(ReportInput.iso(date))-\(String(format: "%04lld", assessmentID)).\(format.fileExtension)"
    }
}
