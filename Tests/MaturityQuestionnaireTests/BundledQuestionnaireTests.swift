import Foundation
import MaturityQuestionnaire
import MaturityTestSupport
import Testing

@Suite struct BundledQuestionnaireTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try #require(BundledQuestionnaire.load().questionnaire)
    }

    @Test func embeddedCopyIsIdenticalToTheFile() throws {
        let file = try TestSupport.read(BundledQuestionnaire.path)
        #expect(BundledQuestionnaire.text == file, "run scripts/embed-resources.py after editing \(BundledQuestionnaire.path)")
        let result = BundledQuestionnaire.load()
        #expect(result.sha256 == QuestionnaireParser.sha256(of: Data(file.utf8)))
    }

    @Test func loadsWithoutAnyDiagnostic() {
        #expect(BundledQuestionnaire.load().diagnostics.isEmpty)
    }

    @Test func hasTheSevenDimensionsAndFiveLevelsOfTheDomain() {
        #expect(
            questionnaire.dimensions.map(\.id.rawValue) == [
                "strategy", "usecases", "usage", "data", "skills", "governance", "technology",
            ])
        #expect(
            questionnaire.levels.map(\.id.rawValue) == [
                "decouverte", "experimentation", "structuration", "industrialisation", "transformation",
            ])
        #expect(questionnaire.levels.map(\.name[.english]) == ["Aware", "Experimenting", "Structured", "Scaled", "Transforming"])
        #expect(questionnaire.defaultLanguage == .french)
        #expect(questionnaire.languages == [.french, .english])
    }

    @Test func hasBetweenFortyAndSixtyQuestionsWithHelp() {
        #expect((40...60).contains(questionnaire.allQuestions.count))
        #expect(questionnaire.scoredQuestions.count >= 40)
        let withHelp = questionnaire.scoredQuestions.filter { $0.help != nil }
        #expect(withHelp.count * 2 >= questionnaire.scoredQuestions.count, "at least half the questions explain why they matter")
    }

    @Test func everyDimensionHasEnoughScoredQuestions() {
        for dimension in questionnaire.dimensions {
            #expect(dimension.questions.count { $0.isScored } >= 4, "\(dimension.id)")
        }
    }

    @Test func hasTheDMATechnologyGridAndChecklists() throws {
        let grid = try #require(questionnaire.question("usage.technologies"))
        guard case let .matrix(rows, scale, special) = grid.kind else {
            Issue.record("usage.technologies is not a matrix")
            return
        }
        #expect(rows.count == 5)
        #expect((scale.min, scale.max) == (0, 5))
        #expect(special.contains { $0.role == .notApplicable })
        let data = try #require(questionnaire.question("data.practices"))
        #expect(data.kind.options.count { !$0.exclusive } == 8)
        #expect(data.kind.options.count { $0.exclusive } == 1)
        let security = try #require(questionnaire.question("technology.security"))
        #expect(security.kind.options.count { !$0.exclusive } == 6)
        #expect(questionnaire.question("usecases.inventory")?.kind == .useCases)
    }

    @Test func profileIsUnscoredAndFillsCompanyAndROIFields() {
        #expect(questionnaire.profile.allSatisfy { !$0.isScored && $0.dimension == nil })
        for role in [ProfileRole.companyName, .siren, .sector, .headcount, .grossSalary, .employerCharges, .licences, .subsidies] {
            #expect(questionnaire.profileQuestion(for: role) != nil, "\(role)")
        }
    }

    @Test func rulesCoverEveryDimensionAndPhase() {
        #expect(Set(questionnaire.rules.map(\.dimension)) == Set(questionnaire.dimensions.map(\.id)))
        #expect(Set(questionnaire.rules.map(\.phase)) == Set(Phase.allCases))
        #expect(questionnaire.rules.contains { $0.blocksPilots && $0.dimension == "governance" })
        #expect(questionnaire.rules.allSatisfy { !$0.blocksPilots || $0.phase == .audit })
        #expect(questionnaire.caps.count >= 3)
    }

    @Test func everyTextIsTranslated() {
        var texts: [LocalizedText] = [questionnaire.title]
        texts += questionnaire.levels.flatMap { [$0.name, $0.description] }
        texts += questionnaire.allQuestions.flatMap { [$0.text] + ($0.help.map { [$0] } ?? []) + $0.kind.options.map(\.label) }
        texts += questionnaire.rules.flatMap { [$0.title, $0.body] }
        for text in texts {
            #expect(text[.french]?.isEmpty == false && text[.english]?.isEmpty == false, "\(text)")
        }
    }
}
