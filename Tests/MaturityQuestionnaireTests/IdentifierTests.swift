import Foundation
import MaturityQuestionnaire
import Testing

/// Identifiers hash by a stored hash of their text: they must still behave exactly like their
/// text as dictionary keys, in sets, in order and in JSON.
@Suite struct IdentifierTests {
    /// Pairs of texts that Swift's `String` considers equal although their bytes differ.
    static let equivalentTexts = [
        ("caf\u{E9}", "cafe\u{301}"),  // precomposed and combining accent
        ("\u{212A}elvin", "Kelvin"),  // KELVIN SIGN is canonically a K
        ("\u{1E9B}\u{323}", "\u{17F}\u{323}\u{307}"),  // reordered combining marks
    ]

    @Test(arguments: equivalentTexts)
    func equivalentTextsAreOneIdentifier(_ first: String, _ second: String) {
        #expect(first == second)
        let (a, b) = (QuestionID(first), QuestionID(second))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect([a: 1][b] == 1)
    }

    @Test func differentTextsAreDifferentIdentifiers() {
        let texts = ["usage", "usage ", "Usage", "usage_charter", "usage.charter", "", "é", "e"]
        let ids = texts.map(QuestionID.init(rawValue:))
        #expect(Set(ids).count == texts.count)
        let positions = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        for (position, text) in texts.enumerated() { #expect(positions[QuestionID(text)] == position) }
    }

    @Test func hashingMixesTheStoredHashWithEachTablesSeed() {
        let seeds = [0, 1, 2, 1 << 40, -1]
        for text in ["data.quality", "x", "caf\u{E9}", String(repeating: "long_identifier_", count: 8)] {
            let (id, same) = (DimensionID(text), DimensionID(String(text.reversed().reversed())))
            #expect(id.textHash == text.hashValue)
            var (a, b) = (Hasher(), Hasher())
            a.combine(id)
            b.combine(same)
            #expect(a.finalize() == b.finalize())
            #expect(seeds.allSatisfy { id._rawHashValue(seed: $0) == same._rawHashValue(seed: $0) })
            #expect(Set(seeds.map { id._rawHashValue(seed: $0) }).count == seeds.count)
        }
        // A seed differing only in its high bits still moves keys to other buckets (low bits).
        let ids = (0..<256).map { QuestionID("question_\($0)") }
        let moved = ids.filter { $0._rawHashValue(seed: 0) & 0xFF != $0._rawHashValue(seed: 1 << 40) & 0xFF }
        #expect(moved.count > 200)
    }

    @Test func identifiersOrderAndEncodeAsTheirText() throws {
        #expect([OptionCode("b"), OptionCode("a"), OptionCode("c")].sorted().map(\.rawValue) == ["a", "b", "c"])
        let encoded = try JSONEncoder().encode(["first": QuestionID("q1"), "second": QuestionID("caf\u{E9}")])
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""first":"q1""#))
        #expect(try JSONDecoder().decode([String: QuestionID].self, from: encoded) == ["first": "q1", "second": "cafe\u{301}"])
        let decoded = try JSONDecoder().decode([LevelID].self, from: Data(#"["niveau_1","niveau_2"]"#.utf8))
        #expect(decoded == [LevelID("niveau_1"), LevelID("niveau_2")])
        #expect(decoded[0].textHash == "niveau_1".hashValue)
    }
}
