/// The rows `ReplayFold` encodes as each fact arrives, one buffer per table, in seq order.
///
/// A row's encoding depends on the fact alone: it is the row as first inserted (live, not
/// ended, under its first readout). Rows the fold then skips (their readout was withdrawn)
/// leave unused bytes, which no range points to.
struct ReplayArenas {
    /// `facts` rows (`ReplayFactRow.encoded`).
    var facts = RowBytes()
    /// `person_appearances` rows (`ReplayFactRow.appearancesEncoded`).
    var appearances = RowBytes()
    /// Each meeting's `meetings` row and `meeting_participants` rows, and each document's
    /// `documents` row, as the only fact of its key (`ReplayGroups` uses them when so).
    var meetings = RowBytes()
    var participants = RowBytes()
    var documents = RowBytes()

    init() {}

    /// Sized for about `events` facts (this workload's bytes per fact), so they do not double
    /// and copy as they grow.
    init(expecting events: Int) {
        facts = RowBytes(capacity: events * 220)
        appearances = RowBytes(capacity: events * 160)
        meetings = RowBytes(capacity: events * 120)
        participants = RowBytes(capacity: events * 60)
        documents = RowBytes(capacity: events * 50)
    }

    /// Encodes `row`'s rows and records where in the row.
    mutating func encode(_ row: ReplayFactRow) {
        row.encoded = ReplayArenas.write(into: &facts) { ReplayFold.encodeFactRow(row, into: &$0) }
        if !row.appearances.isEmpty {
            row.appearancesEncoded = ReplayArenas.write(into: &appearances) { ReplayFold.encodeAppearances(of: row, into: &$0) }
        }
        guard let key = row.corroborationKey, let details = row.details else { return }
        let alone = CollectionOfOne(row)
        if row.factType == "meeting" {
            row.derivedEncoded = ReplayArenas.write(into: &meetings) { ReplayFold.encodeMeeting(key: key, ordinal: 0, alone, into: &$0) }
            row.participantsEncoded = ReplayArenas.write(into: &participants) {
                ReplayFold.encodeParticipants(key: key, ordinal: 0, alone, into: &$0)
            }
            row.participantRows = details.fact.participants.count
        } else {
            row.derivedEncoded = ReplayArenas.write(into: &documents) { ReplayFold.encodeDocument(key: key, ordinal: 0, alone, into: &$0) }
        }
    }

    /// Runs `write` on `arena` and returns the range it wrote.
    private static func write(into arena: inout RowBytes, _ body: (inout RowBytes) -> Void) -> Range<Int> {
        let start = arena.count
        body(&arena)
        return start..<arena.count
    }
}
