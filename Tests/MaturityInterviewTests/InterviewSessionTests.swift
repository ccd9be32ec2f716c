import Foundation
import MaturityInterview
import MaturityQuestionnaire
import MaturityTestSupport
import Testing

@Suite struct InterviewSessionTests {
    let questionnaire: Questionnaire
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws { questionnaire = try TestQuestionnaires.scoring() }

    func session(_ answers: [QuestionID: AnswerValue] = [:]) -> InterviewSession {
        InterviewSession(questionnaire: questionnaire, language: .english, answers: answers, startedAt: start)
    }

    func saves(_ actions: [InterviewSession.Action]) -> [InterviewSession.Action] {
        actions.filter { if case .save = $0 { true } else { false } }
    }

    @Test func asksInOrderAndAutosavesEveryAnswer() {
        var interview = session()
        _ = interview.start()
        #expect(interview.mode == .question("data.quality"))
        #expect(saves(interview.handle("2", at: start)) == [.save("data.quality", .code("fair"))])
        #expect(interview.mode == .question("data.tools"))
        #expect(saves(interview.handle("1-2", at: start)) == [.save("data.tools", .codes(["crm", "erp"]))])
        #expect(interview.mode == .question("data.details"))
        _ = interview.handle("4", at: start)
        #expect(interview.mode == .matrixRow("data.grid", 0))
        #expect(interview.handle("3", at: start).isEmpty == false)
        #expect(saves(interview.handle("5", at: start)) == [.save("data.grid", .matrix(["a": .number(3), "b": .code("na")]))])
        #expect(saves(interview.handle("oui", at: start)) == [.save("usage.weekly", .code("yes"))])
        #expect(saves(interview.handle("2,5", at: start)).isEmpty)
        #expect(saves(interview.handle("3", at: start)) == [.save("usage.count", .number(3))])
        _ = interview.handle("", at: start)
        #expect(interview.mode == .review)
        #expect(interview.handle("", at: start) == [.finish])
    }

