import Foundation
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

/// A batch import reads a use-case inventory straight from its cell's JSON text
/// (`PreparedAnswerReader.useCases(json:at:)`) instead of parsing it into `JSONValue`s and
/// converting those. Whenever it gives an answer, it must be the one parsing and converting
/// gives; when it gives none, parsing and converting says what is wrong (or reads the odd
/// cases it leaves to them).
@Suite struct UseCaseReaderTests {
    let reader: PreparedAnswerReader
    let position: Int

    init() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        reader = PreparedAnswerReader(questionnaire: questionnaire)
        position = try #require(questionnaire.position(of: "usecases.inventory"))
    }

    static let item =
        #"{"aiActRisk":"high","department":"Commercial","effort":4,"frequencyPerWeek":19,"impact":4,"minutes":38,"name":"Fiches produits","people":1,"personalData":false}"#
    static let other =
        #"{"name":"Comptes rendus de réunion","minutes":53.5,"people":8,"frequencyPerWeek":0.5,"impact":5,"effort":1,"personalData":true,"aiActRisk":"limited"}"#

    /// Read straight from the text.
    static let plain = [
        "[\(item)]",
        "[\(item),\(other)]",
        "[]",
        " [ \n\(other) ,\t\(item) ] ",
        #"[{"name":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5}]"#,
        #"[{"name":"Devis \"express\"\u00e9","department":null,"frequencyPerWeek":1e1,"minutes":-0,"people":1.0,"impact":2,"effort":3,"personalData":null,"aiActRisk":"prohibited"}]"#,
        #"[{"name":"Devis","department":{"nested":[1,2]},"frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5,"aiActRisk":7}]"#,
    ]

    /// Left to parsing and converting: answers that are wrong, and a few odd but valid ones.
    static let odd = [
        #"[{"name":"Devis","name":"Autre","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5}]"#,
        #"[{"n\u0061me":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5}]"#,
        #"[{"name":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5,"atelier":1}]"#,
        #"[{"name":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":6,"effort":5}]"#,
        #"[{"name":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1.5,"effort":5}]"#,
        #"[{"name":" ","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5}]"#,
        #"[{"name":"Devis","frequencyPerWeek":"1","minutes":2,"people":3,"impact":1,"effort":5}]"#,
        #"[{"name":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5,"aiActRisk":"hihg"}]"#,
        #"[{"name":"Devis","frequencyPerWeek":1,"minutes":2,"people":3,"impact":1,"effort":5,"personalData":"oui"}]"#,
        "[\(item),3]",
        "[\(item)] x",
        "[\(item)",
        "[\(item),]",
        "{\"items\":[\(item)]}",
        "\(item)",
        "",
        "[[]]",
    ]

    func parsedAndConverted(_ text: String) -> Result<AnswerValue?, AnswerIssue>? {
        JSONValue(parsing: text).map { reader.convert($0, at: position).outcome }
    }

    @Test(arguments: plain) func readsAPlainInventoryStraightFromItsText(_ text: String) throws {
        let read = try #require(reader.useCases(json: text, at: position), "read straight from the text")
        #expect(read.position == position)
        let converted = try #require(parsedAndConverted(text))
        #expect(read.outcome == converted)
    }

    @Test(arguments: odd) func leavesWhatItCannotReadToParsingAndConverting(_ text: String) {
        #expect(reader.useCases(json: text, at: position) == nil)
    }

    @Test func givesTheUseCasesAsWritten() throws {
        let read = try #require(reader.useCases(json: "[\(Self.other)]", at: position))
        let expected = UseCase(
            name: "Comptes rendus de réunion", department: nil, frequencyPerWeek: 0.5, minutesPerOccurrence: 53.5, people: 8,
            impact: 5, effort: 1, personalData: true, aiActRisk: .limited)
        #expect(read.outcome == .success(.useCases([expected])))
    }

    @Test func readsNothingForAnotherKindOfQuestion() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let other = try #require(questionnaire.position(of: "strategy.priority"))
        #expect(reader.useCases(json: "[\(Self.item)]", at: other) == nil)
    }
}
