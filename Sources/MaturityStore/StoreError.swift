import Foundation

/// Why the store could not do what was asked. Messages name the file and say what to do.
public enum StoreError: Error, Equatable, LocalizedError {
    case cannotOpen(path: String, reason: String)
    case notADatabase(path: String)
    case readOnly(path: String)
    /// Another process kept the file locked for longer than the busy timeout.
    case busy(path: String, seconds: Int)
    case newerSchema(path: String)
    case conflictingQuestionnaire(id: String, version: String)
    case assessmentNotFound(Int64)
    case companyNotFound(String, suggestion: String?)
    case ambiguousCompany(String, matches: [String])
    case storedQuestionnaireInvalid(sha256: String)
    case failed(String)

    public var errorDescription: String? {
        switch self {
        case let .cannotOpen(path, reason):
            "\(path): error: cannot open the database (\(reason)); check the folder exists and is writable, or pass --db"
        case let .notADatabase(path):
            "\(path): error: not a maturity database (the file is corrupt or of another kind); restore a backup or pass another --db"
        case let .readOnly(path):
            "\(path): error: the database is read-only; check the file's permissions, or pass another --db"
        case let .busy(path, seconds):
            "\(path): error: the database stayed locked by another process (a `maturity batch` import, or another writer) for \(seconds) s; try again when it has finished"
        case let .newerSchema(path):
            "\(path): error: the database was written by a newer version of maturity; upgrade maturity to open it"
        case let .conflictingQuestionnaire(id, version):
            "error: questionnaire '\(id)' version \(version) is already stored with a different content; questionnaire versions are immutable, so give the changed file a new version"
        case let .assessmentNotFound(id):
            "error: no assessment #\(id); run 'maturity list' to see the stored assessments"
        case let .companyNotFound(name, suggestion):
            "error: no company named '\(name)'\(suggestion.map { "; did you mean '\($0)'?" } ?? ""); run 'maturity list' to see the stored companies"
        case let .ambiguousCompany(name, matches):
            "error: several companies match '\(name)' (\(matches.joined(separator: ", "))); give the company's id or SIREN"
        case let .storedQuestionnaireInvalid(sha256):
            "error: the stored questionnaire \(sha256.prefix(12)) no longer loads with this version of maturity; keep the previous version to re-score it"
        case let .failed(message):
            "error: database: \(message)"
        }
    }
}
