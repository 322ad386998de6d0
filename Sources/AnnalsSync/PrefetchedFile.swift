import AnnalsExtract

/// One name of a pass as the ``Prefetcher`` hands it to the writer: what reading it gave and,
/// for a readout the log may not hold yet, its facts, extracted off the write transaction.
public struct PrefetchedFile: Sendable {
    public var name: String
    public var state: FolderReconciler.FileState
    /// The readout's SHA-256 (hex), when `state` is a readout.
    public var sha256: String?
    /// The readout's facts; nil when not extracted ahead (the bytes are known, or not a readout),
    /// and then the recorder extracts them itself if it needs them.
    public var extracted: ExtractedFacts?

    public init(name: String, state: FolderReconciler.FileState, sha256: String? = nil, extracted: ExtractedFacts? = nil) {
        self.name = name
        self.state = state
        self.sha256 = sha256
        self.extracted = extracted
    }
}
