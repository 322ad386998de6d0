import Glibc

/// The type of a directory entry, from `st_mode` as `lstat` reports it (links not followed).
public enum FileKind: String, Sendable, Hashable {
    case regular = "regular file"
    case directory
    case symbolicLink = "symbolic link"
    case fifo = "FIFO"
    case socket
    case characterDevice = "device"
    case blockDevice = "block device"
    case unknown = "unknown file type"

    /// Classifies the `S_IFMT` bits of `mode`.
    init(mode: mode_t) {
        switch mode & 0o170000 {
        case 0o100000: self = .regular
        case 0o040000: self = .directory
        case 0o120000: self = .symbolicLink
        case 0o010000: self = .fifo
        case 0o140000: self = .socket
        case 0o020000: self = .characterDevice
        case 0o060000: self = .blockDevice
        default: self = .unknown
        }
    }
}
