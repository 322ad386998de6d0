/// Why a lexicon directory could not be loaded; each case names the file (and line) to fix.
public enum LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The directory does not exist or cannot be listed.
    case unreadableDirectory(path: String)
    /// A file the lexicon needs is absent.
    case missingFile(path: String)
    /// A file exists but cannot be read as UTF-8 text.
    case unreadableFile(path: String)
    /// A line does not have the shape its file's header describes.
    case malformed(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadableDirectory(path): return "lexicon directory \(path) cannot be read"
        case let .missingFile(path): return "lexicon file \(path) is missing"
        case let .unreadableFile(path): return "lexicon file \(path) is not readable UTF-8 text"
        case let .malformed(path, line, reason): return "\(path):\(line): \(reason)"
        }
    }
}
