import MaturityQuestionnaire
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
    private var slots: [[Key: CellOutcome]] = []

    public init() {}

    func outcome(_ slot: Int, _ key: Key) -> CellOutcome? {
        slot < slots.count ? slots[slot][key] : nil
    }

    /// The most texts kept for one question.
    var largest: Int { slots.map(\.count).max() ?? 0 }

    func remember(_ outcome: CellOutcome, _ slot: Int, _ key: Key) {
        if slot >= slots.count { slots += Array(repeating: [:], count: slot + 1 - slots.count) }
        if slots[slot].count < Self.limit { slots[slot][key] = outcome }
    }

    /// A cell text with a hash of its bytes (FNV-1a), made once per lookup: `String`'s own
    /// hashing normalises and runs SipHash over the text, which made a lookup of a 50-byte
    /// multiple-choice cell cost about a thousand instructions. Two keys are equal when their
    /// hashes and their texts are, so equal keys always hash alike.
    struct Key: Hashable {
        let text: String
        let bytesHash: Int

        init(_ text: String) {
            self.text = text
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            text.withUTF8Bytes { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
            bytesHash = Int(truncatingIfNeeded: hash)
        }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.bytesHash == rhs.bytesHash && lhs.text == rhs.text }
        func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
        /// What dictionaries call: the byte hash mixed with their seed.
        func _rawHashValue(seed: Int) -> Int { PrecomputedHash.mix(bytesHash, seed: seed) }
    }
}
