import MaturityQuestionnaire

/// The fixed wording of the report, per language: what templates read as `labels.*`.
enum ReportLabels {
    static func labels(_ language: LanguageCode) -> [String: String] {
        language == .french ? french : english
    }

    static let french: [String: String] = [
        "title": "Diagnostic de maturité en IA générative", "colon": "\u{A0}:", "points": "pt",
        "company": "Entreprise", "siren": "SIREN", "sector": "Secteur", "size": "Effectif", "region": "Région",
        "date": "Date", "advisor": "Conseiller", "questionnaire": "Questionnaire", "wave": "Vague",
        "summary": "Synthèse", "overallLevel": "Niveau global", "weakest": "Dimensions les plus faibles",
        "firstActions": "Les trois premières actions",
        "scores": "Scores par dimension", "dimension": "Dimension", "score": "Score", "level": "Niveau",
        "coverage": "Couverture", "caps": "Plafonds", "bar": "Barre", "overall": "Global",
        "scoreChart": "Scores des dimensions (0 à 100)",
        "details": "Dimension par dimension", "levelMeaning": "Ce que signifie ce niveau",
        "holdsBack": "Ce qui freine", "raises": "Ce qui ferait progresser",
        "nothingHolds": "Rien de notable : toutes les réponses sont au plus haut.",
        "roadmap": "Feuille de route", "weeks": "semaines", "effort": "Effort", "owner": "Responsable", "kpi": "Indicateur",
        "blocking": "Prérequis bloquant : à faire avant tout pilote", "timeline": "Calendrier des phases",
        "useCases": "Cas d'usage pilotes", "useCase": "Cas d'usage", "department": "Service", "hoursPerYear": "Heures/an",
        "impact": "Impact", "quadrant": "Quadrant", "status": "Statut", "proposed": "Proposé pour le pilote",
        "quadrantChart": "Impact et effort des cas d'usage", "noUseCases": "Aucun cas d'usage n'a été inventorié.",
        "roi": "Retour sur investissement (année 1)", "scenario": "Scénario", "timeSaved": "Temps gagné", "hoursSaved": "Heures gagnées",
        "value": "Valeur", "cost": "Coût année 1", "net": "Net année 1", "payback": "Retour", "months": "mois",
        "assumptions": "Hypothèses", "source": "Source",
        "capacityNote": "Les gains sont présentés comme du temps de travail libéré, pas comme une économie de salaires.",
        "compliance": "Conformité : AI Act et RGPD", "noCompliance": "Aucun point particulier relevé par les réponses.",
        "notes": "Notes du conseiller", "question": "Question", "note": "Note",
        "progress": "Progrès depuis la vague précédente", "before": "Avant", "after": "Après", "delta": "Écart",
        "cohort": "Position dans la cohorte", "companies": "entreprises", "yourScore": "Votre score", "q1": "1er quartile",
        "median": "Médiane", "q3": "3e quartile", "percentile": "Centile", "position": "Position",
        "cohortNote":
            "Le centile est la part des entreprises de la cohorte qui ont un score inférieur (ex aequo comptés pour moitié) ; la cohorte inclut l'entreprise.",
        "appendix": "Annexe : toutes les réponses", "answer": "Réponse", "unanswered": "sans réponse",
        "generatedBy": "Rapport produit par",
    ]

    static let english: [String: String] = [
        "title": "Generative-AI maturity diagnostic", "colon": ":", "points": "pts",
        "company": "Company", "siren": "SIREN", "sector": "Sector", "size": "Headcount", "region": "Region",
        "date": "Date", "advisor": "Advisor", "questionnaire": "Questionnaire", "wave": "Wave",
        "summary": "Executive summary", "overallLevel": "Overall level", "weakest": "Weakest dimensions",
        "firstActions": "The first three actions",
        "scores": "Scores by dimension", "dimension": "Dimension", "score": "Score", "level": "Level",
        "coverage": "Coverage", "caps": "Caps", "bar": "Bar", "overall": "Overall",
        "scoreChart": "Dimension scores (0 to 100)",
        "details": "Dimension by dimension", "levelMeaning": "What this level means",
        "holdsBack": "What holds it back", "raises": "What would raise it", "nothingHolds": "Nothing notable: every answer is at the top.",
        "roadmap": "Roadmap", "weeks": "weeks", "effort": "Effort", "owner": "Owner", "kpi": "KPI",
        "blocking": "Blocking prerequisite: to do before any pilot", "timeline": "Phase timeline",
        "useCases": "Pilot use cases", "useCase": "Use case", "department": "Department", "hoursPerYear": "Hours/year",
        "impact": "Impact", "quadrant": "Quadrant", "status": "Status", "proposed": "Proposed for the pilot",
        "quadrantChart": "Impact and effort of the use cases", "noUseCases": "No use case was listed.",
        "roi": "Return on investment (year 1)", "scenario": "Scenario", "timeSaved": "Time saved", "hoursSaved": "Hours saved",
        "value": "Value", "cost": "Year-1 cost", "net": "Year-1 net", "payback": "Payback", "months": "months",
        "assumptions": "Assumptions", "source": "Source",
        "capacityNote": "Gains are shown as working time freed up, not as salary savings.",
        "compliance": "Compliance: AI Act and GDPR", "noCompliance": "No particular point raised by the answers.",
        "notes": "Advisor notes", "question": "Question", "note": "Note",
        "progress": "Progress since the previous wave", "before": "Before", "after": "After", "delta": "Change",
        "cohort": "Position in the cohort", "companies": "companies", "yourScore": "Your score", "q1": "Lower quartile",
        "median": "Median", "q3": "Upper quartile", "percentile": "Percentile", "position": "Position",
        "cohortNote":
            "The percentile is the share of the cohort's companies with a lower score (ties count half); the cohort includes the company.",
        "appendix": "Appendix: every answer", "answer": "Answer", "unanswered": "unanswered",
        "generatedBy": "Report produced by",
    ]
}
