import Foundation
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
/// its own), hence `@unchecked Sendable` without a lock.
///
/// How much is kept, so that free-form numbers cannot make it grow without bound: `limit`
/// texts per question, and up to `grownLimit` (`budget` in all) for a question whose answers
/// are options (choices, scales), whose texts are few and repeat. In the sample, a multiple
/// choice of 9 options has 4,086 different cells: `limit` alone found a quarter of them.
public final class CellMemo: @unchecked Sendable {
    static let limit = 1024
    static let grownLimit = 8192
    static let budget = 32768

    private var slots: [[Key: CellOutcome]] = []
    private var kept = 0

    public init() {}

    /// The outcome remembered for a cell of these bytes, if any.
    func outcome(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> CellOutcome? {
        slot < slots.count ? slots[slot][Key(borrowing: bytes)] : nil
    }

    /// The most texts kept for one question.
    var largest: Int { slots.map(\.count).max() ?? 0 }

    /// Whether `remember` keeps another outcome for this question; `options`: whether its
    /// answers are options.
    func hasRoom(_ slot: Int, options: Bool) -> Bool {
        let count = slot < slots.count ? slots[slot].count : 0
        return count < Self.limit || (options && count < Self.grownLimit && kept < Self.budget)
    }

    /// Keeps `outcome` for a cell of these bytes; call only when `hasRoom`.
    func remember(_ outcome: CellOutcome, _ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        if slot >= slots.count { slots += Array(repeating: [:], count: slot + 1 - slots.count) }
        if slots[slot].updateValue(outcome, forKey: Key(owning: Array(bytes))) == nil { kept += 1 }
    }

    /// A cell's bytes with their hash (FNV-1a), made once per lookup: `String`'s own hashing
    /// normalises and runs SipHash over the text, which made a lookup of a 50-byte
    /// multiple-choice cell cost about a thousand instructions. Keys are equal when their bytes
    /// are: canonically equal texts with other bytes are other cells. A key made to look a cell
    /// up borrows the row's bytes (no copy, no allocation) and only lives during the lookup;
    /// a key kept in the memo owns a copy.
    struct Key: Hashable {
        private let owned: [UInt8]
        private let borrowed: UnsafeBufferPointer<UInt8>?
        let bytesHash: Int

        init(owning bytes: [UInt8]) {
            owned = bytes
            borrowed = nil
            bytesHash = bytes.withUnsafeBufferPointer(Self.hash)
        }

        /// Valid while `bytes` are.
        init(borrowing bytes: UnsafeBufferPointer<UInt8>) {
            owned = []
            borrowed = bytes
            bytesHash = Self.hash(bytes)
        }

        private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(truncatingIfNeeded: hash)
        }

        private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let borrowed { return body(borrowed) }
            return owned.withUnsafeBufferPointer(body)
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.bytesHash == rhs.bytesHash
                && lhs.withBytes { left in
                    rhs.withBytes { right in
                        guard left.count == right.count, let l = left.baseAddress, let r = right.baseAddress else {
                            return left.count == right.count
                        }
                        return memcmp(l, r, left.count) == 0
                    }
                }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
        /// What dictionaries call: the byte hash mixed with their seed.
        func _rawHashValue(seed: Int) -> Int { PrecomputedHash.mix(bytesHash, seed: seed) }
    }
}
