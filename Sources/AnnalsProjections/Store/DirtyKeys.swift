/// The keys of the derived read models that a batch of events touched, refreshed once at the
/// end of the batch.
struct DirtyKeys {
    var pairs: Set<String> = []
    var meetings: Set<String> = []
    var documents: Set<String> = []
    var people: Set<String> = []

    /// Marks what a fact row touches.
    mutating func touch(type: String, pair: String?, key: String?) {
        switch type {
        case "partnership": if let pair { pairs.insert(pair) }
        case "meeting": if let key { meetings.insert(key) }
        case "document": if let key { documents.insert(key) }
        default: break
        }
    }

    var isEmpty: Bool { pairs.isEmpty && meetings.isEmpty && documents.isEmpty && people.isEmpty }
}
