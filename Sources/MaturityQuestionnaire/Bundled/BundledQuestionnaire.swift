/// The questionnaire shipped inside the binary (`questionnaires/ia-generative-pme.yaml`),
/// used when no `--questionnaire` is given, from any working directory.
public enum BundledQuestionnaire {
    /// The path shown in diagnostics and stored with assessments.
    public static let path = "questionnaires/ia-generative-pme.yaml"

    /// The exact bytes of the bundled file, as text.
    public static var text: String { source }

    /// Parses the bundled questionnaire. It is checked by the test suite, so it always loads.
    public static func load() -> LoadResult { QuestionnaireParser.parse(source, path: path) }
}
