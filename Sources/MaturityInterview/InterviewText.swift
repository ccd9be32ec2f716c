import MaturityQuestionnaire
import MaturityScoring

/// Every sentence of the interview, in French and English.
public struct InterviewText: Sendable {
    public let language: LanguageCode

    public init(language: LanguageCode) { self.language = language }

    var french: Bool { language == .french }

    func pick(_ fr: String, _ en: String) -> String { french ? fr : en }

    public var hint: String {
        pick(
            "? aide · < retour · > passer · ! note · :goto dimension · :review · :save · :quit",
            "? help · < back · > skip · ! note · :goto dimension · :review · :save · :quit")
    }

    func progress(_ n: Int, _ total: Int, _ k: Int, _ dimensions: Int, _ name: String, minutes: Int) -> String {
        let section =
            k == 0
            ? pick("Profil de l'entreprise", "Company profile")
            : pick("Dimension \(k)/\(dimensions) : \(name)", "Dimension \(k)/\(dimensions): \(name)")
        return pick("Question \(n)/\(total) · \(section) · \(minutes) min", "Question \(n)/\(total) · \(section) · \(minutes) min")
    }

    func choose(_ count: Int) -> String { pick("Tapez un numéro de 1 à \(count).", "Type a number from 1 to \(count).") }

    func chooseMany(_ count: Int) -> String {
        pick(
            "Tapez un ou plusieurs numéros de 1 à \(count), par exemple 1,3,5 ou 1-3.",
            "Type one or more numbers from 1 to \(count), for example 1,3,5 or 1-3.")
    }

    func point(_ scale: Scale, specials: Int) -> String {
        let extra =
            specials > 0
            ? pick(
                ", ou \(scale.max + 1)–\(scale.max + specials) pour les autres réponses",
                ", or \(scale.max + 1)–\(scale.max + specials) for the other answers") : ""
        return pick("Tapez un nombre de \(scale.min) à \(scale.max)\(extra).", "Type a number from \(scale.min) to \(scale.max)\(extra).")
    }

    var yesNo: String { pick("Répondez o (oui), p (en partie) ou n (non).", "Answer y (yes), p (partly) or n (no).") }

    func number(_ spec: NumberSpec, unit: String?) -> String {
        let range: String
        switch (spec.min, spec.max) {
        case let (min?, max?):
            range = pick(
                " entre \(LocalizedNumber.format(min, language)) et \(LocalizedNumber.format(max, language))",
                " between \(LocalizedNumber.format(min, language)) and \(LocalizedNumber.format(max, language))")
        case let (min?, nil):
            range = pick(" d'au moins \(LocalizedNumber.format(min, language))", " of at least \(LocalizedNumber.format(min, language))")
        default: range = ""
        }
        let whole = spec.integer ? pick(" entier", " whole") : ""
        return pick("Tapez un nombre\(whole)\(range)", "Type a\(whole) number\(range)") + (unit.map { " (\($0))" } ?? "") + "."
    }

    var text: String { pick("Tapez votre réponse.", "Type your answer.") }

    var required: String {
        pick(
            "Cette question est obligatoire : répondez, ou tapez > pour y revenir à la fin.",
            "This question is required: answer it, or type > to come back to it at the end.")
    }

    func tooLong(_ limit: Int) -> String {
        pick("Réponse trop longue : \(limit) caractères au plus.", "Answer too long: \(limit) characters at most.")
    }

    var exclusive: String {
        pick("Cette réponse exclut les autres : choisissez-la seule.", "This answer excludes the others: choose it alone.")
    }

    var noHelp: String { pick("Pas d'aide pour cette question.", "No help for this question.") }

    func noteSaved(_ id: QuestionID) -> String { pick("Note enregistrée pour \(id).", "Note saved for \(id).") }

    var firstQuestion: String { pick("C'est la première question.", "This is the first question.") }

    func unknownDimension(_ text: String, _ known: [String]) -> String {
        pick(
            "Dimension inconnue « \(text) » ; dimensions : \(known.joined(separator: ", ")).",
            "Unknown dimension '\(text)'; dimensions: \(known.joined(separator: ", ")).")
    }

