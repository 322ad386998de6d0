/// One row of the `facts` table as `ReplayFold` keeps it, with what the derived models need.
struct ReplayFactRow {
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
}
