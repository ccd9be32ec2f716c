/// A human text in every language of the questionnaire: always a map, never a bare string.
///
/// Fallback rule: the requested language, else the given fallback (the questionnaire's default
/// language), else the alphabetically first language present.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    public var values: [LanguageCode: String]

    public init(_ values: [LanguageCode: String]) { self.values = values }

    public init(fr: String, en: String) { self.values = [.french: fr, .english: en] }

    public func resolve(_ language: LanguageCode, fallback: LanguageCode) -> String {
        if let text = values[language] { return text }
        if let text = values[fallback] { return text }
        return values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    public subscript(language: LanguageCode) -> String? { values[language] }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: String](from: decoder)
        values = Dictionary(uniqueKeysWithValues: raw.map { (LanguageCode($0.key), $0.value) })
    }

    public func encode(to encoder: any Encoder) throws {
        let raw = Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
        try raw.encode(to: encoder)
    }
}
