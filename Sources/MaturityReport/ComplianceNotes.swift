import MaturityQuestionnaire
import MaturityScoring

/// The AI Act and GDPR points the answers raise (domain.md, "EU AI Act and GDPR points"): from
/// the use-case inventory (risk category, personal data) and from the roadmap's governance
/// actions. Each note is a topic and a sentence in the report language.
struct ComplianceNotes {
    let input: ReportInput

    struct Note {
        var topic: String
        var text: String
    }

    var useCases: [UseCase] {
        input.answers.answers.values.flatMap { value -> [UseCase] in
            if case let .useCases(list) = value { return list }
            return []
        }.sorted { $0.name < $1.name }
    }

    func pick(_ fr: String, _ en: String) -> String { input.language == .french ? fr : en }

    func names(_ items: [UseCase]) -> String { items.map { "« \($0.name) »" }.joined(separator: ", ") }

    var notes: [Note] {
        var notes = [
            Note(
                topic: pick("AI Act, art. 4 : maîtrise de l'IA", "AI Act, Art. 4: AI literacy"),
                text: pick(
                    "Depuis le 2 février 2025, toute entreprise qui utilise des systèmes d'IA doit s'assurer que les personnes qui s'en servent ont un niveau suffisant de maîtrise de l'IA : former avant de déployer.",
                    "Since 2 February 2025, every deployer of AI systems must ensure that the people using them have a sufficient level of AI literacy: train before rolling out."
                ))
        ]
        let items = useCases
        let prohibited = items.filter { $0.aiActRisk == .prohibited }
        if !prohibited.isEmpty {
            notes.append(
                Note(
                    topic: pick("AI Act, art. 5 : pratiques interdites", "AI Act, Art. 5: prohibited practices"),
                    text: pick(
                        "Interdits depuis le 2 février 2025 (par exemple la reconnaissance des émotions au travail) ; exclus du pilote : \(names(prohibited)).",
                        "Prohibited since 2 February 2025 (for example emotion recognition at work); excluded from the pilot: \(names(prohibited))."
                    )))
        }
        let high = items.filter { $0.aiActRisk == .high }
        if !high.isEmpty {
            notes.append(
                Note(
                    topic: pick("AI Act, annexe III : usages à haut risque", "AI Act, Annex III: high-risk uses"),
                    text: pick(
                        "Usages à haut risque (recrutement, gestion du personnel, crédit...) : obligations du déployeur de l'art. 26 (contrôle humain, journaux conservés au moins 6 mois, information des représentants du personnel avant l'usage), applicables au 2 décembre 2027 selon l'accord « omnibus numérique » de 2026 (adoption formelle à vérifier). Concernés : \(names(high)).",
                        "High-risk uses (recruitment, staff management, credit...): deployer duties of Art. 26 (human oversight, logs kept at least 6 months, informing workers' representatives before use), applicable from 2 December 2027 under the 2026 \"digital omnibus\" agreement (check formal adoption). Concerned: \(names(high))."
                    )))
        }
        let limited = items.filter { $0.aiActRisk == .limited }
        if !limited.isEmpty {
            notes.append(
                Note(
                    topic: pick("AI Act, art. 50 : transparence", "AI Act, Art. 50: transparency"),
                    text: pick(
                        "À partir du 2 août 2026 : dire aux personnes qu'elles échangent avec une IA, et signaler les contenus générés publiés pour informer le public. Concernés : \(names(limited)).",
                        "From 2 August 2026: tell people they are talking to an AI, and disclose AI-generated content published to inform the public. Concerned: \(names(limited))."
                    )))
        }
        let personal = items.filter(\.personalData)
        if !personal.isEmpty {
            notes.append(
                Note(
                    topic: pick("RGPD : données personnelles", "GDPR: personal data"),
                    text: pick(
                        "Pour \(names(personal)) : base légale, information des personnes, registre des traitements, contrat de sous-traitance avec le fournisseur, transferts hors UE, sécurité, analyse d'impact si le risque est élevé, pas de décision entièrement automatisée aux effets juridiques ; associer le DPO (CNIL, questions-réponses sur l'IA générative, juillet 2024).",
                        "For \(names(personal)): legal basis, information of the people concerned, record of processing, processor contract with the provider, transfers outside the EU, security, impact assessment when the risk is high, no solely automated decision with legal effects; involve the DPO (CNIL Q&A on generative AI, July 2024)."
                    )))
        }
        let governance = input.document.roadmap.phases.flatMap(\.actions).filter { $0.dimension == "governance" && $0.blocking }
        if !governance.isEmpty {
            notes.append(
                Note(
                    topic: pick("Prérequis de gouvernance", "Governance prerequisites"),
                    text: pick(
                        "Les réponses font apparaître des prérequis à lever avant tout pilote : \(governance.map(\.title).joined(separator: " ; ")).",
                        "The answers show prerequisites to clear before any pilot: \(governance.map(\.title).joined(separator: "; "))."
                    )))
        }
        return notes
    }
}
