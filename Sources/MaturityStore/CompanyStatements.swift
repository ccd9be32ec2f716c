import GRDB
import MaturityScoring

/// Finds a company by SIREN, else by name (case-insensitive), else creates it. Prepared once
/// per batch chunk, as a batch import looks up a company for every respondent.
struct CompanyStatements {
    let bySiren: RawStatement
    let byName: RawStatement
    let insert: RawStatement

    /// `now`: the creation time of companies, as `MaturityDatabase.databaseText` writes it.
    init(_ db: Database, now: String) throws {
        bySiren = try RawStatement(db, "SELECT id FROM company WHERE siren = ?")
        byName = try RawStatement(db, "SELECT id FROM company WHERE name = ? COLLATE NOCASE LIMIT 1")
        insert = try RawStatement(db, "INSERT INTO company (name, siren, sector, headcount, region, createdAt) VALUES (?, ?, ?, ?, ?, ?)")
        try insert.bind(6, now)
    }

    /// The company's id, and whether it was created.
    func findOrCreate(_ company: Company) throws -> (id: Int64, created: Bool) {
        let siren = company.siren.map(Self.digits)?.nilIfEmpty
        if let siren {
            try bySiren.bind(1, siren)
            if let found = try bySiren.firstInteger() { return (found, false) }
        }
        let name = (company.name ?? "").trimmed
        try byName.bind(1, name)
        if let found = try byName.firstInteger() { return (found, false) }
        try insert.bind(1, name)
        try insert.bind(2, siren)
        try insert.bind(3, company.sector)
        try insert.bind(4, company.headcount)
        try insert.bind(5, company.region)
        return (try insert.insertedRowID(), true)
    }

    /// The digits of a SIREN as typed ("123 456 789"); most are digits only already, and
    /// filtering `Character`s cost more than looking the company up (callgrind).
    static func digits(_ text: String) -> String {
        text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ? text : text.filter(\.isNumber)
    }
}
