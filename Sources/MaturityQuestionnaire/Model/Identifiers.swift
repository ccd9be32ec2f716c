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
    /// What dictionaries and sets call: the stored hash mixed with their seed.
    public func _rawHashValue(seed: Int) -> Int { PrecomputedHash.mix(textHash, seed: seed) }
}

/// Mixes a hash computed in advance with the seed of the dictionary or set that looks it up.
/// The standard library's one-shot path SipHashes the integer, about a hundred instructions,
/// and batch imports did it half a million times per thousand respondents (callgrind: a
/// twentieth of the whole import). This is SplitMix64's finaliser, a dozen instructions: every
/// bit of the result depends on every bit of the hash and of the seed, so each table still
/// places keys in its own order, which is what the seed is for. Equal keys mix equal hashes.
public enum PrecomputedHash {
    @inlinable
    public static func mix(_ hash: Int, seed: Int) -> Int {
        var z = UInt64(UInt(bitPattern: hash ^ seed)) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(bitPattern: UInt(z ^ (z >> 31)))
    }
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