    @Test func invalidInputReasksAndKeepsEverything() {
        var interview = session()
        _ = interview.start()
        let actions = interview.handle("9", at: start)
        #expect(actions.first == .problem("Type a number from 1 to 5."))
        #expect(interview.mode == .question("data.quality") && interview.answers.isEmpty)
        _ = interview.handle("2", at: start)
        #expect(interview.handle("crm", at: start).first == .problem("Type one or more numbers from 1 to 4, for example 1,3,5 or 1-3."))
        #expect(interview.handle("1,4", at: start).first == .problem("This answer excludes the others: choose it alone."))
        #expect(
            interview.handle("", at: start).first
                == .problem("This question is required: answer it, or type > to come back to it at the end."))
        #expect(interview.answers == ["data.quality": .code("fair")])
    }

    @Test func backSkipNoteGotoAndCommands() {
        var interview = session()
        _ = interview.start()
        #expect(interview.handle("<", at: start).first == .problem("This is the first question."))
        _ = interview.handle("3", at: start)
        _ = interview.handle("<", at: start)
        #expect(interview.mode == .question("data.quality"))
        #expect(interview.handle("! owner unsure", at: start).first == .saveNote("data.quality", "owner unsure"))
        _ = interview.handle(">", at: start)
        #expect(interview.skipped.contains("data.quality") && interview.mode == .question("data.tools"))
        _ = interview.handle(":goto usage", at: start)
        #expect(interview.mode == .question("usage.weekly"))
        #expect(interview.handle(":goto 2", at: start).contains(.show(interview.prompt())))
        #expect(interview.handle(":goto nowhere", at: start).first == .problem("Unknown dimension 'nowhere'; dimensions: data, usage."))
        #expect(interview.handle(":bogus", at: start).first.map { if case .problem = $0 { true } else { false } } == true)
        #expect(interview.handle(":save", at: start) == [.suspend])
        #expect(interview.mode == .suspended)
    }

    @Test func answerThatHidesAQuestionDeletesItsStoredAnswer() {
        var interview = session(["data.quality": .code("good"), "data.details": .number(4)])
        _ = interview.start()
        _ = interview.handle(":goto data", at: start)
        let actions = interview.handle("1", at: start)
        #expect(saves(actions) == [.save("data.quality", .code("poor")), .save("data.details", nil)])
        #expect(interview.answers["data.details"] == nil)
        #expect(interview.mode == .question("data.tools"))
    }

    @Test func resumeStartsAtTheFirstUnansweredVisibleQuestion() {
        var interview = session(["data.quality": .code("poor"), "data.tools": .codes(["crm"])])
        _ = interview.start()
        #expect(interview.mode == .matrixRow("data.grid", 0))
    }

    @Test func resumedAndPrefilledRoutesVisitOnlyWhatIsMissing() {
        let given: [QuestionID: AnswerValue] = [
            "data.quality": .code("poor"), "data.tools": .codes(["crm"]), "data.details": .number(2), "usage.weekly": .code("no"),
        ]
        var resumed = session(given)
        resumed.route = .unanswered
        _ = resumed.start()
        _ = resumed.handle("3", at: start)
        _ = resumed.handle("2", at: start)
        #expect(resumed.mode == .question("usage.count"), "answered usage.weekly is not asked again")
        #expect(resumed.finishIfComplete() == nil, "usage.count is required and unanswered")
        var prefilled = session(given.merging(["usage.count": .number(1)]) { $1 })
        prefilled.route = .missingRequired
        _ = prefilled.start()
        #expect(prefilled.mode == .review, "the optional grid is not asked")
        #expect(prefilled.finishIfComplete() == [.finish] && prefilled.mode == .finished)
    }

    @Test func reviewListsGapsAndEditsByNumber() {
        var interview = session([
            "data.quality": .code("dk"), "data.tools": .codes(["crm"]), "data.details": .number(2), "usage.weekly": .code("no"),
        ])
        let shown = interview.start()
        #expect(interview.mode == .matrixRow("data.grid", 0))
        _ = interview.handle(":review", at: start)
        #expect(interview.mode == .review)
        let review = shown.isEmpty ? "" : interview.reviewText
        #expect(review.contains("1. [don't know]") && review.contains("[unanswered]") && review.contains("(usage.count)"))
        #expect(
            interview.handle("", at: start).first
                == .problem("Required questions without an answer: 6. Answer them (type their number) or type :finish to finish anyway."))
        _ = interview.handle("6", at: start)
        #expect(interview.mode == .question("usage.count"))
        _ = interview.handle("2,5", at: start)
        #expect(interview.answers["usage.count"] == .number(2.5) || interview.mode == .question("usage.count"))
        _ = interview.handle("12", at: start)
        #expect(interview.mode == .review)
        #expect(interview.handle("", at: start) == [.finish])
    }

    @Test(arguments: [
        ("o", "yes"), ("Oui", "yes"), ("y", "yes"), ("n", "no"), ("NON", "no"), ("p", "partly"), ("en partie", "partly"), ("2", "partly"),
    ])
    func yesPartlyNoAcceptsFrenchAndEnglish(_ input: String, _ code: String) {
        var interview = session(["data.quality": .code("poor"), "data.tools": .codes(["crm"]), "data.grid": .matrix(["a": .number(1)])])
        _ = interview.start()
        #expect(interview.mode == .question("usage.weekly"))
        #expect(saves(interview.handle(input, at: start)) == [.save("usage.weekly", .code(OptionCode(code)))])
    }

    @Test func numbersTakeAFrenchDecimalCommaAndTheirRange() throws {
        let bundled = try TestQuestionnaires.bundled()
        var interview = InterviewSession(questionnaire: bundled, language: .french, startedAt: start)
        _ = interview.start()
        _ = interview.handle(":goto 1", at: start)
        #expect(interview.mode == .question("strategy.priority"))
        var roi = InterviewSession(questionnaire: bundled, language: .french, answers: ["company.name": .text("X")], startedAt: start)
        _ = roi.start()
        _ = roi.handle("<", at: start)
        #expect(roi.mode == .question("company.name"))
        for _ in 0..<6 { _ = roi.handle(">", at: start) }
        #expect(roi.mode == .question("roi.gross_salary"))
        #expect(roi.handle("12", at: start).first == .problem("Tapez un nombre entre 15\u{202F}000 et 300\u{202F}000 (€ brut par an)."))
        #expect(saves(roi.handle("42 500,5", at: start)) == [.save("roi.gross_salary", .number(42_500.5))])
    }

    @Test func useCaseInventoryLoop() throws {
        let bundled = try TestQuestionnaires.bundled()
        var interview = InterviewSession(questionnaire: bundled, language: .english, startedAt: start)
        _ = interview.start()
        _ = interview.handle(":goto usecases", at: start)
        _ = interview.handle("1", at: start)
        #expect(interview.mode == .useCaseMenu("usecases.inventory"))
        _ = interview.handle("a", at: start)
        var last: [InterviewSession.Action] = []
        for field in ["Quotes", "Sales", "10", "45", "2", "4", "2", "n", "1"] { last = interview.handle(field, at: start) }
        #expect(saves(last).count == 1)
        _ = interview.handle("e 1", at: start)
        #expect(interview.handle("", at: start).first == .problem("Use-case name"))
        for field in ["Quotes v2", "", "5", "30", "1", "3", "1", "y", "3"] { _ = interview.handle(field, at: start) }
        guard case let .useCases(items)? = interview.answers["usecases.inventory"] else {
            Issue.record("no inventory")
            return
        }
        #expect(items.map(\.name) == ["Quotes v2"] && items.first?.aiActRisk == .high && items.first?.personalData == true)
        #expect(saves(interview.handle("r 1", at: start)) == [.save("usecases.inventory", .useCases([]))])
        #expect(interview.handle("r 4", at: start).first == .problem("No use case number 4."))
        _ = interview.handle("", at: start)
        #expect(interview.mode == .question("usecases.prioritised"))
    }
}
