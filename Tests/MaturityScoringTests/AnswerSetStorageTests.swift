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

    /// A batch import writes a row's `answers` object as it converts it, copying the members
    /// its memo encoded: the document is the same, whatever the order of the answers and
    /// whichever of them were encoded.
    @Test(arguments: ["beginner-tpe", "advanced-pme"])
    func anAnswersObjectWrittenWhileConvertingGivesTheSameDocument(_ name: String) throws {
        let data = try Data(contentsOf: TestSupport.root.appendingPathComponent("questionnaires/examples/\(name).json"))
        let file = try JSONDecoder().decode(AnswerFile.self, from: data)
        let writer = AnswerDocumentWriter(questionnaire: questionnaire)
        let expected = writer.document(try reader.read(file, path: name))
        let converted = try (file.answers ?? [:]).sorted { $0.key > $1.key }.map { key, json in
            reader.convert(json, at: try #require(questionnaire.position(of: QuestionID(key))))
        }
        for encodes in [{ (_: Int) in false }, { _ in true }, { $0.isMultiple(of: 2) }] {
            let positioned = converted.enumerated().map { encodes($0.offset) ? $0.element.encoded(by: writer) : $0.element }
            let json = try #require(writer.answersObject(positioned))
            var set = try reader.read(file, positioned: positioned, json: json, path: name)
            #expect(writer.document(set) == expected)
            // Changed afterwards, the set is written from its answers again.
            let id = try #require(set.answers.keys.min { $0.rawValue < $1.rawValue })
            set.answers[id] = nil
            var byID = try reader.read(file, path: name)
            byID.answers[id] = nil
            #expect(writer.document(set) == writer.document(byID))
        }
        // A question answered twice has no single member to write.
        #expect(writer.answersObject(converted + [converted[0].encoded(by: writer)]) == nil)
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
