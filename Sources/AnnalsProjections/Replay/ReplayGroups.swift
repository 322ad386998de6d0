import Foundation

/// The live facts of one type (meetings or documents) grouped as their tables hold them: by
/// corroboration key in SQLite's byte order, then into `Corroboration.group`'s groups (the n-th
/// fact of each readout, in seq order, joins the n-th group), each group in seq order.
///
/// Built with one sort of the rows and kept as ranges of that one array, so a key reported once
/// (most keys) costs no dictionary and no array of its own. Such a key's rows were encoded when
/// its fact arrived (`ReplayFactRow.derivedEncoded`); unless a rename changed its readout they
/// are still exact, and the digest copies them without visiting the row, whose objects lie in
/// seq order in memory while the tables run in key order (a cache miss per row otherwise).
struct ReplayGroups {
    /// The rows ordered by key, then group, then seq.
    private var rows: [ReplayFactRow]
    /// Each group: where its key's rows start, its ordinal within the key, its rows, and for the
    /// one fact of a key still as encoded, where its rows were encoded.
    private var groups: [(keyAt: Int, ordinal: Int, range: Range<Int>, encoded: Encoded?)] = []

    /// Where a fact's rows were encoded as the only fact of its key.
    struct Encoded {
        var row: Range<Int>
        var participants: Range<Int>
        var participantRows: Int
    }

    init(_ live: [ReplayFactRow], type: String) {
        let chosen = live.filter { $0.factType == type && $0.details != nil && $0.corroborationKey != nil }
        // The keys' bytes side by side in one buffer, so the sort compares with memcmp and
        // touches no string or row object (it had been a third of replay's grouping time).
        var arena: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(chosen.count)
        var chosenEncoded: [Encoded?] = []
        chosenEncoded.reserveCapacity(chosen.count)
        for row in chosen {
            let start = arena.count
            arena.append(contentsOf: (row.corroborationKey ?? "").utf8)
            spans.append((start, arena.count - start))
            chosenEncoded.append(row.renamed ? nil : Encoded(row: row.derivedEncoded, participants: row.participantsEncoded,
                                                                 participantRows: row.participantRows))
        }
        var order = Array(chosen.indices)
        var sameAsPrevious = [Bool](repeating: false, count: chosen.count)
        arena.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                func compare(_ i: Int, _ j: Int) -> Int32 {
                    let a = spans[i], b = spans[j]
                    let common = min(a.count, b.count)
                    let c = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, common)
                    if c != 0 { return c }
                    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
                }
                // Rows come in seq order, so ties keep it by index.
                order.sort { i, j in
                    let c = compare(i, j)
                    return c != 0 ? c < 0 : i < j
                }
                for position in order.indices.dropFirst() { sameAsPrevious[position] = compare(order[position - 1], order[position]) == 0 }
            }
        }
        rows = order.map { chosen[$0] }
        groups.reserveCapacity(rows.count)
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, sameAsPrevious[end] { end += 1 }
            if end - start == 1 {
                groups.append((start, 0, start..<end, chosenEncoded[order[start]]))
            } else {
                splitIntoGroups(start..<end)
            }
            start = end
        }
    }

    /// The groups of one key's rows (seq order): ordinals per readout, as `Corroboration.group`
    /// counts them (a `[String: Int]`, so readouts are told apart as Swift compares strings).
    private mutating func splitIntoGroups(_ keyRows: Range<Int>) {
        var seen: [String: Int] = [:]
        var numbered: [(ordinal: Int, row: ReplayFactRow)] = []
        numbered.reserveCapacity(keyRows.count)
        for index in keyRows {
            let row = rows[index]
            let n = seen[row.source, default: 0]
            seen[row.source] = n + 1
            numbered.append((n, row))
        }
        numbered.sort { $0.ordinal != $1.ordinal ? $0.ordinal < $1.ordinal : $0.row.seq < $1.row.seq }
        var groupStart = keyRows.lowerBound
        for (offset, item) in numbered.enumerated() {
            let index = keyRows.lowerBound + offset
            rows[index] = item.row
            let last = offset + 1 == numbered.count
            if last || numbered[offset + 1].ordinal != item.ordinal {
                groups.append((keyRows.lowerBound, item.ordinal, groupStart..<index + 1, nil))
                groupStart = index + 1
            }
        }
    }

    /// Visits the groups in table order: `encoded` with where the rows of a key's only fact were
    /// encoded (its table row, its participants' rows), `derive` with any other group's key,
    /// ordinal and rows (seq order).
    func forEachGroup(encoded: (Encoded) -> Void, derive: (String, Int, ArraySlice<ReplayFactRow>) -> Void) {
        for group in groups {
            if let done = group.encoded {
                encoded(done)
            } else {
                derive(rows[group.keyAt].corroborationKey ?? "", group.ordinal, rows[group.range])
            }
        }
    }
}
