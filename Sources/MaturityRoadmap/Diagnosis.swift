import MaturityQuestionnaire
import MaturityScoring

/// Scores, roadmap and document of one answer set: the whole pure pipeline in one call.
public struct Diagnosis: Sendable {
    public var card: ScoreCard
    public var roadmap: Roadmap
    public var document: DiagnosisDocument

    public init(questionnaire: Questionnaire, answers: AnswerSet, language: LanguageCode, engine: String) {
        card = Scorer(questionnaire: questionnaire).score(answers)
        roadmap = RoadmapPlanner(questionnaire: questionnaire).plan(card)
        document = DiagnosisDocument(
            questionnaire: questionnaire, answers: answers, card: card, roadmap: roadmap, language: language, engine: engine)
    }
}
