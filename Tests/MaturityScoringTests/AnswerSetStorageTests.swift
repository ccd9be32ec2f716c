import Foundation
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

/// An answer set read by position (as a batch import reads it) and the same answers read by
/// id (as an answers file is read) are the same set: equal, scored alike, written alike.
@Suite struct AnswerSetStorageTests {
    let questionnaire: Questionnaire
    let reader: PreparedAnswerReader

    init() throws {
        questionnaire = try TestQuestionnaires.bundled()
        reader = PreparedAnswerReader(questionnaire: questionnaire)
    }

    /// The example file, read by id and by position.
    func both(_ name: String) throws -> (byID: AnswerSet, byPosition: AnswerSet) {
        let data = try Data(contentsOf: TestSupport.root.appendingPathComponent("questionnaires/examples/\(name).json"))
        let file = try JSONDecoder().decode(AnswerFile.self, from: data)
        let positioned = try (file.answers ?? [:]).map { key, json in
            let position = try #require(questionnaire.position(of: QuestionID(key)))
            return reader.convert(json, at: position)
        }
        return (try reader.read(file, path: name), try reader.read(file, positioned: positioned, path: name))
    }

    @Test(arguments: ["beginner-tpe", "advanced-pme"])
    func positionalSetsAreTheSameSetScoredAndWrittenAlike(_ name: String) throws {
        let (byID, byPosition) = try both(name)
        #expect(byPosition == byID)
        #expect(byPosition.answers == byID.answers)
        #expect(byPosition.company == byID.company)
        #expect(!byPosition.answers.isEmpty)
        for explains in [true, false] {
            let scorer = Scorer(questionnaire: questionnaire, explains: explains)
            let card = scorer.score(byPosition)
            #expect(card == scorer.score(byID))
            #expect(card.answers == Visibility(questionnaire: questionnaire, answers: byID.answers).answers)
            #expect(card.visibleQuestions == Visibility(questionnaire: questionnaire, answers: byID.answers).visible)
        }
        let writer = AnswerDocumentWriter(questionnaire: questionnaire)
        #expect(writer.document(byPosition) == writer.document(byID))
    }

    @Test func aPositionalSetChangedByIDKeepsEveryOtherAnswer() throws {
        var (byID, byPosition) = try both("advanced-pme")
        let id = try #require(byID.answers.keys.sorted { $0.rawValue < $1.rawValue }.first)
        byID.answers[id] = nil
        byPosition.answers[id] = nil
        byID.answers["not.in.questionnaire"] = .text("kept")
        byPosition.answers["not.in.questionnaire"] = .text("kept")
        #expect(byPosition == byID)
        #expect(byPosition.answers.count == byID.answers.count)
        let writer = AnswerDocumentWriter(questionnaire: questionnaire)
        #expect(writer.document(byPosition) == writer.document(byID))
        #expect(Scorer(questionnaire: questionnaire).score(byPosition) == Scorer(questionnaire: questionnaire).score(byID))
    }

    /// Without explanations the scorer leaves out per-question scores and drivers, and
    /// nothing else.
    @Test func aScorerThatDoesNotExplainKeepsEveryScore() throws {
        let (set, _) = try both("advanced-pme")
        let full = Scorer(questionnaire: questionnaire).score(set)
        let lean = Scorer(questionnaire: questionnaire, explains: false).score(set)
        #expect(lean.dimensions.allSatisfy { $0.questions.isEmpty && $0.drivers.isEmpty })
        var stripped = full
        for index in stripped.dimensions.indices {
            stripped.dimensions[index].questions = []
            stripped.dimensions[index].drivers = []
        }
        #expect(lean == stripped)
        #expect(full.dimensions.contains { !$0.questions.isEmpty })
    }
}
