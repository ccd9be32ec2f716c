import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// Everything a report is made of. Pure data: the command gathers it from the store.
public struct ReportInput: Sendable {
    public var questionnaire: Questionnaire
    public var answers: AnswerSet
    public var diagnosis: Diagnosis
    public var language: LanguageCode
    /// The generation date (injected, so reports are reproducible).
    public var date: Date
    public var advisor: String?
    public var assessmentID: Int64?
    public var wave: Int
    /// The previous wave of the same company, when there is one.
    public var previous: PreviousWave?
    /// The company against a cohort of companies, when asked for (`report --cohort`).
    public var cohort: CohortPosition?

    public struct PreviousWave: Sendable {
        public var wave: Int
        public var date: Date
        public var overall: Double?
        public var comparison: WaveComparison

        public init(wave: Int, date: Date, overall: Double?, comparison: WaveComparison) {
            self.wave = wave
            self.date = date
            self.overall = overall
            self.comparison = comparison
        }
    }

    public init(
        questionnaire: Questionnaire, answers: AnswerSet, language: LanguageCode, date: Date, engine: String, advisor: String? = nil,
        assessmentID: Int64? = nil, wave: Int = 1, previous: PreviousWave? = nil
    ) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.language = language
        diagnosis = Diagnosis(questionnaire: questionnaire, answers: answers, language: language, engine: engine)
        self.date = date
        self.advisor = advisor
        self.assessmentID = assessmentID
        self.wave = wave
        self.previous = previous
    }

    var document: DiagnosisDocument { diagnosis.document }

    func text(_ localized: LocalizedText) -> String { localized.resolve(language, fallback: questionnaire.defaultLanguage) }

    func number(_ value: Double, decimals: Int = 1) -> String { LocalizedNumber.format(value, language, decimals: decimals, fixed: true) }

    func euros(_ value: Double, decimals: Int = 0) -> String {
        let amount = LocalizedNumber.format(value, language, decimals: decimals, fixed: decimals > 0)
        return language == .french ? amount + "\u{A0}€" : "€" + amount
    }

    var formattedDate: String { Self.format(date, language) }

    /// "23 novembre 2026", "23 November 2026": spelled here, not by the platform's locale data.
    static func format(_ date: Date, _ language: LanguageCode) -> String {
        let parts = day(date)
        let months =
            language == .french
            ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 2000)"
    }

    /// ISO date (for file names and Mermaid's Gantt).
    static func iso(_ date: Date) -> String {
        let parts = day(date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }

    /// The calendar day in France, where the reports are handed over.
    static func day(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar.dateComponents([.day, .month, .year], from: date)
    }
}
