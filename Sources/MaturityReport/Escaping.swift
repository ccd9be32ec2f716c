/// Escaping of text typed by people (company names, notes, use-case names, free-text answers)
/// and of questionnaire texts, for every place a report puts them.
public enum Escaping {
    /// Inline Markdown: no markup, no HTML, no table break, on one line. Every ASCII punctuation
    /// character that Markdown or GFM tables give a meaning to is backslash-escaped; `<` and `&`
    /// become entities so raw HTML never passes.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        let characters = Array(oneLine(text))
        for (index, character) in characters.enumerated() {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&" where looksLikeEntity(characters[(index + 1)...]): out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "$": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        // A list marker or ordered-list number at the start would change the block.
        if let first = out.first, first == "-" || first == "+" || first.isNumber { out = leadingSafe(out) }
        return out
    }

    /// `&amp;`, `&#38;`: what Markdown would read as a character reference.
    static func looksLikeEntity(_ rest: ArraySlice<Character>) -> Bool {
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
        return !name.isEmpty && rest.dropFirst(name.count).first == ";"
    }

    /// HTML and XML text or attribute value.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20 && scalar != "\n" && scalar != "\t"
                {
                    out += " "
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// A label inside a Mermaid block: Mermaid has no escaping that every renderer honours, so
    /// anything but letters, digits, spaces and a few safe signs becomes a space.
    public static func mermaid(_ text: String, limit: Int = 40) -> String {
        let kept = oneLine(text).map { $0.isLetter || $0.isNumber || " .-'&/".contains($0) ? $0 : " " }
        let collapsed = String(kept).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let cut = collapsed.count > limit ? String(collapsed.prefix(limit - 1)) + "…" : collapsed
        return cut.replacingOccurrences(of: "'", with: "’").replacingOccurrences(of: "&", with: "+")
    }

    /// Line breaks and tabs as spaces.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    static func leadingSafe(_ text: String) -> String {
        // "- x", "+ x" or "1. x" at the start of a line would open a list.
        let characters = Array(text)
        if characters[0] == "-" || characters[0] == "+" {
            return characters.count == 1 || characters[1] == " " ? "\\" + text : text
        }
        let digits = characters.prefix { $0.isNumber }.count
        guard digits < characters.count, characters[digits] == "." || characters[digits] == ")",
            digits + 1 == characters.count || characters[digits + 1] == " "
        else { return text }
        return String(characters[..<digits]) + "\\" + String(characters[digits...])
    }
}
