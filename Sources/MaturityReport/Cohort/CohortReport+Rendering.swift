import MaturityQuestionnaire
import MaturityScoring

extension CohortReport {
    var french: Bool { language == LanguageCode.french.rawValue }

    func number(_ value: Double?) -> String {
        value.map { LocalizedNumber.format($0, LanguageCode(language), decimals: 1, fixed: true) } ?? "–"
    }

    func percent(_ value: Double) -> String { LocalizedNumber.format(value * 100, LanguageCode(language), decimals: 0) + " %" }

    /// Rows of the tables, as plain text cells (escaped by each format).
    var tables: [(heading: String, header: [String], rows: [[String]])] {
        let levelNames = overall.levels.map(\.name)
        let scoreHeader = [french ? "Dimension" : "Dimension", "Q1", french ? "Médiane" : "Median", "Q3"] + levelNames
        let scoreRows = ([overall] + dimensions).map { item in
            [item.name, number(item.q1), number(item.median), number(item.q3)] + item.levels.map { String($0.companies) }
        }
        let groupHeader = ["", french ? "Entreprises" : "Companies", french ? "Score global médian" : "Median overall score"]
        return [
            (french ? "Niveaux et scores par dimension" : "Levels and scores per dimension", scoreHeader, scoreRows),
            (
                french ? "Par secteur" : "By sector", [french ? "Secteur" : "Sector"] + groupHeader.dropFirst(),
                bySector.map { [$0.name, String($0.companies), number($0.medianOverall)] }
            ),
            (
                french ? "Par taille" : "By size", [french ? "Taille" : "Size"] + groupHeader.dropFirst(),
                bySize.map { [$0.name, String($0.companies), number($0.medianOverall)] }
            ),
            (
                french ? "Actions de feuille de route les plus fréquentes" : "Most frequent roadmap actions",
                [french ? "Action" : "Action", french ? "Phase" : "Phase", french ? "Entreprises" : "Companies", "%"],
                actions.map { [$0.title, $0.phase, String($0.companies), percent($0.share)] }
            ),
        ]
    }

    var countLine: String { french ? "\(companies) entreprises évaluées." : "\(companies) companies assessed." }

    public func markdown() -> String {
        var text = "# \(Escaping.markdown(title))\n\n\(countLine)\n"
        for table in tables {
            text += "\n## \(table.heading)\n\n"
            text += "| " + table.header.map(Escaping.markdown).joined(separator: " | ") + " |\n"
            text += "|" + table.header.map { _ in " --- |" }.joined() + "\n"
            for row in table.rows { text += "| " + row.map(Escaping.markdown).joined(separator: " | ") + " |\n" }
        }
        return text
    }

    public func html() -> String {
        var body = "<h1>\(Escaping.html(title))</h1>\n<p>\(Escaping.html(countLine))</p>\n"
        for table in tables {
            body += "<h2>\(Escaping.html(table.heading))</h2>\n<table>\n<tr>"
            body += table.header.map { "<th>\(Escaping.html($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows { body += "<tr>" + row.map { "<td>\(Escaping.html($0))</td>" }.joined() + "</tr>\n" }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language)"><head><meta charset="utf-8"><title>\(Escaping.html(title))</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}table{border-collapse:collapse;margin-bottom:1.5rem}\
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}@media print{h2{break-before:page}}</style></head>
            <body>
            \(body)</body></html>

            """
    }
}
