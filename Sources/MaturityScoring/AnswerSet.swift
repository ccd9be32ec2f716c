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
    /// The answers by question id. A set read from an export keeps them by position in the
    /// questionnaire instead (see `Storage`), and builds this dictionary only when asked.
    public var answers: [QuestionID: AnswerValue] {
        get {
            switch storage {
            case let .byID(answers): answers
            case let .byPosition(ids, values, _): [QuestionID: AnswerValue](byPosition: values, ids: ids)
            }
        }
        set { storage = .byID(newValue) }
    }
    /// Advisor notes per question: stored and reported, never scored.
    public var notes: [QuestionID: String]
    private var storage: Storage

    /// Where the answers are kept. Scoring, visibility and the answer document read answers
    /// by position in `Questionnaire.allQuestions`: a batch import converts them by position,
    /// and putting them into a dictionary by id, only to look each id up again (hashing its
    /// text) in every step, was a fifth of the work of a respondent.
    enum Storage: Sendable {
        case byID([QuestionID: AnswerValue])
        /// `values[i]` answers `ids[i]`, the questionnaire's `questionIDs`; `json`, when
        /// known, is the `answers` object of the answer document (`AnswerDocumentWriter`).
        case byPosition(ids: [QuestionID], values: [AnswerValue?], json: [UInt8]?)
    }

    public init(
        questionnaireID: String, version: String, language: LanguageCode, company: Company = Company(),
        answers: [QuestionID: AnswerValue] = [:], notes: [QuestionID: String] = [:]
    ) {
        self.questionnaireID = questionnaireID
        self.version = version
        self.language = language
        self.company = company
        storage = .byID(answers)
        self.notes = notes
    }

    /// An empty answer set for `questionnaire`, in its default language.
    public init(for questionnaire: Questionnaire) {
        self.init(questionnaireID: questionnaire.id, version: questionnaire.version.description, language: questionnaire.defaultLanguage)
    }

    /// Keeps `values`, the answers by position in the `allQuestions` of the questionnaire
    /// whose `questionIDs` are `ids`, as they are, with their `answers` object when known.
    mutating func setAnswers(byPosition values: [AnswerValue?], json: [UInt8]? = nil, ids: [QuestionID]) {
        storage = .byPosition(ids: ids, values: values, json: json)
    }

    /// The answer to each question of `ids` (a questionnaire's `questionIDs`), by position;
    /// answers to questions not in `ids` are left out. Kept by position for the same
    /// questionnaire, they are returned as they are (comparing equal arrays that share their
    /// storage is immediate).
    func values(in ids: [QuestionID]) -> [AnswerValue?] {
        if let values = storedValues(in: ids) { return values }
        let answers = answers
        return ids.map { answers[$0] }
    }

    /// The answers by position when they are kept so for the questionnaire whose
    /// `questionIDs` are `ids`: then there is no answer to a question outside it.
    func storedValues(in ids: [QuestionID]) -> [AnswerValue?]? {
        if case let .byPosition(own, values, _) = storage, own == ids { values } else { nil }
    }

    /// The answer document's `answers` object, when the answers are kept by position for the
    /// questionnaire whose `questionIDs` are `ids` and came with it.
    func storedJSON(in ids: [QuestionID]) -> [UInt8]? {
        if case let .byPosition(own, _, json?) = storage, own == ids { json } else { nil }
    }

    /// The answer to `id`, one of `questionnaire`'s questions.
    func answer(_ id: QuestionID, in questionnaire: Questionnaire) -> AnswerValue? {
        switch storage {
        case let .byPosition(own, values, _) where own == questionnaire.questionIDs:
            questionnaire.position(of: id).flatMap { values[$0] }
        default: answers[id]
        }
    }

    public static func == (lhs: AnswerSet, rhs: AnswerSet) -> Bool {
        lhs.questionnaireID == rhs.questionnaireID && lhs.version == rhs.version && lhs.language == rhs.language
            && lhs.company == rhs.company && lhs.notes == rhs.notes && lhs.answers == rhs.answers
    }
}

extension [QuestionID: AnswerValue] {
    /// The answers given by position (`values[i]` answers `ids[i]`), by id.
    init(byPosition values: [AnswerValue?], ids: [QuestionID]) {
        self.init(minimumCapacity: values.count)
        for index in values.indices { if let value = values[index] { self[ids[index]] = value } }
    }
}
