import Glibc

/// Why a file in the watched folder was not read, with a short ``reason`` for log lines.
///
/// The daemon logs `skipped x.txt: <reason>` and carries on: none of these stops it.
/// Only ``stillBeingWritten`` is worth retrying (after the settle window).
public enum FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The relative path is empty, absolute, or has a `.`, `..` or empty component.
    case invalidPath
    /// The path (or a folder on the way to it) is a symbolic link; links are never followed.
    case symbolicLink
    /// A directory, FIFO, socket or device where a regular file was expected.
    case notRegularFile(FileKind)
    /// Larger than the reader's limit.
    case tooLarge(size: Int64, limit: Int64)
    /// `EACCES`/`EPERM`: mode 000, or a folder on the way that we may not search.
    case permissionDenied
    /// `ENOENT`: deleted (or renamed) between the event or scan and the read.
    case vanished
    /// Its size or modification time changed while it was read: retry after the settle window.
    case stillBeingWritten
    /// A folder nested deeper than the scanner's limit.
    case nestedTooDeep
    /// The name's bytes are not UTF-8, so it cannot be named in the log.
    case nameNotUTF8
    /// Any other failed system call, with its `errno`.
    case system(errno: Int32)

    /// A short phrase for `skipped NAME: REASON` log lines.
    public var reason: String {
        switch self {
        case .invalidPath: "invalid path"
        case .symbolicLink: "symbolic link"
        case .notRegularFile(let kind): kind.rawValue
        case .tooLarge(let size, let limit): "too large (\(size) bytes, limit \(limit))"
        case .permissionDenied: "permission denied"
        case .vanished: "vanished before it could be read"
        case .stillBeingWritten: "still being written"
        case .nestedTooDeep: "folder nested too deep"
        case .nameNotUTF8: "name is not UTF-8"
        case .system(let code): "I/O error: \(String(cString: strerror(code)))"
        }
    }

    /// True when the same read may succeed later without the folder changing again.
    public var isRetryable: Bool { self == .stillBeingWritten }

    public var description: String { reason }

    /// Maps an `errno` from `open`/`openat` to the error a caller should log.
    static func from(errno code: Int32) -> FileReadError {
        switch code {
        case ELOOP: .symbolicLink
        case ENOENT, ENOTDIR: .vanished
        case EACCES, EPERM: .permissionDenied
        case ENXIO: .notRegularFile(.socket)
        case EISDIR: .notRegularFile(.directory)
        default: .system(errno: code)
        }
    }
}
