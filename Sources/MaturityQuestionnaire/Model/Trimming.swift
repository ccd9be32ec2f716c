extension String {
    /// Without leading and trailing white space and line breaks: the characters of
    /// Foundation's `.whitespacesAndNewlines` (Unicode's White_Space property). Native, and the
    /// text itself when there is nothing to trim: Foundation's `trimmingCharacters(in:)`
    /// bridges through NSString and took a quarter of a batch import's time (perf).
    public var trimmed: String {
        // Most texts start and end with printable ASCII: two byte reads, no scalar decoding.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !Self.isSpace(first) && !Self.isSpace(last) { return self }
        guard let start = scalars.firstIndex(where: { !Self.isSpace($0) }),
            let end = scalars.lastIndex(where: { !Self.isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether the text is empty or only white space and line breaks: `trimmed.isEmpty`,
    /// without making the trimmed copy.
    public var isBlank: Bool { unicodeScalars.allSatisfy(Self.isSpace) }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}
