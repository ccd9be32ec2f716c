import ArgumentParser
import Foundation
import MaturityQuestionnaire

/// `--questionnaire FILE`, defaulting to the bundled questionnaire.
struct QuestionnaireOptions: ParsableArguments {
    @Option(
        name: .long, help: "Questionnaire file (default: the bundled questionnaires/ia-generative-pme.yaml).",
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var questionnaire: String?

    /// Where the questionnaire is read from (diagnostics and parsed copies name it).
    var sourcePath: String { questionnaire ?? BundledQuestionnaire.path }

    /// Loads and validates; prints the problem and exits 1 when the file cannot be used.
    func load() throws -> Questionnaire { try loadSource().questionnaire }

    /// The questionnaire and the exact text it was parsed from (what the store keeps).
    func loadSource() throws -> (questionnaire: Questionnaire, text: String) {
        guard let path = questionnaire else {
            guard let bundled = BundledQuestionnaire.load().questionnaire else {
                Output.error("error: the bundled questionnaire does not load; run 'maturity validate' to see why")
                throw ExitCode.failure
            }
            return (bundled, BundledQuestionnaire.text)
        }
        do {
            return try QuestionnaireLoader.loadValidSource(path: path)
        } catch {
            Output.error(error.errorDescription ?? "\(path): error: cannot load the questionnaire")
            throw ExitCode.failure
        }
    }
}

/// `--lang fr|en`.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the output (fr or en; default: the answers' language).")
    var language: String?

    /// The language asked for, checked against the questionnaire.
    func resolve(for questionnaire: Questionnaire, default fallback: LanguageCode) throws -> LanguageCode {
        guard let language else { return fallback }
        let code = LanguageCode(language)
        guard questionnaire.languages.contains(code) else {
            let known = questionnaire.languages.map(\.rawValue)
            throw ValidationError(
                "unknown language '\(language)'\(Suggestion.hint(for: language, in: known)); this questionnaire has: \(known.joined(separator: ", "))"
            )
        }
        return code
    }
}
