/// An entry a scan refused, with why: log it as `skipped \(relativePath): \(error.reason)`.
public struct SkippedEntry: Sendable, Hashable, CustomStringConvertible {
    /// Path under the root (lossily decoded when the name is not UTF-8).
    public let relativePath: String
    /// Why it was skipped.
    public let error: FileReadError

    public init(relativePath: String, error: FileReadError) {
        self.relativePath = relativePath
        self.error = error
    }

    public var description: String { "skipped \(relativePath): \(error.reason)" }
}
