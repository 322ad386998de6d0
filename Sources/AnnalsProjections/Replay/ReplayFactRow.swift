/// One row of the `facts` table as `ReplayFold` keeps it, with what the derived models need.
///
/// A class, so grouping rows moves references rather than copying a dozen strings.
///
/// `@unchecked Sendable` for one hand-over: replay's reading thread makes and encodes a row,
/// sends it to the folding thread (`ReplayFold+Pipeline`) and never touches it again; from then
/// on only the folding thread reads or changes it.
final class ReplayFactRow: @unchecked Sendable {
    var seq: Int64
    var factID: String
    var factType: String
    var eventType: EventType
    var source: String
    var validOn: String?
    var pair: String?
    var corroborationKey: String?
    var level: String?
    var action: String?
    var summary: String
    var live: Bool
    var endedBy: Int64?
    /// Deleted by a redaction: no `facts` row any more (kept in place so positions stay sorted).
    var deleted: Bool
    /// The parsed fact, kept for meetings and documents only (their rows need every field).
    let details: ReplayFactDetails?
    /// The fact's `person_appearances` rows while it is live (their other columns are the row's).
    var appearances: [ReplayAppearance]
    /// Moved to another readout by a rename since it was encoded.
    var renamed = false
    /// Where `ReplayArenas.facts` holds this row as inserted (live, not ended, first source).
    var encoded: Range<Int> = 0..<0
    /// Where `ReplayArenas.appearances` holds its `person_appearances` rows as inserted.
    var appearancesEncoded: Range<Int> = 0..<0
    /// For a meeting or document: where `ReplayArenas.meetings` or `.documents` holds its
    /// row as the only fact of its key (ordinal 0, its own readout), as inserted.
    var derivedEncoded: Range<Int> = 0..<0
    /// For a meeting: where `ReplayArenas.participants` holds its `meeting_participants` rows
    /// as the only fact of its key.
    var participantsEncoded: Range<Int> = 0..<0
    /// How many rows `participantsEncoded` holds.
    var participantRows = 0

    init(seq: Int64, factID: String, factType: String, eventType: EventType, source: String, validOn: String?, pair: String?,
         corroborationKey: String?, level: String?, action: String?, summary: String, details: ReplayFactDetails?,
         appearances: [ReplayAppearance]) {
        self.seq = seq
        self.factID = factID
        self.factType = factType
        self.eventType = eventType
        self.source = source
        self.validOn = validOn
        self.pair = pair
        self.corroborationKey = corroborationKey
        self.level = level
        self.action = action
        self.summary = summary
        self.live = true
        self.endedBy = nil
        self.deleted = false
        self.details = details
        self.appearances = appearances
    }
}
