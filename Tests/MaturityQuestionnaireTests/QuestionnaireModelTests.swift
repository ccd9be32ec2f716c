import MaturityQuestionnaire
import Testing

@Suite struct QuestionnaireModelTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try #require(BundledQuestionnaire.load().questionnaire)
    }

    @Test(arguments: [
        (0.0, "decouverte"), (19.99, "decouverte"), (20.0, "experimentation"), (39.9, "experimentation"),
        (40.0, "structuration"), (60.0, "industrialisation"), (79.99, "industrialisation"),
        (80.0, "transformation"), (100.0, "transformation"),
    ])
    func levelBoundaries(_ score: Double, _ level: String) {
        #expect(questionnaire.level(forScore: score)?.id.rawValue == level)
        #expect(questionnaire.levelID(forScore: score)?.rawValue == level)
    }

    /// Out of range, a score takes the nearest level.
    @Test func scoresOutOfRangeTakeTheNearestLevel() {
        #expect(questionnaire.levelID(forScore: -3)?.rawValue == "decouverte")
        #expect(questionnaire.levelID(forScore: 100.5)?.rawValue == "transformation")
        #expect(questionnaire.level(forScore: -3)?.id.rawValue == "decouverte")
        #expect(questionnaire.level(forScore: 100.5)?.id.rawValue == "transformation")
    }

    @Test(arguments: [
        ("1.0.0", true), ("10.20.30", true), ("1.0.0-beta.1", true), ("1.0", false), ("1.0.0.0", false),
        ("v1.0.0", false), ("1.a.0", false), ("1.0.0-", false), ("", false),
    ])
    func semanticVersions(_ text: String, _ valid: Bool) {
        #expect((SemanticVersion(text) != nil) == valid)
        if valid { #expect(SemanticVersion(text)?.description == text) }
    }

    @Test func versionsOrderWithPreReleasesFirst() throws {
        let versions = ["1.0.0", "1.0.0-rc.1", "0.9.9", "1.1.0"].compactMap(SemanticVersion.init)
        #expect(versions.sorted().map(\.description) == ["0.9.9", "1.0.0-rc.1", "1.0.0", "1.1.0"])
    }

    @Test func localizedTextFallsBackToTheDefaultLanguage() {
        let text = LocalizedText([.french: "Bonjour"])
        #expect(text.resolve(.english, fallback: .french) == "Bonjour")
        #expect(LocalizedText(fr: "Oui", en: "Yes").resolve(.english, fallback: .french) == "Yes")
    }

    @Test(arguments: [("data.qualty", "data.quality"), ("governace", "governance"), ("xyz", nil)])
    func nearMissSuggestions(_ word: String, _ expected: String?) {
        #expect(Suggestion.closest(to: word, in: ["data.quality", "governance", "strategy"]) == expected)
    }
}
