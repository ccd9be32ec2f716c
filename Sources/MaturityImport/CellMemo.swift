import MaturityScoring

/// What the cells of one question gave: an answer (converted and checked, or the issue that
/// makes it wrong), nothing, or a problem that rejects the row.
enum CellOutcome: Sendable {
    case answer(PositionedAnswer)
    case empty
    case problem(CellProblem)
}

/// Outcomes of cells already read, per question of one file's converter. An export repeats
/// the same few codes, labels and numbers in every row: a cell seen before is one dictionary
/// lookup instead of reading, converting and checking it again (those took about 60 % of the
/// work per row before storing). Outcomes depend on the cell text alone, so they are reused
/// as they are.
///
/// A memo belongs to one converter and is used by one thread at a time (each batch worker has
/// its own), hence `@unchecked Sendable` without a lock. At most `limit` texts per question are
/// kept, so free-form numbers cannot make it grow without bound.
public final class CellMemo: @unchecked Sendable {
    static let limit = 1024
    private var slots: [[String: CellOutcome]] = []

    public init() {}

    func outcome(_ slot: Int, _ text: String) -> CellOutcome? {
        slot < slots.count ? slots[slot][text] : nil
    }

    /// The most texts kept for one question.
    var largest: Int { slots.map(\.count).max() ?? 0 }

    func remember(_ outcome: CellOutcome, _ slot: Int, _ text: String) {
        if slot >= slots.count { slots += Array(repeating: [:], count: slot + 1 - slots.count) }
        if slots[slot].count < Self.limit { slots[slot][text] = outcome }
    }
}
