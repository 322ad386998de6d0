/// The result of one ``FolderScanner`` pass: candidate readouts and refused entries, both sorted
/// by relative path so two scans of the same folder compare equal.
public struct FolderScan: Sendable, Hashable {
    /// Regular files with candidate names (see ``FileNameRules/isCandidate(_:)``).
    public var entries: [FolderEntry]
    /// Each refused entry once: links (any visible name), and directories, FIFOs, sockets and
    /// devices with candidate names, unreadable folders, non-UTF-8 names.
    public var skipped: [SkippedEntry]

    public init(entries: [FolderEntry] = [], skipped: [SkippedEntry] = []) {
        self.entries = entries
        self.skipped = skipped
    }
}
