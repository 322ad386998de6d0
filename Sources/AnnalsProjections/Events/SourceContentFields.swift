import AnnalsLog

/// The fields of a `SourceAdded`/`SourceRevised` payload the sources model keeps, read without
/// decoding the text.
struct SourceContentFields {
    var name: String
    var sha256: String
    var size: Int
    var published: String?

    /// Reads the fields; a redacted payload gives the name from the stream and empty fields.
    init?(_ event: RecordedEvent) {
        guard let payload = event.payload else {
            guard let name = LifecyclePayload.name(of: event) else { return nil }
            self.name = name
            self.sha256 = ""
            self.size = 0
            self.published = nil
            return
        }
        let fields = LifecyclePayload.strings(["name", "sha256", "size", "published"], in: payload)
        guard let name = fields["name"] else { return nil }
        self.name = name
        self.sha256 = fields["sha256"] ?? ""
        self.size = Int(fields["size"] ?? "") ?? 0
        self.published = fields["published"]
    }
}
