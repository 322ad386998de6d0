/// One row of the `facts` table as `ReplayFold` keeps it, with what the derived models need.
///
/// A class, so sorting and grouping rows moves references rather than copying a dozen strings.
final class ReplayFactRow {
    var seq: Int64
    var factID: String
    var factType: String
    var eventType: String
    var source: String
    var validOn: String?
    var pair: String?
    var corroborationKey: String?
    var level: String?
    var action: String?
    var summary: String
    var live: Bool
    var endedBy: Int64?
    /// The parsed fact, kept for meetings and documents only (their rows need every field).
    var fact: AssertedFact?
    /// The fact's `person_appearances` rows while it is live.
    var appearances: [Appearance]

    init(seq: Int64, factID: String, factType: String, eventType: String, source: String, validOn: String?, pair: String?,
         corroborationKey: String?, level: String?, action: String?, summary: String, fact: AssertedFact?,
         appearances: [Appearance]) {
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
        self.fact = fact
        self.appearances = appearances
    }
}
