import MaturityQuestionnaire

/// The company an assessment is about.
public struct Company: Sendable, Equatable, Codable {
    public var name: String?
    public var siren: String?
    public var sector: String?
    public var headcount: String?
    public var region: String?

    public init(name: String? = nil, siren: String? = nil, sector: String? = nil, headcount: String? = nil, region: String? = nil) {
        self.name = name
        self.siren = siren
        self.sector = sector
        self.headcount = headcount
        self.region = region
    }
}

/// The answers given for one company to one questionnaire.
public struct AnswerSet: Sendable, Equatable {
    public var questionnaireID: String
    public var version: String
    public var language: LanguageCode
    public var company: Company
    public var answers: [QuestionID: AnswerValue]
    /// Advisor notes per question: stored and reported, never scored.
    public var notes: [QuestionID: String]

    public init(
        questionnaireID: String, version: String, language: LanguageCode, company: Company = Company(),
        answers: [QuestionID: AnswerValue] = [:], notes: [QuestionID: String] = [:]
    ) {
        self.questionnaireID = questionnaireID
        self.version = version
        self.language = language
        self.company = company
        self.answers = answers
        self.notes = notes
    }

    /// An empty answer set for `questionnaire`, in its default language.
    public init(for questionnaire: Questionnaire) {
        self.init(questionnaireID: questionnaire.id, version: questionnaire.version.description, language: questionnaire.defaultLanguage)
    }
}
