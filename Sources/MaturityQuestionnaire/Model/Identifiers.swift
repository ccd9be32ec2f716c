/// A string identifier wrapped in its own type, so a question id is never passed where a
/// dimension id is expected.
///
/// Identifiers key the dictionaries that scoring reads hundreds of times per respondent, so
/// each one carries its string's hash, computed once when it is made: hashing an identifier
/// then mixes one integer instead of every byte of its text. Two identifiers are equal when
/// their texts are (Swift's `String` equality), and equal texts always have equal hashes.
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
    /// `rawValue.hashValue`, stored when the identifier is made.
    var textHash: Int { get }
}

extension StringIdentifier {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.textHash == rhs.textHash && lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(textHash) }
    /// What dictionaries and sets call: the same value as `hash(into:)` through a fresh hasher,
    /// by the standard library's one-shot path for integers.
    public func _rawHashValue(seed: Int) -> Int { textHash._rawHashValue(seed: seed) }
}

public struct QuestionID: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }
}

public struct DimensionID: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }
}

public struct LevelID: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }
}

public struct OptionCode: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }
}

public struct RuleID: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }
}

public struct CapID: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }
}

public struct LanguageCode: StringIdentifier {
    public let rawValue: String
    public let textHash: Int
    public init(rawValue: String) { (self.rawValue, textHash) = (rawValue, rawValue.hashValue) }

    public static let french: LanguageCode = "fr"
    public static let english: LanguageCode = "en"
}
