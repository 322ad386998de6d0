/// The live facts of one type (meetings or documents) grouped as their tables hold them: by
/// corroboration key in SQLite's byte order, then into `Corroboration.group`'s groups (the n-th
/// fact of each readout, in seq order, joins the n-th group), each group in seq order.
///
/// Built with one sort of the rows and kept as ranges of that one array, so a key reported once
/// (most keys) costs no dictionary and no array of its own.
struct ReplayGroups {
    /// The rows ordered by key, then group, then seq.
    private var rows: [ReplayFactRow]
    /// Each group: where its key's rows start, its ordinal within the key, its rows.
    private var groups: [(keyAt: Int, ordinal: Int, range: Range<Int>)] = []

    init(_ live: [ReplayFactRow], type: String) {
        rows = live.filter { $0.factType == type && $0.fact != nil && $0.corroborationKey != nil }
        rows.sort { a, b in
            let order = ReplayFold.compare(a.corroborationKey ?? "", b.corroborationKey ?? "")
            return order != 0 ? order < 0 : a.seq < b.seq
        }
        groups.reserveCapacity(rows.count)
        var start = 0
        while start < rows.count {
            let key = rows[start].corroborationKey ?? ""
            var end = start + 1
            while end < rows.count, ReplayFold.compare(rows[end].corroborationKey ?? "", key) == 0 { end += 1 }
            if end - start == 1 {
                groups.append((start, 0, start..<end))
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
                groups.append((keyRows.lowerBound, item.ordinal, groupStart..<index + 1))
                groupStart = index + 1
            }
        }
    }

    /// Calls `body` with each group's key, ordinal and rows (seq order), in table order.
    func forEachGroup(_ body: (String, Int, ArraySlice<ReplayFactRow>) -> Void) {
        for group in groups { body(rows[group.keyAt].corroborationKey ?? "", group.ordinal, rows[group.range]) }
    }
}
