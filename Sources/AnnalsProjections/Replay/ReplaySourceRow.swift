/// One row of the `sources` table as `ReplayFold` keeps it.
struct ReplaySourceRow {
    var name: String
    var sha256: String
    var size: Int64
    var state: String
    var published: String?
    var arrivedSeq: Int64
    var arrivedAt: String
    var lastSeq: Int64
    var contentSeq: Int64
    var facts: Int64
}