    func unknownCommand(_ text: String) -> String { pick("Commande inconnue « \(text) ». ", "Unknown command '\(text)'. ") + hint }

    var reviewTitle: String { pick("Relecture avant de terminer", "Review before finishing") }

    var reviewAllAnswered: String { pick("Toutes les questions obligatoires ont une réponse.", "Every required question is answered.") }

    var reviewPrompt: String {
        pick(
            "Tapez un numéro pour modifier une réponse, ou Entrée pour terminer et calculer les scores.",
            "Type a number to change an answer, or Enter to finish and compute the scores.")
    }

    func missingRequired(_ numbers: [Int]) -> String {
        let list = numbers.map(String.init).joined(separator: ", ")
        return pick(
            "Questions obligatoires sans réponse : \(list). Répondez-y (tapez leur numéro) ou tapez :finish pour terminer quand même.",
            "Required questions without an answer: \(list). Answer them (type their number) or type :finish to finish anyway.")
    }

    func line(_ kind: String, _ number: Int, _ id: QuestionID, _ text: String) -> String { "  \(number). [\(kind)] \(text) (\(id))" }

    var unanswered: String { pick("sans réponse", "unanswered") }
    var skippedLabel: String { pick("passée", "skipped") }
    var dontKnowLabel: String { pick("ne sait pas", "don't know") }

    func current(_ answer: String) -> String {
        pick("Réponse actuelle : \(answer) (Entrée pour la garder)", "Current answer: \(answer) (Enter to keep it)")
    }

    func row(_ index: Int, _ count: Int, _ label: String) -> String {
        pick("Ligne \(index)/\(count) : \(label)", "Row \(index)/\(count): \(label)")
    }

    var useCaseMenu: String {
        pick(
            "a = ajouter · l = lister · e N = modifier · r N = retirer · Entrée = terminé",
            "a = add · l = list · e N = edit · r N = remove · Enter = done")
    }

    var perWeek: String { pick("/sem", "/wk") }

    func useCaseCount(_ count: Int) -> String { pick("\(count) cas d'usage saisi(s).", "\(count) use case(s) entered.") }

    func noUseCase(_ number: Int) -> String { pick("Pas de cas d'usage n° \(number).", "No use case number \(number).") }

    var useCaseFields: [String] {
        french
            ? [
                "Nom du cas d'usage", "Service", "Fréquence par semaine", "Minutes par occurrence", "Personnes concernées",
                "Impact attendu (1 à 5)", "Effort (1 à 5)", "Données personnelles ? (o/n)",
                "Risque AI Act : 1 minimal, 2 limité, 3 élevé, 4 interdit",
            ]
            : [
                "Use-case name", "Department", "Frequency per week", "Minutes per occurrence", "People involved",
                "Expected impact (1 to 5)", "Effort (1 to 5)", "Personal data? (y/n)",
                "AI-Act risk: 1 minimal, 2 limited, 3 high, 4 prohibited",
            ]
    }

    // MARK: the command around the session

    public func suspended(resume command: String?) -> String {
        guard let command else {
            return pick(
                "Rien n'est enregistré : l'entreprise n'a pas encore de nom.",
                "Nothing is saved: the company has no name yet.")
        }
        return pick(
            "Entretien enregistré. Pour le reprendre : \(command)",
            "Interview saved. To resume it: \(command)")
    }

    public func created(_ id: Int64, _ path: String) -> String {
        pick(
            "Entretien n° \(id) : chaque réponse est enregistrée dans \(path).",
            "Interview #\(id): every answer is saved to \(path).")
    }

    public func completed(_ id: Int64) -> String {
        pick("Entretien n° \(id) terminé et enregistré.", "Interview #\(id) completed and saved.")
    }

    public func next(report: String, html: String, show: String) -> String {
        pick(
            "Rapport écrit : \(report)\nVersion imprimable : \(html)\nDétail : \(show)",
            "Report written: \(report)\nPrintable version: \(html)\nDetails: \(show)")
    }

    public var needsCompany: String {
        pick(
            "Ce questionnaire ne demande pas le nom de l'entreprise (pas de question « role: company.name ») : passez --company NOM.",
            "This questionnaire does not ask for the company name (no question with 'role: company.name'): pass --company NAME.")
    }
}
