import ArgumentParser
import MaturityImport
import MaturityQuestionnaire

/// `maturity batch --init-mapping EXPORT`: reads the export's header rows and prints a
/// starting mapping.
enum MappingTemplateCommand {
    static func template(for path: String, questionnaire: Questionnaire) throws -> String {
        do throws(ImportError) {
            let reader = try RecordReaders.open(path: path)
            var rows: [[String]] = []
            while rows.count < 3, let record = try reader.next() { rows.append(record.fields) }
            guard !rows.isEmpty else { throw .empty(path: path) }
            return MappingTemplate(questionnaire: questionnaire, path: path, rows: rows).yaml()
        } catch {
            Output.error(error.errorDescription ?? "\(path): error: cannot read the export")
            throw ExitCode.failure
        }
    }
}
